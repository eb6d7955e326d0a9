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
    bool IsPlatformAdmin);

public sealed class HomeController(CurrentActor current, ICooperationStore cooperations, IMapper mapper) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null)
            return View("Welcome");

        // The cooperations of all my organizations and those I coordinate, each once.
        var found = new Dictionary<Guid, CooperationSummary>();
        foreach (var membership in actor.Memberships)
        {
            var page = await cooperations.ListAsync(new CooperationQuery(null, membership.OrganizationId), new PageRequest(1, PageRequest.MaxPageSize), ct);
            foreach (var c in page.Items)
                found.TryAdd(c.Id, c);
        }

        foreach (var id in actor.CoordinatedCooperationIds.Where(id => !found.ContainsKey(id)))
        {
            if (await cooperations.GetAsync(id, ct) is { } d)
                found[id] = new CooperationSummary(id, d.Cooperation.Name, d.Lead.Name, d.Members.Count, d.Cooperation.FundingAmount);
        }

        return View(new HomePage(
            actor.DisplayName,
            actor.Memberships.Select(m => (m.OrganizationId, m.OrganizationName, TenancyLabels.Role(m.Role))).ToList(),
            mapper.Map<List<CooperationListItemViewModel>>(found.Values.OrderBy(c => c.Name, StringComparer.CurrentCulture).ToList()),
            actor.ObserverScopes.Select(s => Lands.NameOf(s.LandCode)).ToList(),
            actor.IsPlatformAdmin));
    }
}
