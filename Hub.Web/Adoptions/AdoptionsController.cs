using Hub.Core.Adoptions;
using Hub.Core.Releases;
using Hub.Web.Accounts;
using Hub.Web.Common;
using Hub.Web.Drafts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Adoptions;

public sealed record AdoptionListPage(IReadOnlyList<(Guid Id, string Name, IReadOnlyList<Adoption> Adoptions)> Organizations);

public sealed record AdoptionPage(Adoption Adoption, bool CanEdit, ReleaseInfo? Newest, RevisionDiff? DiffToNewest, string? Message, AdoptionForm Form);

/// <summary>What the rollout form shows: the stored values, or after a refused save what the user typed (nothing is lost).</summary>
public sealed record AdoptionForm(string Status, string Notes, DateOnly? PlannedFor, DateOnly? LiveSince)
{
    public static AdoptionForm Of(Adoption a) => new(a.Status.ToCode(), a.Notes, a.PlannedFor, a.LiveSince);
}

/// <summary>Adoption pages: my organizations' adoptions, one adoption with its rollout, overlay and "Update verfügbar".</summary>
[Authorize]
public sealed class AdoptionsController(ManageAdoptions adoptions, IReleaseStore releases, CurrentActor current, ApiProblems problems) : Controller
{
    [HttpGet("/nachnutzungen")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        return View(new AdoptionListPage(await adoptions.ListMineAsync(await current.RequireAsync(ct), ct)));
    }

    [HttpGet("/nachnutzungen/{id:guid}")]
    public Task<IActionResult> Show(Guid id, string? meldung, CancellationToken ct) => RenderAsync(id, meldung, ct);

    [HttpPost("/nachnutzungen/{id:guid}")]
    public async Task<IActionResult> Change(Guid id, string? status, string? notes, DateOnly? plannedFor, DateOnly? liveSince, int? baseRowVersion, CancellationToken ct) =>
        await this.AfterPostAsync(await adoptions.ChangeAsync(await current.RequireAsync(ct), id, status, notes ?? "", plannedFor, liveSince, baseRowVersion, ct),
            $"/nachnutzungen/{id}?meldung=gespeichert", problems, () => RenderAsync(id, null, ct, new AdoptionForm(status ?? "", notes ?? "", plannedFor, liveSince)));

    [HttpPost("/nachnutzungen/{id:guid}/aktualisieren")]
    public async Task<IActionResult> Upgrade(Guid id, Guid? releaseId, int? baseRowVersion, CancellationToken ct) =>
        await this.AfterPostAsync(await adoptions.UpgradeAsync(await current.RequireAsync(ct), id, releaseId, baseRowVersion, ct),
            $"/nachnutzungen/{id}?meldung=aktualisiert", problems, () => RenderAsync(id, null, ct));

    private async Task<IActionResult> RenderAsync(Guid id, string? message, CancellationToken ct, AdoptionForm? posted = null)
    {
        var actor = await current.RequireAsync(ct);
        var found = await adoptions.GetAsync(actor, id, ct);
        if (!found.IsSuccess)
            return PageErrors.StatusFor(found.Error);
        var adoption = found.Value;
        ReleaseInfo? newest = null;
        RevisionDiff? diff = null;
        if (adoption.UpdateAvailable && adoption.NewestReleaseId is { } newestId
            && await releases.GetDetailsAsync(newestId, ct) is { } newer && await releases.GetDetailsAsync(adoption.ReleaseId, ct) is { } adopted)
        {
            newest = newer.Release;
            diff = RevisionDiff.Between(adopted.Content, newer.Content);
        }

        return View("Show", new AdoptionPage(adoption, ManageAdoptions.MayEdit(actor, adoption.OrganizationId), newest, diff, message,
            posted ?? AdoptionForm.Of(adoption)));
    }
}
