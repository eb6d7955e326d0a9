using AutoMapper;
using Hub.Core.Common;
using Hub.Core.Drafts;
using Hub.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Drafts;

public sealed record CommentDto(
    Guid Id, Guid DraftId, int? Revision, string? Anchor, Guid? ParentId, Guid AuthorUserId, string AuthorName, Guid? OrganizationId,
    string? OrganizationName, string Body, string BodyHtml, DateTimeOffset CreatedAt, DateTimeOffset? ResolvedAt, string? ResolvedByName);

public sealed record CommentThreadDto(CommentDto Comment, bool Resolved, IReadOnlyList<CommentDto> Replies);

public sealed record CommentRequest(string? Body, int? Revision, string? Anchor, Guid? ParentId);

/// <summary>Threaded comments on a draft: list, write (optionally on a revision's section, or as a reply), resolve a thread.</summary>
[Route("api/v1")]
public sealed class CommentsApiController(DraftComments comments, IMapper mapper) : ApiControllerBase
{
    [HttpGet("drafts/{id:guid}/comments")]
    [ProducesResponseType<List<CommentThreadDto>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(Guid id, CancellationToken ct)
    {
        var result = await comments.ListAsync(await ActorAsync(), id, ct);
        return result.IsSuccess ? Ok(mapper.Map<List<CommentThreadDto>>(result.Value)) : Problem(result.Error);
    }

    [HttpPost("drafts/{id:guid}/comments")]
    [ProducesResponseType<CommentDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Add(Guid id, CommentRequest request, CancellationToken ct)
    {
        var result = await comments.AddAsync(await ActorAsync(), id, request.Body, request.Revision, request.Anchor, request.ParentId, ct);
        return result.IsSuccess
            ? Created($"/api/v1/drafts/{id}/comments", mapper.Map<CommentDto>(result.Value))
            : Problem(result.Error);
    }

    [HttpPost("comments/{id:guid}/resolve")]
    [ProducesResponseType<CommentDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Resolve(Guid id, CancellationToken ct)
    {
        var result = await comments.ResolveAsync(await ActorAsync(), id, ct);
        return result.IsSuccess ? Ok(mapper.Map<CommentDto>(result.Value)) : Problem(result.Error);
    }
}
