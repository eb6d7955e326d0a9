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

    /// <summary>The thread the comment belongs to: its first comment and every reply (empty when there is no such comment).</summary>
    Task<IReadOnlyList<CommentEntry>> ListThreadAsync(Guid commentId, CancellationToken ct);

    /// <summary>Writes the comment, its audit event and the notifications in one transaction.</summary>
    Task AddAsync(CommentAdd add, CancellationToken ct);

    /// <summary>A thread's first comment and its draft, to decide on resolving it (null when there is no such comment).</summary>
    Task<ResolveState?> ReadForResolveAsync(Guid commentId, CancellationToken ct);

    /// <summary>The same, with the comment locked until the transaction ends; committing marks the thread resolved with the audit event.</summary>
    Task<ILocked<ResolveState, CommentResolve>> LockForResolveAsync(Guid commentId, CancellationToken ct);
}

/// <summary>Discussion on a draft: threaded Markdown comments, optionally anchored to a section of a revision, resolvable.</summary>
public sealed class DraftComments(IDraftStore drafts, ICommentStore comments, IMarkdown markdown, IClock clock)
{
    public const int BodyMax = CommentDecider.BodyMax;

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
        IReadOnlyCollection<string>? headings = null;
        if (draft is not null && (revision is null || (revision >= 1 && revision <= draft.Summary.CurrentRevision))
            && await ReadDraft.RevisionOfAsync(drafts, draft, revision ?? draft.Summary.CurrentRevision, ct) is { } content)
            headings = markdown.Headings(content.Body).Select(h => h.Id).ToList();
        var thread = parentId is { } p ? await comments.ListThreadAsync(p, ct) : [];

        // A new comment changes no existing row, so nothing is locked: what is decided on is read, then written.
        var decided = CommentDecider.Add(new CommentState(draft, headings, thread), new AddCommentCommand(body, revision, anchor, parentId), actor, markdown, clock);
        if (!decided.IsSuccess)
            return decided.Error;
        await comments.AddAsync(decided.Value, ct);
        return (await comments.GetAsync(decided.Value.Comment.Id, ct))!;
    }

    public async Task<Result<CommentEntry>> ResolveAsync(Actor actor, Guid commentId, CancellationToken ct)
    {
        var resolved = await StateChange.DecideAsync(
            c => comments.ReadForResolveAsync(commentId, c), c => comments.LockForResolveAsync(commentId, c),
            state => CommentDecider.Resolve(state, actor, clock), ct);
        return resolved.IsSuccess ? (await comments.GetAsync(commentId, ct))! : resolved.Error;
    }
}
