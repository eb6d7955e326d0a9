using Dapper;
using Hub.Core.Audit;
using Hub.Core.Common;
using Hub.Core.Tenancy;
using Hub.Data.Common;
using Npgsql;

namespace Hub.Data.Tenancy;

public sealed class MemberStore(HubDb db) : IMemberStore
{
    private const string MemberColumns = "u.id as user_id, u.email, u.display_name, m.role";

    public async Task<Page<OrganizationMember>> ListAsync(Guid organizationId, PageRequest page, CancellationToken ct)
    {
        const string sql = $"""
            select {MemberColumns} from memberships m join users u on u.id = m.user_id
            where m.organization_id = @organizationId
            order by u.display_name, u.id
            limit @Size offset @Offset;
            select count(*) from memberships where organization_id = @organizationId;
            """;
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql,
            new { organizationId, page.Size, page.Offset }, cancellationToken: ct));
        var items = (await grid.ReadAsync<MemberRow>()).Select(r => r.ToDomain()).ToList();
        return new Page<OrganizationMember>(items, page.Number, page.Size, await grid.ReadSingleAsync<long>());
    }

    public async Task<OrganizationMember?> GetAsync(Guid organizationId, Guid userId, CancellationToken ct)
    {
        const string sql = $"""
            select {MemberColumns} from memberships m join users u on u.id = m.user_id
            where m.organization_id = @organizationId and m.user_id = @userId
            """;
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        var row = await conn.QuerySingleOrDefaultAsync<MemberRow>(new CommandDefinition(sql, new { organizationId, userId }, cancellationToken: ct));
        return row?.ToDomain();
    }

    public async Task<MemberChange> SetRoleAsync(Guid organizationId, Guid userId, MembershipRole role, AuditEvent audit, CancellationToken ct)
    {
        const string sql = """
            insert into memberships (organization_id, user_id, role) values (@organizationId, @userId, @role)
            on conflict (organization_id, user_id) do update set role = excluded.role
            """;
        await using var scope = await db.OpenAsync(ct);
        var conn = scope.Connection;
        var tx = scope.Transaction;
        if (!TenancyPolicy.KeepsAnAdmin(await LockAdminsAsync(scope, organizationId, ct), userId, role))
            return MemberChange.LastAdmin;
        await conn.ExecuteAsync(new CommandDefinition(sql, new { organizationId, userId, role = role.ToCode() }, tx, cancellationToken: ct));
        await AuditWriter.WriteAsync(conn, tx, audit, ct);
        await scope.CommitAsync(ct);
        return MemberChange.Done;
    }

    public async Task<MemberChange> RemoveAsync(Guid organizationId, Guid userId, AuditEvent audit, CancellationToken ct)
    {
        const string sql = "delete from memberships where organization_id = @organizationId and user_id = @userId";
        await using var scope = await db.OpenAsync(ct);
        var conn = scope.Connection;
        var tx = scope.Transaction;
        if (!TenancyPolicy.KeepsAnAdmin(await LockAdminsAsync(scope, organizationId, ct), userId, null))
            return MemberChange.LastAdmin;
        if (await conn.ExecuteAsync(new CommandDefinition(sql, new { organizationId, userId }, tx, cancellationToken: ct)) == 0)
            return MemberChange.NotFound;
        await AuditWriter.WriteAsync(conn, tx, audit, ct);
        await scope.CommitAsync(ct);
        return MemberChange.Done;
    }

    /// <summary>
    /// The organization's admins, their memberships locked (in key order) until the transaction ends: a second change
    /// waits for the first; once that committed, a demoted admin no longer matches.
    /// </summary>
    private static async Task<IReadOnlyCollection<Guid>> LockAdminsAsync(DbScope scope, Guid organizationId, CancellationToken ct)
    {
        const string sql = "select user_id from memberships where organization_id = @organizationId and role = any(@roles) order by user_id for update";
        return (await scope.Connection.QueryAsync<Guid>(new CommandDefinition(
            sql, new { organizationId, roles = Roles.Administering.Codes }, scope.Transaction, cancellationToken: ct))).ToList();
    }

    private sealed class MemberRow
    {
        public Guid UserId { get; init; }

        public string Email { get; init; } = "";

        public string DisplayName { get; init; } = "";

        public string Role { get; init; } = "";

        public OrganizationMember ToDomain() => new(UserId, Email, DisplayName, MembershipRoles.Parse(Role));
    }
}
