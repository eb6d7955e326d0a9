using Dapper;
using Hub.Core.Audit;
using Npgsql;

namespace Hub.Data.Common;

/// <summary>Writes an audit event inside the caller's transaction, so the change and its record commit together.</summary>
internal static class AuditWriter
{
    private const string InsertSql = """
        insert into audit_events (id, occurred_at, actor_user_id, acting_organization_id, entity_type, entity_id, action, before, after)
        values (@Id, @OccurredAt, @ActorUserId, @ActingOrganizationId, @EntityType, @EntityId, @Action, @BeforeJson::jsonb, @AfterJson::jsonb)
        """;

    public static Task WriteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, AuditEvent audit, CancellationToken ct) =>
        conn.ExecuteAsync(new CommandDefinition(InsertSql, audit, tx, cancellationToken: ct));
}
