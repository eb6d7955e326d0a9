using Hub.Core.Audit;
using Hub.Core.Common;
using Hub.Core.Inbox;
using Hub.Core.Tenancy;

namespace Hub.Core.Drafts;

public sealed record AddCommentCommand(string? Body, int? Revision, string? Anchor, Guid? ParentId);

/// <summary>
/// What a new comment is decided on: the draft (null when it does not exist or is hidden), the heading ids of the revision
/// the comment is on (null when that revision was not read), and the thread the parent belongs to (its first comment and
/// its replies; empty for a new thread or an unknown parent).
/// </summary>
public sealed record CommentState(DraftDetails? Draft, IReadOnlyCollection<string>? Headings, IReadOnlyList<CommentEntry> Thread);

/// <summary>A thread's first comment (locked by the store when it writes) and its draft (null when hidden).</summary>
public sealed record ResolveState(CommentEntry Comment, DraftSnapshot? Draft);

/// <summary>What a new comment writes: the comment, the audit event, and the notice (the owner's editors, or the thread's writers).</summary>
public sealed record CommentAdd(NewComment Comment, AuditEvent Audit, Notice Notice);

/// <summary>What resolving writes: who resolved the thread when, and the audit event.</summary>
public sealed record CommentResolve(Guid CommentId, Guid ResolvedBy, DateTimeOffset At, AuditEvent Audit);

/// <summary>
/// Discussion on a draft as pure functions. Members of the cooperation's organizations and its coordinators comment and
/// reply (threads one level deep: a reply to a reply joins the thread) until the draft is withdrawn; a thread is resolved
/// by whoever started it, an editor of the owner or a coordinator. Checks in order: visible (404) → allowed (403) → legal
/// in the draft's state (409) → input valid (400) → thread still open (409).
/// </summary>
public static class CommentDecider
{
    public const int BodyMax = 20_000;
    public const int AnchorMax = 200;

    public static Conflict AlreadyResolved { get; } = new("already_resolved", new ErrorMessage("Diese Diskussion ist bereits erledigt."));

    /// <param name="markdown">Checks the body before it is accepted and renders it once it is.</param>
    public static Result<CommentAdd> Add(CommentState state, AddCommentCommand command, Actor actor, IMarkdown markdown, IClock clock)
    {
        if (state.Draft is not { } draft)
            return NotFound.Instance;
        var access = DraftAccess.For(actor, draft.Snapshot);
        if (!access.CanSee)
            return NotFound.Instance;
        if (!access.CanComment)
            return new Forbidden("not_a_participant", new ErrorMessage("Kommentieren können die Organisationen des Verbunds und seine Koordination."));
        if (draft.Summary.Status == DraftStatus.Withdrawn)
            return DraftLifecycle.IllegalTransition(draft.Summary.Status);

        var v = new FieldValidator().Required("body", command.Body, BodyMax).Markdown("body", command.Body, markdown).MaxLength("anchor", command.Anchor, AnchorMax);
        var current = draft.Summary.CurrentRevision;
        var onRevision = command.Revision ?? current;
        var anchor = FieldValidator.Trim(command.Anchor);
        if (command.Revision is not null && (command.Revision < 1 || command.Revision > current))
            v.Add("revision", "Diese Fassung gibt es nicht.");
        else if (anchor is not null && state.Headings is { } headings && !headings.Contains(anchor))
            v.Add("anchor", "Diesen Abschnitt gibt es in Fassung {0} nicht.", onRevision);

        Guid? threadId = null;
        if (command.ParentId is { } p)
        {
            var parent = state.Thread.FirstOrDefault(c => c.Id == p);
            if (parent is null || parent.DraftId != draft.Summary.Id)
                v.Add("parentId", "Diesen Kommentar gibt es zu diesem Entwurf nicht.");
            else
                threadId = parent.ParentId ?? parent.Id;
        }

        if (v.HasErrors)
            return v.ToError();
        if (threadId is { } t && state.Thread.FirstOrDefault(c => c.Id == t) is { ResolvedAt: not null })
            return new Conflict("thread_resolved", new ErrorMessage("Diese Diskussion ist bereits erledigt."));

        var at = clock.UtcNow;
        var comment = new NewComment(Ids.New(), draft.Summary.Id, onRevision, anchor, threadId, actor.UserId, access.SpeaksFor, command.Body!.Trim(),
            markdown.ToSafeHtml(command.Body), at);
        var audit = AuditEvent.Create(at, actor, access.SpeaksFor, "draft", comment.DraftId, threadId is null ? "commented" : "replied",
            after: new { commentId = comment.Id, revision = onRevision, anchor, parentId = threadId });
        var to = threadId is { } thread
            ? Recipients.Users(state.Thread.Where(c => c.Id == thread || c.ParentId == thread).Select(c => c.AuthorUserId))
            : Recipients.Members([draft.Summary.OwnerOrganizationId], Roles.Editing);
        var notice = new Notice(threadId is null ? "commented" : "replied", to, comment.DraftId, draft.Summary.Title, onRevision, at, actor.UserId)
        {
            CommentId = comment.Id,
        };
        return new CommentAdd(comment, audit, notice);
    }

    public static Result<CommentResolve> Resolve(ResolveState? state, Actor actor, IClock clock)
    {
        if (state is null)
            return NotFound.Instance;
        var comment = state.Comment;
        var access = state.Draft is null ? null : DraftAccess.For(actor, state.Draft);
        if (access is not { CanSee: true })
            return NotFound.Instance;
        if (comment.ParentId is not null)
            return ValidationFailed.For("id", new ErrorMessage("Erledigt wird eine ganze Diskussion: bitte den ersten Kommentar wählen."));
        if (!access.CanResolve(comment.AuthorUserId, actor))
            return new Forbidden("not_allowed_to_resolve", new ErrorMessage("Erledigen können die Verfasserin oder der Verfasser, die federführende Organisation und die Koordination."));
        if (comment.ResolvedAt is not null)
            return AlreadyResolved;

        var at = clock.UtcNow;
        var audit = AuditEvent.Create(at, actor, access.SpeaksFor, "draft", comment.DraftId, "comment_resolved", after: new { commentId = comment.Id });
        return new CommentResolve(comment.Id, actor.UserId, at, audit);
    }
}
