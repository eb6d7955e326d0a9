using Dapper;
using Hub.Core.Accounts;
using Hub.Core.Common;
using Hub.Data.Common;

namespace Hub.Data.Accounts;

/// <summary>
/// The sign-in limits in PostgreSQL (migration 0030), shared by every hub process. A reservation is a failure row
/// written before the password is checked, under a transaction lock per source address and the account's row lock, so
/// a burst of parallel attempts — on one process or several — cannot check more passwords than the limits allow.
/// </summary>
public sealed class SignInThrottleStore(HubDb db) : ISignInThrottle
{
    private const string ReserveSql = """
        select pg_advisory_xact_lock(hashtextextended('ikzhub-sign-in:' || @source, 0));
        select locked_until from users where id = @userId for update;
        delete from sign_in_failures where failed_at < @forget;
        select
            (select count(*) from sign_in_failures where source = @source and failed_at > @since) as FromSource,
            (select count(*) from sign_in_failures where source = @source and user_id = @userId and failed_at > @since) as AccountFromSource,
            (select count(*) from sign_in_failures where user_id = @userId and failed_at > @since) as Account;
        """;

    private const string InsertSql = "insert into sign_in_failures (id, source, user_id, failed_at) values (@id, @source, @userId, @now)";

    public async Task<(SignInGate Gate, Guid Reservation)> ReserveAsync(Guid? userId, string source, DateTimeOffset now, SignInPolicy policy, CancellationToken ct)
    {
        var since = now - policy.LockoutDuration;
        await using var scope = await db.OpenAsync(ct);
        var conn = scope.Connection;
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(ReserveSql,
            new { userId, source, since, forget = now - (2 * policy.LockoutDuration) }, scope.Transaction, cancellationToken: ct));
        await grid.ReadAsync<object>();
        await grid.ReadAsync<DateTimeOffset?>();
        var counts = await grid.ReadSingleAsync<Counts>();
        var gate = counts.FromSource >= policy.MaxFailuresPerSource ? SignInGate.SourceClosed
            : userId is not null && (counts.AccountFromSource >= policy.MaxFailedAttempts || counts.Account >= policy.MaxFailuresPerAccount) ? SignInGate.AccountClosed
            : SignInGate.Open;
        var id = Guid.Empty;
        if (gate == SignInGate.Open)
        {
            id = Ids.New();
            await conn.ExecuteAsync(new CommandDefinition(InsertSql, new { id, source, userId, now }, scope.Transaction, cancellationToken: ct));
        }

        await scope.CommitAsync(ct);
        return (gate, id);
    }

    public async Task SucceededAsync(Guid reservation, CancellationToken ct)
    {
        await using var scope = await db.OpenAsync(ct);
        await scope.Connection.ExecuteAsync(new CommandDefinition("delete from sign_in_failures where id = @reservation",
            new { reservation }, scope.Transaction, cancellationToken: ct));
        await scope.CommitAsync(ct);
    }

    private sealed record Counts(long FromSource, long AccountFromSource, long Account);
}
