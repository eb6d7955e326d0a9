using Dapper;
using Hub.Core.Common;
using Hub.Data.Common;
using Hub.Testing;
using Xunit;

namespace Hub.Data.Tests.Security;

/// <summary>
/// Attack findings 12 and 16: a key names one request (method, path and body), and a key whose work committed is
/// never given back, also when the request failed afterwards (the commit's answer lost on the way).
/// </summary>
public sealed class IdempotencyStoreTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private IdempotencyStore Store => new(new HubDb(db.DataSource));

    [Fact]
    public async Task Claim_SameKeyOtherBody_IsMismatch_SameBodyIsTheSameRequest()
    {
        var (user, _) = await db.Data.UserAsync();
        var now = DateTimeOffset.UtcNow;
        await Store.ClaimAsync(user, "key-body-0001", "PUT", "/api/v1/drafts/1", "hash-a", now, default);
        await Store.CompleteAsync(user, "key-body-0001", new StoredAnswer(200, null, "application/json", "{}"), default);

        var same = await Store.ClaimAsync(user, "key-body-0001", "PUT", "/api/v1/drafts/1", "hash-a", now, default);
        var other = await Store.ClaimAsync(user, "key-body-0001", "PUT", "/api/v1/drafts/1", "hash-b", now, default);

        Assert.Equal(IdempotencyClaim.Answered, same.Claim);
        Assert.Equal(IdempotencyClaim.Mismatch, other.Claim);
    }

    [Fact]
    public async Task Release_AfterTheWorkCommitted_KeepsTheKey_AndARetryIsToldItWasApplied()
    {
        var (user, _) = await db.Data.UserAsync();
        var now = DateTimeOffset.UtcNow;
        Assert.Equal(IdempotencyClaim.First, (await Store.ClaimAsync(user, "key-lost-0001", "POST", "/x", "h", now, default)).Claim);
        // The work's transaction committed and marked the key (DbScope.CommitAsync); its answer never reached the hub.
        await using (var conn = await db.DataSource.OpenConnectionAsync())
            await conn.ExecuteAsync("update idempotency_keys set committed_at = now() where user_id = @user and key = 'key-lost-0001'", new { user });

        await Store.ReleaseAsync(user, "key-lost-0001", default);
        var retry = await Store.ClaimAsync(user, "key-lost-0001", "POST", "/x", "h", now, default);

        Assert.Equal(IdempotencyClaim.Applied, retry.Claim);
    }

    [Fact]
    public async Task Release_NothingCommitted_FreesTheKey()
    {
        var (user, _) = await db.Data.UserAsync();
        var now = DateTimeOffset.UtcNow;
        await Store.ClaimAsync(user, "key-free-0001", "POST", "/x", "h", now, default);

        await Store.ReleaseAsync(user, "key-free-0001", default);

        Assert.Equal(IdempotencyClaim.First, (await Store.ClaimAsync(user, "key-free-0001", "POST", "/x", "other", now, default)).Claim);
    }
}
