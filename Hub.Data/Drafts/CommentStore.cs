using Dapper;
using Hub.Core.Common;
using Hub.Core.Drafts;
using Hub.Data.Common;
using Hub.Data.Inbox;
using Npgsql;

namespace Hub.Data.Drafts;

public sealed class CommentStore(HubDb db) : ICommentStore
{
    private const string Select = """
        select c.id, c.draft_id, c.revision, c.anchor, c.parent_id, c.author_user_id, u.display_name as author_name,
               c.organization_id, o.name as organization_name, c.body, c.body_html, c.created_at, c.resolved_at,
               r.display_name as resolved_by_name
        from comments c
        join users u on u.id = c.author_user_id
        left join organizations o on o.id = c.organization_id
        left join users r on r.id = c.resolved_by
        """;

    public async Task<IReadOnlyList<CommentEntry>> ListAsync(Guid draftId, CancellationToken ct)
    {
        const string sql = $"{Select} where c.draft_id = @draftId order by c.created_at, c.id";
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        return (await conn.QueryAsync<CommentEntry>(new CommandDefinition(sql, new { draftId }, cancellationToken: ct))).ToList();
    }

    public async Task<CommentEntry?> GetAsync(Guid id, CancellationToken ct)
    {
        const string sql = $"{Select} where c.id = @id";
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        return await conn.QuerySingleOrDefaultAsync<CommentEntry>(new CommandDefinition(sql, new { id }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<CommentEntry>> ListThreadAsync(Guid commentId, CancellationToken ct)
    {
        const string sql = $"""
            {Select}
            where c.id = (select coalesce(parent_id, id) from comments where id = @commentId)
               or c.parent_id = (select coalesce(parent_id, id) from comments where id = @commentId)
            order by c.created_at, c.id
            """;
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        return (await conn.QueryAsync<CommentEntry>(new CommandDefinition(sql, new { commentId }, cancellationToken: ct))).ToList();
    }

    public async Task AddAsync(CommentAdd add, CancellationToken ct)
    {
        const string insert = """
            insert into comments (id, draft_id, revision, anchor, parent_id, author_user_id, organization_id, body, body_html, created_at)
            values (@Id, @DraftId, @Revision, @Anchor, @ParentId, @AuthorUserId, @OrganizationId, @Body, @BodyHtml, @At)
            """;
        await using var scope = await db.OpenAsync(ct);
        var conn = scope.Connection;
        var tx = scope.Transaction;
        await conn.ExecuteAsync(new CommandDefinition(insert, add.Comment, tx, cancellationToken: ct));
        await NoticeWriter.WriteAsync(conn, tx, add.Notice, ct);
        await AuditWriter.WriteAsync(conn, tx, add.Audit, ct);
        await scope.CommitAsync(ct);
    }

    public async Task<ResolveState?> ReadForResolveAsync(Guid commentId, CancellationToken ct)
    {
        await using var scope = await db.ReadAsync(ct);
        return await LoadForResolveAsync(scope, commentId, forUpdate: false, ct);
    }

    public Task<ILocked<ResolveState, CommentResolve>> LockForResolveAsync(Guid commentId, CancellationToken ct) =>
        Locked<ResolveState, CommentResolve>.OpenAsync(db, scope => LoadForResolveAsync(scope, commentId, forUpdate: true, ct), (scope, resolve, token) =>
            AuditWriter.WriteAsync(scope, "update comments set resolved_at = @At, resolved_by = @ResolvedBy where id = @CommentId", resolve, resolve.Audit, token), ct);

    private static async Task<ResolveState?> LoadForResolveAsync(DbScope scope, Guid commentId, bool forUpdate, CancellationToken ct)
    {
        var sql = $"{Select} where c.id = @commentId {(forUpdate ? "for no key update of c" : "")}";
        var comment = await scope.Connection.QuerySingleOrDefaultAsync<CommentEntry>(new CommandDefinition(sql, new { commentId }, scope.Transaction, cancellationToken: ct));
        if (comment is null)
            return null;
        return new ResolveState(comment, (await DraftStore.LoadSnapshotAsync(scope.Connection, scope.Transaction, comment.DraftId, forUpdate: false, ct))?.Snapshot);
    }
}
