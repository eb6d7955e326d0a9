using Dapper;
using Hub.Core.Common;
using Hub.Data.Accounts;
using Npgsql;

namespace Hub.Testing;

/// <summary>Creates organizations, users and cooperations with unique names, straight in SQL, for one test.</summary>
public sealed class TestData(NpgsqlDataSource db)
{
    public const string Password = "Test-Passwort-2026!";

    private static readonly Lazy<string> _hash = new(() => new IdentityPasswordHasher().Hash(Password));

    public static string PasswordHash => _hash.Value;

    public async Task<Guid> OrganizationAsync(string? name = null, string kind = "gemeinde", string land = "06", string? ags = null)
    {
        var id = Ids.New();
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync(
            "insert into organizations (id, name, kind, ags, land_code) values (@id, @name, @kind, @ags, @land)",
            new { id, name = name ?? "Gemeinde " + id.ToString("N")[..8], kind, ags, land });
        return id;
    }

    public async Task<(Guid Id, string Email)> UserAsync(string? email = null, bool platformAdmin = false, params (Guid Org, string Role)[] memberships)
    {
        var id = Ids.New();
        email ??= $"u{id:N}@test.demo";
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync(
            "insert into users (id, email, display_name, password_hash, is_platform_admin) values (@id, @email, @name, @hash, @platformAdmin)",
            new { id, email, name = "Person " + id.ToString("N")[..6], hash = PasswordHash, platformAdmin });
        foreach (var (org, role) in memberships)
            await conn.ExecuteAsync("insert into memberships (organization_id, user_id, role) values (@org, @id, @role)", new { org, id, role });
        return (id, email);
    }

    /// <summary>The user as the web layer sees them (memberships, coordination, observer scopes).</summary>
    public async Task<Hub.Core.Tenancy.Actor> ActorAsync(Guid userId) =>
        (await new UserStore(new Hub.Data.Common.HubDb(db)).LoadActorAsync(userId, default))
        ?? throw new InvalidOperationException($"no enabled user {userId}");

    public Task<Guid> CooperationAsync(Guid lead, params Guid[] partners) => CooperationAsync(lead, (IReadOnlyList<Guid>)partners);

    public async Task<Guid> CooperationAsync(Guid lead, IReadOnlyList<Guid> partners, string? name = null, int requiredApprovals = 2)
    {
        var id = Ids.New();
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await conn.ExecuteAsync(
            "insert into cooperations (id, name, lead_organization_id, required_approvals) values (@id, @name, @lead, @requiredApprovals)",
            new { id, name = name ?? "Verbund " + id.ToString("N")[..8], lead, requiredApprovals }, tx);
        await conn.ExecuteAsync(
            "insert into cooperation_members (cooperation_id, organization_id) select @id, unnest(@members)",
            new { id, members = partners.Prepend(lead).ToArray() }, tx);
        await tx.CommitAsync();
        return id;
    }

    public async Task ObserverAsync(Guid userId, string land = "06")
    {
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("insert into observers (user_id, land_code) values (@userId, @land)", new { userId, land });
    }

    public async Task CoordinatorAsync(Guid cooperationId, Guid userId)
    {
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("insert into cooperation_coordinators (cooperation_id, user_id) values (@cooperationId, @userId)", new { cooperationId, userId });
    }

    /// <summary>A service draft with its first revision, marked released; its releases come from <see cref="ReleaseAsync"/>.</summary>
    public async Task<Guid> ServiceDraftAsync(Guid owner, Guid cooperation, Guid editor)
    {
        var id = Ids.New();
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            insert into drafts (id, owner_organization_id, cooperation_id, status, current_revision, title, summary, created_by, created_at, updated_at)
            values (@id, @owner, @cooperation, 'released', 1, 'Dienst', '', @editor, now(), now());
            insert into draft_revisions (draft_id, revision, title, summary, body, body_html, created_by, created_at)
            values (@id, 1, 'Dienst', '', 'Text', '<p>Text</p>', @editor, now());
            """, new { id, owner, cooperation, editor });
        return id;
    }

    /// <summary>A release of the draft's first revision; on <paramref name="conn"/> and <paramref name="tx"/> when given.</summary>
    public async Task<Guid> ReleaseAsync(
        Guid draft, Guid owner, Guid cooperation, Guid editor, int major, int minor, string status = "active", NpgsqlConnection? conn = null, NpgsqlTransaction? tx = null)
    {
        var id = Ids.New();
        await using var own = conn is null ? await db.OpenConnectionAsync() : null;
        await (conn ?? own!).ExecuteAsync("""
            insert into releases (id, draft_id, owner_organization_id, cooperation_id, revision, major, minor, breaking, notes, notes_html, title, released_by,
                                  released_at, status, status_reason)
            values (@id, @draft, @owner, @cooperation, 1, @major, @minor, false, '', '', 'Dienst', @editor, now(), @status,
                    case when @status = 'active' then null else 'alt' end)
            """, new { id, draft, owner, cooperation, editor, major, minor, status }, tx);
        return id;
    }

    public async Task<long> CountAsync(string table, string where = "true", object? args = null)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<long>($"select count(*) from {table} where {where}", args);
    }
}
