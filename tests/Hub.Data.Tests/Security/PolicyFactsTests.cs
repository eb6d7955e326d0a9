using Dapper;
using Hub.Data.Common;
using Hub.Testing;
using Npgsql;
using Xunit;

namespace Hub.Data.Tests.Security;

/// <summary>
/// The policies' facts about the acting user (migration 0019) are read once per transaction and user: a change of the
/// acting user, a change to the tables they come from within the transaction, and a new transaction all read afresh.
/// </summary>
public sealed class PolicyFactsTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private static Task<T> FactAsync<T>(NpgsqlConnection conn, NpgsqlTransaction tx, string fact) =>
        conn.ExecuteScalarAsync<T>($"select {fact}()", transaction: tx)!;

    private static Task<int> SetUserAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid user) =>
        conn.ExecuteAsync(HubDb.SetUserSql, new { userId = user }, tx);

    [Fact]
    public async Task Facts_ChangedWithinTheTransaction_AreReadAfresh_ForTheActingUserOnly()
    {
        var org = await db.Data.OrganizationAsync();
        var partner = await db.Data.OrganizationAsync();
        var (user, _) = await db.Data.UserAsync();
        var (other, _) = await db.Data.UserAsync(null, false, (partner, "editor"));
        await using var conn = await db.DataSource.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await SetUserAsync(conn, tx, user);

        Assert.Empty(await FactAsync<Guid[]>(conn, tx, "hub_my_organizations"));
        Assert.Empty(await FactAsync<Guid[]>(conn, tx, "hub_my_cooperations"));
        Assert.Empty(await FactAsync<string[]>(conn, tx, "hub_my_lands"));
        Assert.False(await FactAsync<bool>(conn, tx, "hub_is_platform_admin"));

        await conn.ExecuteAsync("insert into memberships (user_id, organization_id, role) values (@user, @org, 'editor')", new { user, org }, tx);
        Assert.Equal([org], await FactAsync<Guid[]>(conn, tx, "hub_my_organizations"));
        var cooperation = Guid.NewGuid();
        await conn.ExecuteAsync("insert into cooperations (id, name, lead_organization_id) values (@cooperation, @name, @org)",
            new { cooperation, name = "Verbund " + cooperation.ToString("N")[..8], org }, tx);
        await conn.ExecuteAsync("insert into cooperation_members (cooperation_id, organization_id) values (@cooperation, @org), (@cooperation, @partner)",
            new { cooperation, org, partner }, tx);
        Assert.Equal([cooperation], await FactAsync<Guid[]>(conn, tx, "hub_my_cooperations"));
        Assert.Equal(new[] { org, partner }.Order(), (await FactAsync<Guid[]>(conn, tx, "hub_my_partner_organizations")).Order());
        await conn.ExecuteAsync("insert into observers (user_id, land_code) values (@user, '06')", new { user }, tx);
        Assert.Equal(["06"], await FactAsync<string[]>(conn, tx, "hub_my_lands"));
        await conn.ExecuteAsync("update users set is_platform_admin = true where id = @user", new { user }, tx);
        Assert.True(await FactAsync<bool>(conn, tx, "hub_is_platform_admin"));

        // Another acting user in the same transaction: that user's facts, not the first one's.
        await SetUserAsync(conn, tx, other);
        Assert.Equal([partner], await FactAsync<Guid[]>(conn, tx, "hub_my_organizations"));
        Assert.False(await FactAsync<bool>(conn, tx, "hub_is_platform_admin"));
        await SetUserAsync(conn, tx, user);
        Assert.Equal([org], await FactAsync<Guid[]>(conn, tx, "hub_my_organizations"));

        await conn.ExecuteAsync("delete from memberships where user_id = @user", new { user }, tx);
        Assert.Empty(await FactAsync<Guid[]>(conn, tx, "hub_my_organizations"));
        Assert.Empty(await FactAsync<Guid[]>(conn, tx, "hub_my_cooperations"));
    }

    [Fact]
    public async Task Facts_ChangedByAnotherTransaction_AreSeenByTheNextTransaction_AndNothingStaysOnTheConnection()
    {
        var org = await db.Data.OrganizationAsync();
        var (user, _) = await db.Data.UserAsync(null, false, (org, "reviewer"));
        await using var conn = await db.AppDataSource.OpenConnectionAsync();
        await using (var tx = await conn.BeginTransactionAsync())
        {
            await SetUserAsync(conn, tx, user);
            Assert.Equal([org], await FactAsync<Guid[]>(conn, tx, "hub_my_organizations"));
            await tx.RollbackAsync();
        }

        Assert.True(string.IsNullOrEmpty(await conn.ExecuteScalarAsync<string?>("select current_setting('hub.cache.my_organizations', true)")));
        await using (var owner = await db.DataSource.OpenConnectionAsync())
            await owner.ExecuteAsync("delete from memberships where user_id = @user", new { user });

        await using (var tx = await conn.BeginTransactionAsync())
        {
            await SetUserAsync(conn, tx, user);
            Assert.Empty(await FactAsync<Guid[]>(conn, tx, "hub_my_organizations"));
        }
    }
}
