using Dapper;
using Hub.Core.Accounts;
using Hub.Core.Common;
using Npgsql;

namespace Hub.Data.Demo;

/// <summary>Loads the demo data once, in one transaction; a second call changes nothing.</summary>
public sealed class DemoSeeder(NpgsqlDataSource db, Hub.Core.Accounts.IPasswordHasher hasher)
{
    public const string Land = "06";

    public async Task<bool> SeedAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        // Serialise concurrent first starts; the check below then sees the winner's rows.
        await conn.ExecuteAsync("select pg_advisory_xact_lock(7315202612)", transaction: tx);
        if (await conn.ExecuteScalarAsync<bool>("select exists (select 1 from users where email = 'admin@ikzhub.demo')", transaction: tx))
            return false;

        var orgIds = DemoData.Organizations.ToDictionary(o => o.Key, _ => Ids.New());
        foreach (var o in DemoData.Organizations)
        {
            await conn.ExecuteAsync(
                "insert into organizations (id, name, kind, ags, land_code, kreis, description) values (@id, @Name, @Kind, @Ags, @Land, @Kreis, @Description)",
                new { id = orgIds[o.Key], o.Name, o.Kind, o.Ags, Land, o.Kreis, o.Description }, tx);
        }

        var coopIds = new Dictionary<string, Guid>();
        foreach (var c in DemoData.Cooperations)
        {
            var id = Ids.New();
            coopIds[c.Name] = id;
            await conn.ExecuteAsync("""
                insert into cooperations (id, name, description, lead_organization_id, funding_amount, funder, agreement_date, required_approvals)
                values (@id, @Name, @Description, @lead, @Funding, @Funder, @Agreement, 2)
                """, new { id, c.Name, c.Description, lead = orgIds[c.Lead], c.Funding, c.Funder, c.Agreement }, tx);
            await conn.ExecuteAsync(
                "insert into cooperation_members (cooperation_id, organization_id) select @id, unnest(@members)",
                new { id, members = c.Members.Prepend(c.Lead).Select(k => orgIds[k]).ToArray() }, tx);
        }

        // One hash for every demo user: they share the published demo password, and 210,000 iterations each would slow the first start.
        var hash = hasher.Hash(DemoData.Password);
        foreach (var u in DemoData.Users)
        {
            var userId = Ids.New();
            await conn.ExecuteAsync(
                "insert into users (id, email, display_name, password_hash, is_platform_admin) values (@userId, @Email, @DisplayName, @hash, @PlatformAdmin)",
                new { userId, u.Email, u.DisplayName, hash, u.PlatformAdmin }, tx);
            foreach (var (org, role) in u.Memberships)
            {
                await conn.ExecuteAsync("insert into memberships (organization_id, user_id, role) values (@org, @userId, @role)",
                    new { org = orgIds[org], userId, role }, tx);
            }

            foreach (var coop in u.Coordinates ?? [])
            {
                await conn.ExecuteAsync("insert into cooperation_coordinators (cooperation_id, user_id) values (@coop, @userId)",
                    new { coop = coopIds[coop], userId }, tx);
            }

            if (u.ObserverFor is { } ministry)
            {
                await conn.ExecuteAsync("insert into observers (user_id, land_code, organization_id) values (@userId, @Land, @org)",
                    new { userId, Land, org = orgIds[ministry] }, tx);
            }
        }

        await tx.CommitAsync(ct);
        return true;
    }

    public static IReadOnlyList<(string Email, string Description)> SignIns =>
        DemoData.Users.Select(u => (u.Email, u.DisplayName)).ToList();

    public static string Password => DemoData.Password;
}
