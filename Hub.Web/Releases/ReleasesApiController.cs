using AutoMapper;
using Hub.Core.Common;
using Hub.Core.Releases;
using Hub.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Releases;

/// <summary>Releases are visible to every signed-in user; the owner's editors and the coordinators deprecate or withdraw them.</summary>
[Route("api/v1/releases")]
public sealed class ReleasesApiController(IReleaseStore releases, ChangeRelease change, IMapper mapper) : ApiControllerBase
{
    [HttpGet]
    [ProducesResponseType<PageDto<ReleaseDto>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(
        string? q, int? themenfeld, string? status, Guid? ownerId, Guid? cooperationId, int? reifegrad, string? land, int page = 1, int pageSize = 50,
        CancellationToken ct = default)
    {
        var v = new FieldValidator().MaxLength("q", q, 200).Range("themenfeld", themenfeld, 1, 999).Range("reifegrad", reifegrad, 0, 4).Paging(page, pageSize);
        if (land is not null && !Hub.Core.Tenancy.Lands.IsValid(land))
            v.Add("land", "Unbekanntes Land.");
        if (status is not null && !ReleaseStatusCodes.TryParse(status, out _))
            v.Add("status", "Erlaubt sind active, deprecated und withdrawn.");
        if (v.HasErrors)
            return Problem(v.ToError());
        var query = new ReleaseQuery(q, themenfeld, status is null ? null : ReleaseStatusCodes.Parse(status), null, ownerId, cooperationId, reifegrad, land);
        var result = await releases.ListAsync(query, new PageRequest(page, pageSize), ct);
        return Ok(PageDto.From<ReleaseInfo, ReleaseDto>(mapper, result));
    }

    [HttpGet("{id:guid}")]
    [ProducesResponseType<ReleaseDetailsDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(Guid id, CancellationToken ct) =>
        await releases.GetDetailsAsync(id, ct) is { } details ? Ok(mapper.Map<ReleaseDetailsDto>(details)) : Problem(Hub.Core.Common.NotFound.Instance);

    [HttpPost("{id:guid}/deprecate")]
    [ProducesResponseType<ReleaseDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Deprecate(Guid id, ReleaseStatusRequest request, CancellationToken ct) =>
        Answer(await change.ExecuteAsync(await ActorAsync(), id, ReleaseAction.Deprecate, request.Reason, request.SuccessorReleaseId, ct));

    [HttpPost("{id:guid}/withdraw")]
    [ProducesResponseType<ReleaseDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Withdraw(Guid id, ReleaseStatusRequest request, CancellationToken ct) =>
        Answer(await change.ExecuteAsync(await ActorAsync(), id, ReleaseAction.Withdraw, request.Reason, request.SuccessorReleaseId, ct));

    private IActionResult Answer(Result<ReleaseInfo> result) => result.IsSuccess ? Ok(mapper.Map<ReleaseDto>(result.Value)) : Problem(result.Error);
}
