using Dapper;
using Hub.Core.Accounts;
using Hub.Core.Audit;
using Hub.Core.Tenancy;
using Hub.Data.Common;
using Npgsql;

namespace Hub.Data.Accounts;

public sealed class UserStore(HubDb db) : IUserStore
{
    public async Task<UserAccount?> FindByEmailAsync(string normalizedEmail, CancellationToken ct)
    {
        const string sql = """
            select id, email, display_name, password_hash, is_platform_admin, disabled_at, failed_sign_ins, locked_until
            from users where email = @normalizedEmail
            """;
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        var row = await conn.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(sql, new { normalizedEmail }, cancellationToken: ct));
        return row is null
            ? null
            : new UserAccount(row.Id, row.Email, row.DisplayName, row.PasswordHash, row.IsPlatformAdmin, row.DisabledAt, row.FailedSignIns, row.LockedUntil);
    }

    /// <summary>The user of <c>@userId</c> as an actor: the statements of <see cref="ActorSqlFor"/>.</summary>
    internal static readonly string ActorSql = ActorSqlFor("@userId");

    /// <summary>
    /// A user and what they are (memberships, coordinated cooperations, observer scopes), the user given by an SQL
    /// expression (a parameter, or a sub-select of the session's or token's user): four results for <see cref="ReadActorAsync"/>.
    /// </summary>
    internal static string ActorSqlFor(string userId) => $"""
        select id, email, display_name, is_platform_admin from users where id = {userId} and disabled_at is null;
        select m.organization_id, o.name as organization_name, m.role
        from memberships m join organizations o on o.id = m.organization_id
        where m.user_id = {userId} order by o.name;
        select cooperation_id from cooperation_coordinators where user_id = {userId};
        select ob.land_code, ob.organization_id, o.name as organization_name
        from observers ob left join organizations o on o.id = ob.organization_id
        where ob.user_id = {userId} order by ob.land_code;
        """;

    public async Task<Actor?> LoadActorAsync(Guid userId, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(ActorSql, new { userId }, cancellationToken: ct));
        return await ReadActorAsync(grid);
    }

    /// <summary>The results of <see cref="ActorSqlFor"/>, all of them read (null when the user is missing or disabled).</summary>
    internal static async Task<Actor?> ReadActorAsync(SqlMapper.GridReader grid)
    {
        var user = await grid.ReadSingleOrDefaultAsync<ActorRow>();
        var memberships = (await grid.ReadAsync<MembershipRow>())
            .Select(m => new Membership(m.OrganizationId, m.OrganizationName, MembershipRoles.Parse(m.Role))).ToList();
        var coordinated = (await grid.ReadAsync<Guid>()).ToList();
        var scopes = (await grid.ReadAsync<ObserverRow>())
            .Select(o => new ObserverScope(o.LandCode, o.OrganizationId, o.OrganizationName)).ToList();
        return user is null ? null : new Actor(user.Id, user.Email, user.DisplayName, user.IsPlatformAdmin, memberships, coordinated, scopes);
    }

    public async Task<bool> CreateAsync(UserAccount user, AuditEvent audit, CancellationToken ct)
    {
        const string sql = """
            insert into users (id, email, display_name, password_hash, is_platform_admin)
            values (@Id, @Email, @DisplayName, @PasswordHash, @IsPlatformAdmin)
            on conflict (email) do nothing
            """;
        await using var scope = await db.OpenAsync(ct);
        var conn = scope.Connection;
        var tx = scope.Transaction;
        if (await conn.ExecuteAsync(new CommandDefinition(sql, user, tx, cancellationToken: ct)) == 0)
            return false;
        await AuditWriter.WriteAsync(conn, tx, audit, ct);
        await scope.CommitAsync(ct);
        return true;
    }

    public async Task RecordFailedSignInAsync(Guid userId, DateTimeOffset now, SignInPolicy policy, CancellationToken ct)
    {
        // One statement, so concurrent failures on several instances all count.
        const string sql = """
            update users set
                failed_sign_ins = case when failed_sign_ins + 1 >= @MaxFailedAttempts then 0 else failed_sign_ins + 1 end,
                locked_until = case when failed_sign_ins + 1 >= @MaxFailedAttempts then @LockedUntil else locked_until end
            where id = @userId
            """;
        await using var scope = await db.OpenAsync(ct);
        var conn = scope.Connection;
        await conn.ExecuteAsync(new CommandDefinition(sql,
            new { userId, policy.MaxFailedAttempts, LockedUntil = now + policy.LockoutDuration }, cancellationToken: ct));
        await scope.CommitAsync(ct);
    }

    public async Task RecordSuccessfulSignInAsync(Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = "update users set failed_sign_ins = 0, locked_until = null, last_sign_in_at = @now where id = @userId";
        await using var scope = await db.OpenAsync(ct);
        var conn = scope.Connection;
        await conn.ExecuteAsync(new CommandDefinition(sql, new { userId, now }, cancellationToken: ct));
        await scope.CommitAsync(ct);
    }

    public async Task ChangePasswordAsync(Guid userId, string passwordHash, DateTimeOffset now, AuditEvent audit, CancellationToken ct)
    {
        const string sql = """
            update users set password_hash = @passwordHash, password_changed_at = @now, failed_sign_ins = 0, locked_until = null where id = @userId;
            """;
        await using var scope = await db.OpenAsync(ct);
        await scope.Connection.ExecuteAsync(new CommandDefinition(sql + EndEverything, new { userId, passwordHash, now, reason = "password_changed" }, scope.Transaction, cancellationToken: ct));
        await AuditWriter.WriteAsync(scope.Connection, scope.Transaction, audit, ct);
        await scope.CommitAsync(ct);
    }

    public async Task<bool> SetDisabledAsync(Guid userId, DateTimeOffset? disabledAt, DateTimeOffset now, AuditEvent audit, CancellationToken ct)
    {
        await using var scope = await db.OpenAsync(ct);
        var conn = scope.Connection;
        if (await conn.ExecuteAsync(new CommandDefinition("update users set disabled_at = @disabledAt where id = @userId", new { userId, disabledAt }, scope.Transaction, cancellationToken: ct)) == 0)
            return false;
        if (disabledAt is not null)
            await conn.ExecuteAsync(new CommandDefinition(EndEverything, new { userId, now, reason = "account_disabled" }, scope.Transaction, cancellationToken: ct));
        await AuditWriter.WriteAsync(conn, scope.Transaction, audit, ct);
        await scope.CommitAsync(ct);
        return true;
    }

    /// <summary>Every open session and API token of the user ends (a password change, a disabled account).</summary>
    private const string EndEverything = """
        update sessions set ended_at = @now, end_reason = @reason where user_id = @userId and ended_at is null;
        update api_tokens set revoked_at = @now where user_id = @userId and revoked_at is null;
        """;

    private sealed class UserRow
    {
        public Guid Id { get; init; }

        public string Email { get; init; } = "";

        public string DisplayName { get; init; } = "";

        public string PasswordHash { get; init; } = "";

        public bool IsPlatformAdmin { get; init; }

        public DateTimeOffset? DisabledAt { get; init; }

        public int FailedSignIns { get; init; }

        public DateTimeOffset? LockedUntil { get; init; }
    }

    private sealed class ActorRow
    {
        public Guid Id { get; init; }

        public string Email { get; init; } = "";

        public string DisplayName { get; init; } = "";

        public bool IsPlatformAdmin { get; init; }
    }

    private sealed class MembershipRow
    {
        public Guid OrganizationId { get; init; }

        public string OrganizationName { get; init; } = "";

        public string Role { get; init; } = "";
    }

    private sealed class ObserverRow
    {
        public string LandCode { get; init; } = "";

        public Guid? OrganizationId { get; init; }

        public string? OrganizationName { get; init; }
    }
}
