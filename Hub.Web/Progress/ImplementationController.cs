using Hub.Core.Progress;
using Hub.Core.Tenancy;
using Hub.Web.Accounts;
using Hub.Web.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Progress;

public sealed class ImplementationFormRow
{
    public string? OzgId { get; set; }

    public bool Responsible { get; set; }

    public string? Status { get; set; }

    public int? Reifegrad { get; set; }

    public string? Reason { get; set; }

    public int? BaseRowVersion { get; set; }
}

public sealed record ImplementationPage(
    Organization Organization, IReadOnlyList<ImplementationStatus> Rows, bool ShowAll, bool CanEdit, ImplementationImport? Import, bool DryRun, string? Message,
    IReadOnlyDictionary<string, ImplementationFormRow>? Posted = null)
{
    /// <summary>What the form shows for a row: after a refused save the user's own input (with the current row version), else the stored state.</summary>
    public (bool Responsible, string Status, int? Reifegrad, string? Reason) Shown(ImplementationStatus r) =>
        Posted?.GetValueOrDefault(r.OzgId) is { } p ? (p.Responsible, p.Status ?? r.State.ToCode(), p.Reifegrad, p.Reason) : (r.Responsible, r.State.ToCode(), r.Reifegrad, r.Reason);

    public IReadOnlyList<ImplementationStatus> Responsible => Rows.Where(r => r.Responsible).ToList();

    public OrganizationProgress Figures => OrganizationProgress.From(Organization.Id, Organization.Name, Rows, 0, 0, 0);
}

/// <summary>The Umsetzungsstand page: the figures, the bulk editor, CSV download and upload with a dry run.</summary>
[Authorize]
public sealed class ImplementationController(ManageImplementation implementation, CurrentActor current, ApiProblems problems) : Controller
{
    [HttpGet("/organisationen/{id:guid}/umsetzungsstand")]
    public Task<IActionResult> Show(Guid id, bool alle = false, string? meldung = null, CancellationToken ct = default) => RenderAsync(id, alle, null, false, meldung, ct);

    [HttpPost("/organisationen/{id:guid}/umsetzungsstand")]
    public async Task<IActionResult> Save(Guid id, List<ImplementationFormRow> rows, bool alle, CancellationToken ct)
    {
        var input = rows.Select(r => (r.OzgId, (bool?)r.Responsible, r.Status, r.Reifegrad, r.Reason, r.BaseRowVersion)).ToList();
        return await this.AfterPostAsync(await implementation.PutAsync(await current.RequireAsync(ct), id, input, ct),
            $"/organisationen/{id}/umsetzungsstand?meldung=gespeichert{(alle ? "&alle=true" : "")}", problems,
            () => RenderAsync(id, alle, null, false, null, ct, rows.Where(r => r.OzgId is not null).DistinctBy(r => r.OzgId).ToDictionary(r => r.OzgId!)));
    }

    [HttpGet("/organisationen/{id:guid}/umsetzungsstand.csv")]
    public async Task<IActionResult> Csv(Guid id, CancellationToken ct)
    {
        var result = await implementation.GetAsync(await current.RequireAsync(ct), id, ct);
        if (!result.IsSuccess)
            return PageErrors.StatusFor(result.Error);
        var (organization, rows) = result.Value;
        return File(System.Text.Encoding.UTF8.GetBytes(ManageImplementation.ToCsv(organization, rows)), "text/csv; charset=utf-8",
            $"umsetzungsstand-{organization.Ags ?? id.ToString()}.csv");
    }

    [HttpPost("/organisationen/{id:guid}/umsetzungsstand/csv")]
    [RequestSizeLimit(1024 * 1024)]
    public async Task<IActionResult> Upload(Guid id, IFormFile? file, bool dryRun, CancellationToken ct)
    {
        var bytes = Array.Empty<byte>();
        if (file is not null)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            bytes = buffer.ToArray();
        }

        var result = await implementation.ImportCsvAsync(await current.RequireAsync(ct), id, bytes, dryRun, ct);
        if (!result.IsSuccess)
            return PageErrors.StatusFor(result.Error);
        if (result.Value.Errors.Count > 0)
            Response.StatusCode = StatusCodes.Status400BadRequest;
        return await RenderAsync(id, false, result.Value, dryRun, null, ct);
    }

    private async Task<IActionResult> RenderAsync(
        Guid id, bool all, ImplementationImport? import, bool dryRun, string? message, CancellationToken ct, IReadOnlyDictionary<string, ImplementationFormRow>? posted = null)
    {
        var actor = await current.RequireAsync(ct);
        var result = await implementation.GetAsync(actor, id, ct);
        if (!result.IsSuccess)
            return PageErrors.StatusFor(result.Error);
        var (organization, rows) = result.Value;
        return View("~/Views/Progress/Implementation.cshtml",
            new ImplementationPage(organization, rows, all, OrganizationVisibility.CanEdit(actor, id), import, dryRun, message, posted));
    }
}
