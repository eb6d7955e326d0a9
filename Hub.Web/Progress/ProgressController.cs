using System.Text;
using Hub.Core.Common;
using Hub.Core.Progress;
using Hub.Web.Accounts;
using Hub.Web.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Progress;

/// <summary>Dashboards as pages (with SVG charts and tables) and CSV; the JSON is in <see cref="ProgressApiController"/>.</summary>
[Authorize]
public sealed class ProgressController(ReadProgress progress, CurrentActor current) : Controller
{
    [HttpGet("/fortschritt/organisationen/{id:guid}")]
    public async Task<IActionResult> Organization(Guid id, CancellationToken ct) =>
        Page(await progress.OrganizationAsync(await current.RequireAsync(ct), id, ct), "Organization");

    [HttpGet("/fortschritt/organisationen/{id:guid}.csv")]
    public async Task<IActionResult> OrganizationCsv(Guid id, CancellationToken ct) =>
        Csv(await progress.OrganizationAsync(await current.RequireAsync(ct), id, ct), ProgressCsv.Organization, $"fortschritt-{id}.csv");

    [HttpGet("/fortschritt/verbuende/{id:guid}")]
    public async Task<IActionResult> Cooperation(Guid id, CancellationToken ct) =>
        Page(await progress.CooperationAsync(await current.RequireAsync(ct), id, ct), "Cooperation");

    [HttpGet("/fortschritt/verbuende/{id:guid}.csv")]
    public async Task<IActionResult> CooperationCsv(Guid id, CancellationToken ct) =>
        Csv(await progress.CooperationAsync(await current.RequireAsync(ct), id, ct), ProgressCsv.Cooperation, $"fortschritt-verbund-{id}.csv");

    [HttpGet("/fortschritt/laender/{land}")]
    public async Task<IActionResult> State(string land, CancellationToken ct) =>
        Page(await progress.StateAsync(await current.RequireAsync(ct), land, ct), "State");

    [HttpGet("/fortschritt/laender/{land}.csv")]
    public async Task<IActionResult> StateCsv(string land, CancellationToken ct) =>
        Csv(await progress.StateAsync(await current.RequireAsync(ct), land, ct), ProgressCsv.State, $"fortschritt-land-{land}.csv");

    private IActionResult Page<T>(Result<T> result, string view) =>
        result.IsSuccess ? View($"~/Views/Progress/{view}.cshtml", result.Value) : PageErrors.StatusFor(result.Error);

    private IActionResult Csv<T>(Result<T> result, Func<T, string> csv, string name) =>
        result.IsSuccess ? File(Encoding.UTF8.GetBytes(csv(result.Value)), "text/csv; charset=utf-8", name) : PageErrors.StatusFor(result.Error);
}
