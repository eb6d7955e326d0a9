using Dapper;
using Hub.Core.Common;
using Hub.Core.Inbox;
using Hub.Core.Tenancy;
using Hub.Data.Common;
using Npgsql;

namespace Hub.Data.Inbox;

public sealed class InboxStore(HubDb db) : IInboxStore
{
    public async Task<Page<Notification>> ListAsync(Guid userId, bool unreadOnly, PageRequest page, CancellationToken ct)
    {
        const string filter = "where user_id = @userId and (not @unreadOnly or read_at is null)";
        const string sql = $"""
            select id, kind, draft_id, subject, revision, version, comment_id, created_at, read_at
            from notifications {filter}
            order by created_at desc, id
            limit @Size offset @Offset;
            select count(*) from notifications {filter};
            """;
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql, new { userId, unreadOnly, page.Size, page.Offset }, cancellationToken: ct));
        var items = (await grid.ReadAsync<Notification>()).ToList();
        return new Page<Notification>(items, page.Number, page.Size, await grid.ReadSingleAsync<long>());
    }

    public async Task<Notification?> GetAsync(Guid userId, Guid id, CancellationToken ct)
    {
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        return await conn.QuerySingleOrDefaultAsync<Notification>(new CommandDefinition(
            "select id, kind, draft_id, subject, revision, version, comment_id, created_at, read_at from notifications where id = @id and user_id = @userId",
            new { id, userId }, cancellationToken: ct));
    }

    /// <summary>The user's unread notifications (parameter <c>@userId</c>); also part of the session check.</summary>
    internal const string CountUnreadSql = "select count(*)::int from notifications where user_id = @userId and read_at is null";

    public async Task<int> CountUnreadAsync(Guid userId, CancellationToken ct)
    {
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        return await conn.ExecuteScalarAsync<int>(new CommandDefinition(CountUnreadSql, new { userId }, cancellationToken: ct));
    }

    public async Task<int> MarkReadAsync(Guid userId, IReadOnlyCollection<Guid> ids, DateTimeOffset at, CancellationToken ct)
    {
        const string sql = """
            update notifications set read_at = @at
            where user_id = @userId and read_at is null and (cardinality(@ids) = 0 or id = any(@ids))
            """;
        await using var scope = await db.OpenAsync(ct);
        var conn = scope.Connection;
        var marked = await conn.ExecuteAsync(new CommandDefinition(sql, new { userId, ids = ids.ToArray(), at }, cancellationToken: ct));
        await scope.CommitAsync(ct);
        return marked;
    }

    public async Task<MyTasks> TasksAsync(Actor actor, CancellationToken ct)
    {
        // Each list is gated by the roles it needs (cardinality(…) > 0 is a one-time filter of the generic plan): a reviewer
        // who edits nowhere does not walk the drafts for "changes requested" at all.
        const string sql = """
            -- In review where one of my reviewing organizations (a partner, not the owner) has not yet agreed to the revision under review.
            select distinct on (d.id) d.id as draft_id, d.title, o.name as owner_organization_name, ro.name as for_organization_name,
                   rr.revision, rr.opened_at as since
            from drafts d
            join review_rounds rr on rr.id = d.open_round_id
            join organizations o on o.id = d.owner_organization_id
            join cooperation_members cm on cm.cooperation_id = d.cooperation_id and cm.organization_id = any(@Reviewing) and cm.organization_id <> d.owner_organization_id
            join organizations ro on ro.id = cm.organization_id
            where cardinality(@Reviewing) > 0 and d.status = 'in_review'
              and not exists (select 1 from reviews rv where rv.round_id = rr.id and rv.organization_id = cm.organization_id
                              and rv.verdict in ('approve', 'request_changes'))
            order by d.id, rr.opened_at desc
            limit @Cap;
            select d.id as draft_id, d.title, o.name as owner_organization_name, null as for_organization_name, d.current_revision as revision,
                   d.updated_at as since
            from drafts d join organizations o on o.id = d.owner_organization_id
            where cardinality(@Editing) > 0 and d.status = 'changes_requested' and d.owner_organization_id = any(@Editing)
            order by d.updated_at desc limit @Cap;
            select d.id as draft_id, d.title, o.name as owner_organization_name, null as for_organization_name, d.current_revision as revision,
                   d.updated_at as since
            from drafts d join organizations o on o.id = d.owner_organization_id
            where cardinality(@Editing) + cardinality(@Coordinated) > 0 and d.status = 'approved'
              and (d.owner_organization_id = any(@Editing) or d.cooperation_id = any(@Coordinated))
            order by d.updated_at desc limit @Cap;
            -- Open threads on my organizations' drafts started by somebody else, and open threads I started that got an answer.
            -- (Two branches, each on its own index, instead of one "or" that made PostgreSQL read every visible comment; each
            -- branch keeps only its newest, so only those are joined on; the branches are disjoint by author.)
            select c.id as comment_id, c.draft_id, c.draft_title, u.display_name as author_name, c.created_at,
                   (select count(*)::int from comments r where r.parent_id = c.id) as replies
            from ((select c.id, c.draft_id, d.title as draft_title, c.author_user_id, c.created_at
                   from comments c join drafts d on d.id = c.draft_id
                   where cardinality(@Editing) > 0 and d.owner_organization_id = any(@Editing) and d.status <> 'withdrawn'
                     and c.author_user_id <> @UserId and c.parent_id is null and c.resolved_at is null
                   order by c.created_at desc limit @Cap)
                  union all
                  (select c.id, c.draft_id, d.title, c.author_user_id, c.created_at
                   from comments c join drafts d on d.id = c.draft_id
                   where c.author_user_id = @UserId and c.parent_id is null and c.resolved_at is null and d.status <> 'withdrawn'
                     and exists (select 1 from comments r where r.parent_id = c.id and r.author_user_id <> @UserId)
                   order by c.created_at desc limit @Cap)) c
            join users u on u.id = c.author_user_id
            order by c.created_at desc limit @Cap;
            """;
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql, new
        {
            Reviewing = Roles.Reviewing.OrganizationsOf(actor),
            Editing = Roles.Editing.OrganizationsOf(actor),
            Coordinated = actor.CoordinatedCooperationIds.ToArray(),
            actor.UserId,
            MyTasks.Cap,
        }, cancellationToken: ct));
        var review = (await grid.ReadAsync<TaskItem>()).OrderByDescending(t => t.Since).ToList();
        var changes = (await grid.ReadAsync<TaskItem>()).ToList();
        var release = (await grid.ReadAsync<TaskItem>()).ToList();
        var comments = (await grid.ReadAsync<CommentTask>()).ToList();
        return new MyTasks(review, changes, release, comments);
    }
}
