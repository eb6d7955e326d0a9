using Dapper;
using Hub.Data.Common;
using Hub.Core.Common;
using Hub.Core.Tenancy;
using Hub.Data.Inbox;
using Hub.Data.Tenancy;
using Hub.Testing;
using Xunit;

namespace Hub.Data.Tests.Security;

/// <summary>
/// The reads of a web request share one transaction (<see cref="HubDb.ShareReads"/>): one connection and one
/// <c>set_config</c> for all of them. Row-level security must still see exactly the acting user, writes keep their own
/// transaction, and what a write committed is visible to the reads after it.
/// </summary>
public sealed class SharedReadsTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private async Task<(DateTime Started, int Backend)> TransactionAsync()
    {
        await using var scope = await db.AppDb.ReadAsync(default);
        return await scope.Connection.QuerySingleAsync<(DateTime, int)>("select now()::timestamp, pg_backend_pid()");
    }

    private async Task<Guid> UserWithUnreadNotificationAsync()
    {
        var (user, _) = await db.Data.UserAsync();
        await db.DataSource.CreateCommand(
            $"insert into notifications (id, user_id, kind, subject, created_at) values (gen_random_uuid(), '{user}', 'released', 'Urkunde anfordern', now())")
            .ExecuteNonQueryAsync();
        return user;
    }

    [Fact]
    public async Task ReadsOfOneRequest_ShareOneTransaction_ReadsOutsideOneEach()
    {
        var (user, _) = await db.Data.UserAsync();
        using (ActingUser.Use(user))
        {
            await using (HubDb.ShareReads())
            {
                var first = await TransactionAsync();
                await Task.Delay(5);
                Assert.Equal(first, await TransactionAsync());
            }

            var outside = await TransactionAsync();
            await Task.Delay(5);
            Assert.NotEqual(outside.Started, (await TransactionAsync()).Started);
        }
    }

    [Fact]
    public async Task ActingUserChangesWithinTheRequest_TheReadRunsAsTheNewUser_NotInTheSharedContext()
    {
        var owner = await UserWithUnreadNotificationAsync();
        var (stranger, _) = await db.Data.UserAsync();
        var inbox = new InboxStore(db.AppDb);
        using (ActingUser.Use(owner))
        {
            await using (HubDb.ShareReads())
            {
                Assert.Equal(1, await inbox.CountUnreadAsync(owner, default));
                using (ActingUser.Use(stranger))
                    Assert.Equal(0, await inbox.CountUnreadAsync(owner, default));
                using (ActingUser.Use(null))
                    Assert.Equal(0, await inbox.CountUnreadAsync(owner, default));
                Assert.Equal(1, await inbox.CountUnreadAsync(owner, default));
            }
        }
    }

    [Fact]
    public async Task WriteDuringSharedReads_CommitsInItsOwnTransaction_LaterReadsSeeIt_AndAReadScopeCannotCommit()
    {
        var owner = await UserWithUnreadNotificationAsync();
        var inbox = new InboxStore(db.AppDb);
        using (ActingUser.Use(owner))
        {
            await using (HubDb.ShareReads())
            {
                Assert.Equal(1, await inbox.CountUnreadAsync(owner, default));
                Assert.Equal(1, await inbox.MarkReadAsync(owner, [], DateTimeOffset.UtcNow, default));
                Assert.Equal(0, await inbox.CountUnreadAsync(owner, default));
                await using var read = await db.AppDb.ReadAsync(default);
                await Assert.ThrowsAsync<InvalidOperationException>(() => read.CommitAsync(default));
            }
        }

        Assert.Equal(0, await db.Data.CountAsync("notifications", "user_id = @owner and read_at is null", new { owner }));
    }

    [Fact]
    public async Task OptionalFilterQuery_FindsByItsFilters_TheSharedTransactionKeepsTheAppsGenericPlans()
    {
        var (user, _) = await db.Data.UserAsync();
        var name = "Planprobe " + Guid.NewGuid().ToString("N")[..8];
        await db.Data.OrganizationAsync(name, land: "09");
        using (ActingUser.Use(user))
        {
            await using (HubDb.ShareReads())
            {
                Assert.Equal("force_generic_plan", await PlanModeAsync());
                var found = await new OrganizationStore(db.AppDb).ListAsync(new OrganizationQuery(name, "09"), new PageRequest(1, 10), default);
                Assert.Equal(name, Assert.Single(found.Items).Name);
                Assert.Equal("force_generic_plan", await PlanModeAsync());
            }
        }
    }

    [Fact]
    public async Task SearchByText_ReadsByIndexForItself_TheSharedTransactionKeepsItsSettings()
    {
        var (user, _) = await db.Data.UserAsync();
        using (ActingUser.Use(user))
        {
            await using (HubDb.ShareReads())
            {
                await new Hub.Data.Releases.PublicCatalogueStore(db.AppDb).SearchAsync(
                    new Hub.Core.Releases.PublicQuery("Urkunde", null, null, null, null, null), new PageRequest(2, 20), default);
                Assert.Equal("force_generic_plan", await PlanModeAsync());
                await using var scope = await db.AppDb.ReadAsync(default);
                Assert.Equal("on", await scope.Connection.QuerySingleAsync<string>("show enable_seqscan"));
            }
        }
    }

    private async Task<string> PlanModeAsync()
    {
        await using var scope = await db.AppDb.ReadAsync(default);
        return await scope.Connection.QuerySingleAsync<string>("show plan_cache_mode");
    }
}
