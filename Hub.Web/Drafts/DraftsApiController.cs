using AutoMapper;
using Hub.Core.Common;
using Hub.Core.Drafts;
using Hub.Web.Accounts;
using Hub.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Drafts;

/// <summary>The EfA lifecycle over JSON: create, save (with baseRevision), submit, recall, review, release, withdraw.</summary>
[Route("api/v1")]
public sealed class DraftsApiController(CreateDraft create, ReadDraft read, ChangeDraft change, IDraftStore drafts, IMapper mapper) : ApiControllerBase
{
    [HttpPost("drafts")]
    [ProducesResponseType<DraftDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Create(DraftRequest request, CancellationToken ct)
    {
        var result = await create.ExecuteAsync(await ActorAsync(), request.OrganizationId, request.CooperationId, request.ToContent(), ct);
        return result.IsSuccess
            ? Created($"/api/v1/drafts/{result.Value.Summary.Id}", mapper.Map<DraftDto>(result.Value))
            : Problem(result.Error);
    }

    [HttpGet("drafts")]
    [ProducesResponseType<PageDto<DraftSummaryDto>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(string? status, Guid? cooperationId, Guid? organizationId, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        var v = new FieldValidator().Paging(page, pageSize);
        DraftStatus? parsed = null;
        if (status is not null)
        {
            if (DraftCodes.TryParseStatus(status, out var s))
                parsed = s;
            else
                v.Add("status", "Unbekannter Status.");
        }

        if (v.HasErrors)
            return Problem(v.ToError());
        var result = await drafts.ListVisibleAsync(await ActorAsync(), new DraftQuery(parsed, cooperationId, organizationId), new PageRequest(page, pageSize), ct);
        return Ok(PageDto.From<DraftSummary, DraftSummaryDto>(mapper, result));
    }

    [HttpGet("drafts/{id:guid}")]
    [ProducesResponseType<DraftDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(Guid id, CancellationToken ct) => Answer(await read.GetAsync(await ActorAsync(), id, ct), d => mapper.Map<DraftDto>(d));

    [HttpPut("drafts/{id:guid}")]
    [ProducesResponseType<TransitionDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Save(Guid id, DraftRequest request, CancellationToken ct) =>
        Answer(await change.SaveAsync(await ActorAsync(), id, request.ToContent(), request.BaseRevision, ct), o => mapper.Map<TransitionDto>(o));

    [HttpGet("drafts/{id:guid}/revisions")]
    [ProducesResponseType<List<RevisionDto>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Revisions(Guid id, CancellationToken ct) =>
        Answer(await read.RevisionsAsync(await ActorAsync(), id, ct), r => mapper.Map<List<RevisionDto>>(r));

    [HttpGet("drafts/{id:guid}/revisions/{revision:int}")]
    [ProducesResponseType<RevisionDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Revision(Guid id, int revision, CancellationToken ct) =>
        Answer(await read.RevisionAsync(await ActorAsync(), id, revision, ct), r => mapper.Map<RevisionDto>(r));

    [HttpGet("drafts/{id:guid}/diff")]
    [ProducesResponseType<RevisionDiffDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Diff(Guid id, int? from, int? to, CancellationToken ct) =>
        Answer(await read.RevisionPairAsync(await ActorAsync(), id, from, to, ct), p => mapper.Map<RevisionDiffDto>(RevisionDiff.Between(p.From, p.To)));

    [HttpPost("drafts/{id:guid}/submit")]
    [ProducesResponseType<TransitionDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Submit(Guid id, SubmitRequest? request, CancellationToken ct) =>
        Answer(await change.SubmitAsync(await ActorAsync(), id, request?.Revision, ct), o => mapper.Map<TransitionDto>(o));

    [HttpPost("drafts/{id:guid}/recall")]
    [ProducesResponseType<TransitionDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Recall(Guid id, CancellationToken ct) =>
        Answer(await change.RecallAsync(await ActorAsync(), id, ct), o => mapper.Map<TransitionDto>(o));

    [HttpPost("drafts/{id:guid}/reviews")]
    [ProducesResponseType<TransitionDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Review(Guid id, ReviewRequest request, CancellationToken ct)
    {
        var result = await change.ReviewAsync(await ActorAsync(), id, request.OrganizationId, request.Verdict, request.Body, ct);
        return result.IsSuccess ? StatusCode(StatusCodes.Status201Created, mapper.Map<TransitionDto>(result.Value)) : Problem(result.Error);
    }

    [HttpGet("drafts/{id:guid}/reviews")]
    [ProducesResponseType<List<ReviewDto>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Reviews(Guid id, CancellationToken ct) =>
        Answer(await read.ReviewsAsync(await ActorAsync(), id, ct), r => mapper.Map<List<ReviewDto>>(r));

    [HttpPost("drafts/{id:guid}/release")]
    [ProducesResponseType<TransitionDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Release(Guid id, ReleaseRequest? request, CancellationToken ct)
    {
        var result = await change.ReleaseAsync(await ActorAsync(), id, request?.Notes, request?.Breaking ?? false, ct);
        return result.IsSuccess
            ? Created($"/api/v1/releases/{result.Value.ReleaseId}", mapper.Map<TransitionDto>(result.Value))
            : Problem(result.Error);
    }

    [HttpPost("drafts/{id:guid}/withdraw")]
    [ProducesResponseType<TransitionDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Withdraw(Guid id, WithdrawRequest request, CancellationToken ct) =>
        Answer(await change.WithdrawAsync(await ActorAsync(), id, request.Reason, ct), o => mapper.Map<TransitionDto>(o));

    private IActionResult Answer<T>(Result<T> result, Func<T, object> map) => result.IsSuccess ? Ok(map(result.Value)) : Problem(result.Error);
}
