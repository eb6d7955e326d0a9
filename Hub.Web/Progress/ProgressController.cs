using System.Globalization;
using System.Text;
using Hub.Core.Catalog;
using Hub.Core.Common;
using Hub.Core.Progress;
using Hub.Web.Accounts;
using Hub.Web.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Progress;

/// <summary>A bar of a server-rendered chart; the same figures stand in the table beside it.</summary>
public sealed record Bar(string Label, int Value);

public sealed record BarChart(string Title, IReadOnlyList<Bar> Bars)
{
    public int Max => Math.Max(1, Bars.Count == 0 ? 1 : Bars.Max(b => b.Value));
}

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

public static class ProgressCsv
{
    public static string Organization(OrganizationProgress p)
    {
        var text = new StringBuilder("themenfeld,responsible,live,in_progress,no_solution,not_relevant\n");
        foreach (var t in p.Themenfelder)
            text.Append(CultureInfo.InvariantCulture, $"{CsvText.Field(t.Themenfeld)},{t.Responsible},{t.Live},{t.InProgress},{t.NoSolution},{t.NotRelevant}\n");
        text.Append(CultureInfo.InvariantCulture, $"total,{p.Responsible},{p.Count(ImplementationState.Live)},{p.Count(ImplementationState.InProgress)},");
        text.Append(CultureInfo.InvariantCulture, $"{p.Count(ImplementationState.NoSolution)},{p.Count(ImplementationState.NotRelevant)}\n");
        return text.ToString();
    }

    public static string Cooperation(CooperationProgress p)
    {
        var text = new StringBuilder("organization,responsible,live,in_progress,no_solution\n");
        foreach (var m in p.Members)
            text.Append(CultureInfo.InvariantCulture, $"{CsvText.Field(m.Name)},{m.Responsible},{m.Live},{m.InProgress},{m.NoSolution}\n");
        return text.ToString();
    }

    public static string State(StateProgress p)
    {
        var text = new StringBuilder("ozg_id,name,live_municipalities,kreise_covered\n");
        foreach (var s in p.Services)
            text.Append(CultureInfo.InvariantCulture, $"{s.OzgId},{CsvText.Field(s.Name)},{s.LiveMunicipalities},{s.KreiseCovered}\n");
        return text.ToString();
    }
}

[Route("api/v1/progress")]
public sealed class ProgressApiController(ReadProgress progress) : ApiControllerBase
{
    [HttpGet("organizations/{id:guid}")]
    [ProducesResponseType<OrganizationProgress>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Organization(Guid id, CancellationToken ct)
    {
        var result = await progress.OrganizationAsync(await ActorAsync(), id, ct);
        if (!result.IsSuccess)
            return Problem(result.Error);
        var p = result.Value;
        return Ok(new
        {
            p.OrganizationId, p.Name, p.Responsible,
            states = Enum.GetValues<ImplementationState>().Select(s => new { state = s.ToCode(), count = p.Count(s), share = p.Share(s) }),
            p.Themenfelder, p.Adoptions, p.AdoptionsLive, p.AdoptionsBehind,
        });
    }

    [HttpGet("cooperations/{id:guid}")]
    [ProducesResponseType<CooperationProgress>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Cooperation(Guid id, CancellationToken ct)
    {
        var result = await progress.CooperationAsync(await ActorAsync(), id, ct);
        if (!result.IsSuccess)
            return Problem(result.Error);
        var p = result.Value;
        return Ok(new
        {
            p.CooperationId, p.Name, p.FundingAmount, p.Funder, p.FundingPerReleasedService, p.Members,
            drafts = p.Drafts.Select(d => new { status = d.Status, count = d.Count }), p.Releases, p.ReleasedServices, p.OutsideAdopters, p.OutsideLive, p.OutsideAdopterNames,
        });
    }

    [HttpGet("states/{landCode}")]
    [ProducesResponseType<StateProgress>(StatusCodes.Status200OK)]
    public async Task<IActionResult> State(string landCode, CancellationToken ct)
    {
        var result = await progress.StateAsync(await ActorAsync(), landCode, ct);
        return result.IsSuccess ? Ok(result.Value) : Problem(result.Error);
    }
}
