using Hub.Core.Catalog;
using Hub.Core.Common;
using Hub.Core.Drafts;
using Hub.Core.Releases;
using Hub.Web.Accounts;
using Hub.Web.Common;
using Hub.Web.Drafts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Releases;

/// <summary>Release pages: the list (search, Themenfeld, status) and one release with approvals, diff to the previous release and its status.</summary>
[Authorize]
public sealed class ReleasesController(
    IReleaseStore releases, ICatalogStore catalog, IDraftStore drafts, ChangeRelease change, CurrentActor current, ApiProblems problems,
    Hub.Core.Adoptions.ManageAdoptions adoptions, Hub.Core.Adoptions.IAdoptionStore adoptionStore) : Controller
{
    [HttpGet("/freigaben")]
    public async Task<IActionResult> Index(string? q, int? themenfeld, string? status, Guid? dienst, int page = 1, CancellationToken ct = default)
    {
        q = FieldValidator.Trim(q);
        if (q?.Length > 200)
            q = q[..200];
        var themenfelder = await catalog.ListThemenfelderAsync(ct);
        if (themenfelder.All(t => t.Id != themenfeld))
            themenfeld = null;
        ReleaseStatus? parsed = ReleaseStatusCodes.TryParse(status, out var s) ? s : null;
        var result = await releases.ListAsync(new ReleaseQuery(q, themenfeld, parsed, dienst), new PageRequest(page, 50), ct);
        var pager = PagerViewModel.From(result, "/freigaben", new Dictionary<string, string?>
        {
            ["q"] = q, ["themenfeld"] = themenfeld?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["status"] = parsed?.ToCode(),
            ["dienst"] = dienst?.ToString(),
        });
        return View(new ReleaseListPage(result.Items, pager, q, themenfeld, parsed?.ToCode(), themenfelder));
    }

    [HttpGet("/freigaben/{id:guid}")]
    public Task<IActionResult> Show(Guid id, string? meldung, CancellationToken ct) => RenderAsync(id, meldung, ct);

    [HttpPost("/freigaben/{id:guid}/veraltet")]
    public async Task<IActionResult> Deprecate(Guid id, string? reason, Guid? successorReleaseId, CancellationToken ct) =>
        await AfterAsync(id, await change.ExecuteAsync(await current.RequireAsync(ct), id, ReleaseAction.Deprecate, reason, successorReleaseId, ct), reason, ct);

    [HttpPost("/freigaben/{id:guid}/zurueckziehen")]
    public async Task<IActionResult> Withdraw(Guid id, string? reason, Guid? successorReleaseId, CancellationToken ct) =>
        await AfterAsync(id, await change.ExecuteAsync(await current.RequireAsync(ct), id, ReleaseAction.Withdraw, reason, successorReleaseId, ct), reason, ct);

    [HttpPost("/freigaben/{id:guid}/nachnutzen")]
    public async Task<IActionResult> Adopt(Guid id, Guid? organizationId, CancellationToken ct)
    {
        var result = await adoptions.AdoptAsync(await current.RequireAsync(ct), id, organizationId, ct);
        return await this.AfterPostAsync(result, result.IsSuccess ? $"/nachnutzungen/{result.Value.Id}?meldung=angelegt" : "", problems, () => RenderAsync(id, null, ct));
    }

    private Task<IActionResult> AfterAsync(Guid id, Result<ReleaseInfo> result, string? reason, CancellationToken ct) =>
        this.AfterPostAsync(result, $"/freigaben/{id}?meldung=geaendert", problems, () => RenderAsync(id, null, ct, reason));

    private async Task<IActionResult> RenderAsync(Guid id, string? message, CancellationToken ct, string? postedReason = null)
    {
        var details = await releases.GetDetailsAsync(id, ct);
        if (details is null)
            return NotFound();
        var draft = await drafts.GetAsync(details.Release.DraftId, ct);
        var canChange = draft is not null && details.Release.Status != ReleaseStatus.Withdrawn
            && ChangeRelease.MayChange(DraftAccess.For(await current.RequireAsync(ct), draft.Snapshot));
        var diff = details.PreviousContent is { } previous ? RevisionDiff.Between(previous, details.Content) : null;
        var actor = await current.RequireAsync(ct);
        var all = await adoptionStore.ListForServiceAsync(details.Release.DraftId, ct);
        var mine = all.Where(a => actor.IsMemberOf(a.OrganizationId)).ToList();
        var canAdoptFor = Hub.Core.Adoptions.ManageAdoptions.MayAdoptFor(actor, details.Release, mine);
        var reach = new AdoptionReach(all.Count(a => a.Status != Hub.Core.Adoptions.AdoptionStatus.Dropped),
            all.Count(a => a.Status == Hub.Core.Adoptions.AdoptionStatus.Live), all.Count(a => a.ReleaseId == details.Release.Id && a.Status != Hub.Core.Adoptions.AdoptionStatus.Dropped));
        return View("Show", new ReleasePage(details, diff, canChange, message, reach, mine, canAdoptFor, postedReason));
    }
}
