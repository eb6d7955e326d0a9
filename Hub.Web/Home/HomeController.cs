using AutoMapper;
using Hub.Core.Common;
using Hub.Core.Tenancy;
using Hub.Web.Accounts;
using Hub.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Home;

public sealed record HomePage(
    string DisplayName,
    IReadOnlyList<(Guid Id, string Name, string Role)> Memberships,
    IReadOnlyList<CooperationListItemViewModel> Cooperations,
    IReadOnlyList<string> ObservedLands,
    bool IsPlatformAdmin,
    Hub.Core.Inbox.MyTasks Tasks,
    IReadOnlyList<Hub.Core.Inbox.Notification> Unread);

public sealed class HomeController(CurrentActor current, ICooperationStore cooperations, Hub.Core.Inbox.IInboxStore inbox, IMapper mapper) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null)
            return View("Welcome");

        // The cooperations of all my organizations and those I coordinate, in one query.
        var mine = await cooperations.ListMineAsync(actor.Memberships.Select(m => m.OrganizationId).ToList(), actor.CoordinatedCooperationIds, ct);

        return View(new HomePage(
            actor.DisplayName,
            actor.Memberships.Select(m => (m.OrganizationId, m.OrganizationName, TenancyLabels.Role(m.Role))).ToList(),
            mapper.Map<List<CooperationListItemViewModel>>(mine),
            actor.ObserverScopes.Select(s => Lands.NameOf(s.LandCode)).ToList(),
            actor.IsPlatformAdmin,
            await inbox.TasksAsync(actor, ct),
            (await inbox.ListAsync(actor.UserId, true, new PageRequest(1, 5), ct)).Items));
    }
}
