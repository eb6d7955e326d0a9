using Dapper;
using Hub.Core.Audit;
using Hub.Data.Common;
using Hub.Testing;
using Npgsql;
using Xunit;

namespace Hub.Data.Tests.Security;

/// <summary>
/// A request made with an idempotency key records in the transaction that does its work that the work is done
/// (<c>committed_at</c>), so a repeat after a lost answer learns it instead of doing the work twice. A transaction that
/// rolls back leaves no mark, also when the next one runs on the same pooled connection.
/// </summary>
public sealed class IdempotencyMarkTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task TheKeyIsMarked_OnlyByATransactionThatCommits_WithOrWithoutAnAuditEvent()
    {
        var (user, _) = await db.Data.UserAsync();
        var actor = await db.Data.ActorAsync(user);
        await using (var conn = await db.DataSource.OpenConnectionAsync())
        {
            await conn.ExecuteAsync("""
                insert into idempotency_keys (user_id, key, method, path, created_at)
                values (@user, 'rolled-back-then-plain', 'POST', '/x', now()), (@user, 'with-audit', 'POST', '/x', now())
                """, new { user });
        }

        // One pooled connection, so the second transaction below is the first one's connection again.
        var single = new NpgsqlConnectionStringBuilder(TestCluster.AppConnectionString(db.ConnectionString)) { MaxPoolSize = 1 };
        await using var pool = HubDatabase.CreateAppDataSource(single.ConnectionString);
        var hub = new HubDb(pool);
        AuditEvent Audit() => AuditEvent.Create(DateTimeOffset.UtcNow, actor, null, "test", Guid.NewGuid(), "tested");
        async Task<DateTime?> MarkedAsync(string key)
        {
            await using var conn = await db.DataSource.OpenConnectionAsync();
            return await conn.ExecuteScalarAsync<DateTime?>("select committed_at from idempotency_keys where user_id = @user and key = @key", new { user, key });
        }

        using (ActingUser.Use(user))
        {
            var first = new PendingIdempotency.PendingKey(user, "rolled-back-then-plain");
            using (PendingIdempotency.Use(first))
            {
                await using (var scope = await hub.OpenAsync(default))
                {
                    await AuditWriter.WriteAsync(scope.Connection, scope.Transaction, Audit(), default);
                } // not committed

                Assert.Null(await MarkedAsync("rolled-back-then-plain"));
                Assert.False(first.Committed);
                await using (var scope = await hub.OpenAsync(default))
                    await scope.CommitAsync(default); // no audit event
            }

            Assert.True(first.Committed);
            Assert.NotNull(await MarkedAsync("rolled-back-then-plain"));

            var second = new PendingIdempotency.PendingKey(user, "with-audit");
            using (PendingIdempotency.Use(second))
            {
                await using var scope = await hub.OpenAsync(default);
                await AuditWriter.WriteAsync(scope.Connection, scope.Transaction, Audit(), default);
                Assert.Null(await MarkedAsync("with-audit")); // not yet committed
                await scope.CommitAsync(default);
            }

            Assert.True(second.Committed);
            Assert.NotNull(await MarkedAsync("with-audit"));
        }
    }
}
