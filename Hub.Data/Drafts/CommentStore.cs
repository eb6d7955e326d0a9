using Dapper;
using Hub.Core.Audit;
using Hub.Core.Drafts;
using Hub.Core.Tenancy;
using Hub.Data.Common;
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

    public async Task AddAsync(NewComment comment, Guid ownerOrganizationId, AuditEvent audit, CancellationToken ct)
    {
        const string insert = """
            insert into comments (id, draft_id, revision, anchor, parent_id, author_user_id, organization_id, body, body_html, created_at)
            values (@Id, @DraftId, @Revision, @Anchor, @ParentId, @AuthorUserId, @OrganizationId, @Body, @BodyHtml, @At)
            """;
        // A new thread tells the owner's editors; a reply tells everyone who already wrote in the thread. Never the author.
        const string notify = """
            insert into notifications (id, user_id, kind, draft_id, subject, revision, comment_id, created_at)
            select gen_random_uuid(), t.user_id, @kind, @DraftId, d.title, @Revision, @Id, @At
            from (
                select m.user_id from memberships m
                where @ParentId::uuid is null and m.organization_id = @ownerOrganizationId and m.role = any(@editingRoles)
                union
                select c.author_user_id from comments c
                where @ParentId::uuid is not null and (c.id = @ParentId or c.parent_id = @ParentId)
            ) t
            join drafts d on d.id = @DraftId
            where t.user_id <> @AuthorUserId
            """;
        await using var scope = await db.OpenAsync(ct);
        var conn = scope.Connection;
        var tx = scope.Transaction;
        await conn.ExecuteAsync(new CommandDefinition(insert, comment, tx, cancellationToken: ct));
        await conn.ExecuteAsync(new CommandDefinition(notify, new
        {
            kind = comment.ParentId is null ? "commented" : "replied", comment.DraftId, comment.Revision, comment.Id, comment.At,
            comment.ParentId, ownerOrganizationId, editingRoles = Roles.Editing.Codes, comment.AuthorUserId,
        }, tx, cancellationToken: ct));
        await AuditWriter.WriteAsync(conn, tx, audit, ct);
        await scope.CommitAsync(ct);
    }

    public async Task<bool> ResolveAsync(Guid id, Guid userId, DateTimeOffset at, AuditEvent audit, CancellationToken ct)
    {
        const string sql = "update comments set resolved_at = @at, resolved_by = @userId where id = @id and resolved_at is null";
        return await AuditWriter.ChangeAsync(db, sql, new { id, userId, at }, audit, ct);
    }
}
