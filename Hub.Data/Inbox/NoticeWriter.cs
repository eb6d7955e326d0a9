using Dapper;
using Hub.Core.Inbox;
using Npgsql;

namespace Hub.Data.Inbox;

/// <summary>Writes the notifications a decision ordered, in the change's transaction.</summary>
internal static class NoticeWriter
{
    public static Task WriteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Notice notice, CancellationToken ct)
    {
        const string sql = """
            insert into notifications (id, user_id, kind, draft_id, subject, revision, version, comment_id, created_at)
            select gen_random_uuid(), r.user_id, @Kind, @DraftId, @Subject, @Revision, @Version, @CommentId, @At
            from (select user_id from memberships where organization_id = any(@organizationIds) and role = any(@roles)
                  union
                  select unnest(@userIds)) r
            where r.user_id <> @ActorUserId
            """;
        return conn.ExecuteAsync(new CommandDefinition(sql, new
        {
            notice.Kind, notice.DraftId, notice.Subject, notice.Revision, notice.Version, notice.CommentId, notice.At, notice.ActorUserId,
            organizationIds = notice.To.OrganizationIds.ToArray(), roles = notice.To.Roles?.Codes ?? [], userIds = notice.To.UserIds.ToArray(),
        }, tx, cancellationToken: ct));
    }
}
