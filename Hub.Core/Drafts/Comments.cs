using Hub.Core.Audit;
using Hub.Core.Common;
using Hub.Core.Tenancy;

namespace Hub.Core.Drafts;

public sealed record CommentEntry(
    Guid Id,
    Guid DraftId,
    int? Revision,
    string? Anchor,
    Guid? ParentId,
    Guid AuthorUserId,
    string AuthorName,
    Guid? OrganizationId,
    string? OrganizationName,
    string Body,
    string BodyHtml,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ResolvedAt,
    string? ResolvedByName);

/// <summary>A comment and its replies; threads are one level deep (a reply to a reply joins the thread).</summary>
public sealed record CommentThread(CommentEntry Root, IReadOnlyList<CommentEntry> Replies)
{
    public bool IsResolved => Root.ResolvedAt is not null;

    public static IReadOnlyList<CommentThread> Build(IEnumerable<CommentEntry> comments)
    {
        var all = comments.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToList();
        var replies = all.Where(c => c.ParentId is not null).ToLookup(c => c.ParentId!.Value);
        return all.Where(c => c.ParentId is null).Select(r => new CommentThread(r, replies[r.Id].ToList())).ToList();
    }
}

public sealed record NewComment(
    Guid Id, Guid DraftId, int Revision, string? Anchor, Guid? ParentId, Guid AuthorUserId, Guid? OrganizationId, string Body, string BodyHtml,
    DateTimeOffset At);

public interface ICommentStore
{
    Task<IReadOnlyList<CommentEntry>> ListAsync(Guid draftId, CancellationToken ct);

    Task<CommentEntry?> GetAsync(Guid id, CancellationToken ct);

    /// <summary>Writes the comment, its audit event and the notifications in one transaction.</summary>
    Task AddAsync(NewComment comment, Guid ownerOrganizationId, AuditEvent audit, CancellationToken ct);

    /// <summary>Marks the thread resolved unless somebody already did (then false, nothing written).</summary>
    Task<bool> ResolveAsync(Guid id, Guid userId, DateTimeOffset at, AuditEvent audit, CancellationToken ct);
}

/// <summary>Discussion on a draft: threaded Markdown comments, optionally anchored to a section of a revision, resolvable.</summary>
public sealed class DraftComments(IDraftStore drafts, ICommentStore comments, IMarkdown markdown, IClock clock)
{
    public const int BodyMax = 20_000;

    public async Task<Result<IReadOnlyList<CommentThread>>> ListAsync(Actor actor, Guid draftId, CancellationToken ct)
    {
        var draft = await drafts.GetAsync(draftId, ct);
        if (draft is null || !DraftAccess.For(actor, draft.Snapshot).CanSee)
            return NotFound.Instance;
        return Result<IReadOnlyList<CommentThread>>.Ok(CommentThread.Build(await comments.ListAsync(draftId, ct)));
    }

    public async Task<Result<CommentEntry>> AddAsync(Actor actor, Guid draftId, string? body, int? revision, string? anchor, Guid? parentId, CancellationToken ct)
    {
        var draft = await drafts.GetAsync(draftId, ct);
        if (draft is null)
            return NotFound.Instance;
        var access = DraftAccess.For(actor, draft.Snapshot);
        if (!access.CanSee)
            return NotFound.Instance;
        if (!access.CanComment)
            return new Forbidden("not_a_participant", new ErrorMessage("Kommentieren können die Organisationen des Verbunds und seine Koordination."));
        if (draft.Summary.Status == DraftStatus.Withdrawn)
            return DraftLifecycle.IllegalTransition(draft.Summary.Status);

        var v = new FieldValidator().Required("body", body, BodyMax).Markdown("body", body, markdown).MaxLength("anchor", anchor, 200);
        var onRevision = revision ?? draft.Summary.CurrentRevision;
        DraftRevision? content = null;
        if (revision is not null && (revision < 1 || revision > draft.Summary.CurrentRevision))
            v.Add("revision", "Diese Fassung gibt es nicht.");
        else
            content = await ReadDraft.RevisionOfAsync(drafts, draft, onRevision, ct);
        anchor = FieldValidator.Trim(anchor);
        if (anchor is not null && content is not null && markdown.Headings(content.Body).All(h => h.Id != anchor))
            v.Add("anchor", "Diesen Abschnitt gibt es in Fassung {0} nicht.", onRevision);

        Guid? threadId = null;
        if (parentId is { } p)
        {
            var parent = await comments.GetAsync(p, ct);
            if (parent is null || parent.DraftId != draftId)
                v.Add("parentId", "Diesen Kommentar gibt es zu diesem Entwurf nicht.");
            else
                threadId = parent.ParentId ?? parent.Id;
        }

        if (v.HasErrors)
            return v.ToError();
        if (threadId is { } t && await comments.GetAsync(t, ct) is { ResolvedAt: not null })
            return new Conflict("thread_resolved", new ErrorMessage("Diese Diskussion ist bereits erledigt."));

        var comment = new NewComment(Ids.New(), draftId, onRevision, anchor, threadId, actor.UserId, access.SpeaksFor, body!.Trim(),
            markdown.ToSafeHtml(body), clock.UtcNow);
        var audit = AuditEvent.Create(comment.At, actor, access.SpeaksFor, "draft", draftId, threadId is null ? "commented" : "replied",
            after: new { commentId = comment.Id, revision = onRevision, anchor, parentId = threadId });
        await comments.AddAsync(comment, draft.Summary.OwnerOrganizationId, audit, ct);
        return (await comments.GetAsync(comment.Id, ct))!;
    }

    public async Task<Result<CommentEntry>> ResolveAsync(Actor actor, Guid commentId, CancellationToken ct)
    {
        var comment = await comments.GetAsync(commentId, ct);
        if (comment is null)
            return NotFound.Instance;
        var draft = await drafts.GetAsync(comment.DraftId, ct);
        var access = draft is null ? null : DraftAccess.For(actor, draft.Snapshot);
        if (access is not { CanSee: true })
            return NotFound.Instance;
        if (comment.ParentId is not null)
            return ValidationFailed.For("id", new ErrorMessage("Erledigt wird eine ganze Diskussion: bitte den ersten Kommentar wählen."));
        if (!access.CanResolve(comment.AuthorUserId, actor))
            return new Forbidden("not_allowed_to_resolve", new ErrorMessage("Erledigen können die Verfasserin oder der Verfasser, die federführende Organisation und die Koordination."));
        var at = clock.UtcNow;
        var audit = AuditEvent.Create(at, actor, access.SpeaksFor, "draft", comment.DraftId, "comment_resolved", after: new { commentId });
        if (!await comments.ResolveAsync(commentId, actor.UserId, at, audit, ct))
            return new Conflict("already_resolved", new ErrorMessage("Diese Diskussion ist bereits erledigt."));
        return (await comments.GetAsync(commentId, ct))!;
    }
}
