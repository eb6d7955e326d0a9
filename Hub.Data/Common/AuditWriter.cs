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

    /// <summary>A decided change in a transaction the caller holds: its statement, what follows from it (same arguments) and its audit event.</summary>
    public static async Task WriteAsync(DbScope scope, string sql, object args, AuditEvent audit, CancellationToken ct, string? then = null)
    {
        await scope.Connection.ExecuteAsync(new CommandDefinition(sql, args, scope.Transaction, cancellationToken: ct));
        if (then is not null)
            await scope.Connection.ExecuteAsync(new CommandDefinition(then, args, scope.Transaction, cancellationToken: ct));
        await WriteAsync(scope.Connection, scope.Transaction, audit, ct);
    }

    /// <summary>
    /// One conditional statement and its audit event in one transaction: when the statement changes no row (its WHERE
    /// no longer holds, e.g. somebody else was first), nothing is written and the answer is false. <paramref name="then"/>
    /// runs after a successful change in the same transaction.
    /// </summary>
    public static async Task<bool> ChangeAsync(HubDb db, string sql, object args, AuditEvent audit, CancellationToken ct, string? then = null)
    {
        await using var scope = await db.OpenAsync(ct);
        var conn = scope.Connection;
        var tx = scope.Transaction;
        if (await conn.ExecuteAsync(new CommandDefinition(sql, args, tx, cancellationToken: ct)) == 0)
            return false;
        if (then is not null)
            await conn.ExecuteAsync(new CommandDefinition(then, args, tx, cancellationToken: ct)); // what follows from the change, same arguments
        await WriteAsync(conn, tx, audit, ct);
        await scope.CommitAsync(ct);
        return true;
    }
}
