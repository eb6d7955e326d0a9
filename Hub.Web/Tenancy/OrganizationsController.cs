using AutoMapper;
using Hub.Core.Common;
using Hub.Core.Tenancy;
using Hub.Web.Accounts;
using Hub.Web.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Tenancy;

[Authorize]
public sealed class OrganizationsController(
    IOrganizationStore organizations, ICooperationStore cooperations, CurrentActor current, IMapper mapper) : Controller
{
    public const int PageSize = 50;

    [HttpGet("/organisationen")]
    public async Task<IActionResult> Index(string? q, string? land, int page = 1, CancellationToken ct = default)
    {
        q = q?.Trim();
        if (q?.Length > 200)
            q = q[..200];
        if (!Lands.IsValid(land))
            land = null;
        var result = await organizations.ListAsync(new OrganizationQuery(q, land), new PageRequest(page, PageSize), ct);
        var pager = PagerViewModel.From(result, "/organisationen", new Dictionary<string, string?> { ["q"] = q, ["land"] = land });
        return View(new OrganizationListPage(mapper.Map<List<OrganizationViewModel>>(result.Items), pager, q, land));
    }

    [HttpGet("/organisationen/{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct)
    {
        var organization = await organizations.GetAsync(id, ct);
        if (organization is null)
            return NotFound();
        var actor = await current.RequireAsync(ct);
        var coops = await cooperations.ListMineAsync([id], [], ct);
        return View(new OrganizationPage(
            mapper.Map<OrganizationViewModel>(organization),
            mapper.Map<List<CooperationListItemViewModel>>(coops),
            TenancyPolicy.CanManageMembers(actor, id),
            actor.IsMemberOf(id),
            OrganizationVisibility.CanSee(actor, id, organization.LandCode, await cooperations.PartnersOfAsync(id, ct))));
    }
}
