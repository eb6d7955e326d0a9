using AutoMapper;
using Hub.Core.Common;
using Hub.Core.Progress;
using Hub.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Progress;

public sealed record ImplementationStatusDto(
    string OzgId, string Name, int ThemenfeldId, string Themenfeld, bool Responsible, string Status, int? Reifegrad, string? Reason, Guid? AdoptionId,
    Guid? DraftId, bool Recorded, DateTimeOffset? UpdatedAt, int RowVersion);

public sealed record ImplementationRowRequest(string? OzgId, bool? Responsible, string? Status, int? Reifegrad, string? Reason, int? BaseRowVersion);

public sealed record ImplementationPutRequest(IReadOnlyList<ImplementationRowRequest>? Rows);

/// <summary>Umsetzungsstand of one organization: every OZG-Leistung (recorded or default); bulk upsert by its editors; CSV out and in.</summary>
[Route("api/v1/organizations/{id:guid}/implementation-status")]
public sealed class ImplementationApiController(ManageImplementation implementation, IMapper mapper) : ApiControllerBase
{
    [HttpGet]
    [ProducesResponseType<List<ImplementationStatusDto>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(Guid id, CancellationToken ct)
    {
        var result = await implementation.GetAsync(await ActorAsync(), id, ct);
        return result.IsSuccess ? Ok(mapper.Map<List<ImplementationStatusDto>>(result.Value.Rows)) : Problem(result.Error);
    }

    [HttpPut]
    [ProducesResponseType<object>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Put(Guid id, ImplementationPutRequest request, CancellationToken ct)
    {
        var rows = (request.Rows ?? []).Select(r => (r.OzgId, r.Responsible, r.Status, r.Reifegrad, r.Reason, r.BaseRowVersion)).ToList();
        var result = await implementation.PutAsync(await ActorAsync(), id, rows, ct);
        return result.IsSuccess ? Ok(new { rows = result.Value }) : Problem(result.Error);
    }

    [HttpGet("csv")]
    [Produces("text/csv")]
    public async Task<IActionResult> Csv(Guid id, CancellationToken ct)
    {
        var result = await implementation.GetAsync(await ActorAsync(), id, ct);
        return result.IsSuccess
            ? File(System.Text.Encoding.UTF8.GetBytes(ManageImplementation.ToCsv(result.Value.Organization, result.Value.Rows)), "text/csv; charset=utf-8",
                $"umsetzungsstand-{result.Value.Organization.Ags ?? id.ToString()}.csv")
            : Problem(result.Error);
    }

    /// <summary>The CSV as the request body (text/csv); ?dryRun=true lists the changes without writing. Any bad row: 400 with every line, nothing written.</summary>
    [HttpPost("csv")]
    [Consumes("text/csv", "application/octet-stream")]
    [ProducesResponseType<object>(StatusCodes.Status200OK)]
    public async Task<IActionResult> ImportCsv(Guid id, bool dryRun = false, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        await Request.Body.CopyToAsync(buffer, ct);
        var result = await implementation.ImportCsvAsync(await ActorAsync(), id, buffer.ToArray(), dryRun, ct);
        if (!result.IsSuccess)
            return Problem(result.Error);
        var import = result.Value;
        if (import.Errors.Count > 0)
            return Problem(ValidationFailed.For(new Dictionary<string, ErrorMessage[]> { ["csv"] = import.Errors.Select(e => new ErrorMessage("{0}", e)).ToArray() }));
        return Ok(new
        {
            dryRun,
            applied = import.Applied,
            changes = import.Changes.Select(c => new { c.After.OzgId, before = c.Before.State.ToCode(), after = c.After.State.ToCode(), c.After.Responsible, c.After.Reifegrad }),
        });
    }
}
