using AutoMapper;
using Hub.Core.Common;
using Hub.Core.Inbox;
using Hub.Web.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hub.Web.Inbox;

public sealed record NotificationDto(
    Guid Id, string Kind, Guid? DraftId, string Subject, int? Revision, string? Version, Guid? CommentId, string Text, string? Link,
    DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

public sealed record InboxDto(IReadOnlyList<NotificationDto> Items, int Page, int PageSize, long TotalCount, int UnreadCount);

public sealed record MarkReadRequest(IReadOnlyCollection<Guid>? Ids);

public sealed record TasksDto(
    IReadOnlyList<TaskItem> AwaitingMyReview, IReadOnlyList<TaskItem> ChangesRequested, IReadOnlyList<TaskItem> ReadyToRelease, IReadOnlyList<CommentTask> OpenComments);

/// <summary>The signed-in user's notifications (text in the request's language) and task queue.</summary>
[Route("api/v1")]
public sealed class InboxApiController(IInboxStore inbox, IClock clock, IStringLocalizer<SharedResource> localizer, IMapper mapper) : ApiControllerBase
{
    [HttpGet("inbox")]
    [ProducesResponseType<InboxDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(bool unread = false, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        var v = new FieldValidator().Paging(page, pageSize);
        if (v.HasErrors)
            return Problem(v.ToError());
        var actor = await ActorAsync();
        var result = await inbox.ListAsync(actor.UserId, unread, new PageRequest(page, pageSize), ct);
        return Ok(new InboxDto(result.Items.Select(ToDto).ToList(), result.PageNumber, result.PageSize, result.TotalCount,
            await inbox.CountUnreadAsync(actor.UserId, ct)));
    }

    [HttpPost("inbox/read")]
    [ProducesResponseType<object>(StatusCodes.Status200OK)]
    public async Task<IActionResult> MarkRead(MarkReadRequest? request, CancellationToken ct)
    {
        var ids = request?.Ids ?? [];
        if (ids.Count > 500)
            return Problem(ValidationFailed.For("ids", new ErrorMessage("Höchstens {0} auf einmal.", 500)));
        var changed = await inbox.MarkReadAsync((await ActorAsync()).UserId, ids, clock.UtcNow, ct);
        return Ok(new { marked = changed });
    }

    [HttpGet("tasks")]
    [ProducesResponseType<TasksDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Tasks(CancellationToken ct)
    {
        return Ok(mapper.Map<TasksDto>(await inbox.TasksAsync(await ActorAsync(), ct)));
    }

    /// <summary>
    /// Built here rather than in a mapping profile: the text is the notification's template translated into the request's
    /// language by the localizer, a service AutoMapper's constructor mapping cannot reach.
    /// </summary>
    private NotificationDto ToDto(Notification n)
    {
        var (template, args) = n.Text();
        return new NotificationDto(n.Id, n.Kind, n.DraftId, n.Subject, n.Revision, n.Version, n.CommentId, localizer[template, args], n.Link, n.CreatedAt, n.ReadAt);
    }
}
