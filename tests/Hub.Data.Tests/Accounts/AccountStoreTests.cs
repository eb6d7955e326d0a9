using Dapper;
using Hub.Core.Accounts;
using Hub.Core.Tenancy;
using Hub.Data.Accounts;
using Hub.Data.Common;
using Hub.Testing;

namespace Hub.Data.Tests.Accounts;

public sealed class AccountStoreTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task RecordFailedSignInAsync_AtThreshold_LocksTheAccount()
    {
        var (user, email) = await db.Data.UserAsync();
        var store = new UserStore(db.Db);
        var policy = new SignInPolicy(3, TimeSpan.FromMinutes(15));
        var now = DateTimeOffset.UtcNow;

        for (var i = 0; i < 2; i++)
            await store.RecordFailedSignInAsync(user, now, policy, default);
        Assert.False(SignInPolicy.IsLockedOut((await store.FindByEmailAsync(email, default))!, now));

        await store.RecordFailedSignInAsync(user, now, policy, default);
        var locked = (await store.FindByEmailAsync(email, default))!;
        Assert.True(SignInPolicy.IsLockedOut(locked, now));
        Assert.False(SignInPolicy.IsLockedOut(locked, now.AddMinutes(16)));
    }

    [Fact]
    public async Task RecordFailedSignInAsync_ConcurrentFailures_AllCount()
    {
        var (user, email) = await db.Data.UserAsync();
        var store = new UserStore(db.Db);
        var policy = new SignInPolicy(100, TimeSpan.FromMinutes(15));

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => store.RecordFailedSignInAsync(user, DateTimeOffset.UtcNow, policy, default)));

        Assert.Equal(20, (await store.FindByEmailAsync(email, default))!.FailedSignIns);
    }

    [Fact]
    public async Task FindActorAsync_ValidExpiredRevokedAndDisabled_OnlyValidFindsTheUser()
    {
        var org = await db.Data.OrganizationAsync();
        var (user, _) = await db.Data.UserAsync(memberships: (org, "reviewer"));
        var tokens = new TokenStore(db.Db);
        var now = DateTimeOffset.UtcNow;
        byte[] valid = [1, 2, 3, (byte)Random.Shared.Next(256), .. Guid.NewGuid().ToByteArray()];
        byte[] expired = [4, .. Guid.NewGuid().ToByteArray()];
        byte[] revoked = [5, .. Guid.NewGuid().ToByteArray()];
        await tokens.CreateAsync(Guid.NewGuid(), user, valid, "valid", now, now.AddDays(1), default);
        await tokens.CreateAsync(Guid.NewGuid(), user, expired, "expired", now.AddDays(-2), now.AddDays(-1), default);
        await tokens.CreateAsync(Guid.NewGuid(), user, revoked, "revoked", now, now.AddDays(1), default);
        Assert.True(await tokens.RevokeAsync(revoked, now, default));

        var actor = await tokens.FindActorAsync(valid, now, default);
        Assert.Equal(user, actor!.UserId);
        Assert.Equal([(org, Hub.Core.Tenancy.MembershipRole.Reviewer)], actor.Memberships.Select(m => (m.OrganizationId, m.Role)));
        Assert.Null(await tokens.FindActorAsync(expired, now, default));
        Assert.Null(await tokens.FindActorAsync(revoked, now, default));
        Assert.Null(await tokens.FindActorAsync([9, 9, 9], now, default));

        await using (var conn = await db.DataSource.OpenConnectionAsync())
            await conn.ExecuteAsync("update users set disabled_at = now() where id = @user", new { user });
        Assert.Null(await tokens.FindActorAsync(valid, now, default));
        Assert.Null(await new UserStore(db.Db).LoadActorAsync(user, default));
    }

    [Fact]
    public async Task TouchAsync_OpenSession_GivesItsUsersActor_EndedIdleForeignOrDisabled_GiveNothing()
    {
        var org = await db.Data.OrganizationAsync();
        var (user, email) = await db.Data.UserAsync(null, false, (org, "reviewer"));
        var (other, _) = await db.Data.UserAsync();
        var sessions = new SessionStore(db.Db);
        var policy = SessionPolicy.Default;
        var start = DateTimeOffset.UtcNow;
        var open = await sessions.StartAsync(user, start, default);
        var ended = await sessions.StartAsync(user, start, default);
        await sessions.EndAsync(ended, start, "signed_out", default);

        var actor = (await sessions.TouchAsync(open, user, start.AddMinutes(5), policy, default))!.Actor;
        Assert.Equal(email, actor.Email);
        Assert.Equal(org, Assert.Single(actor.Memberships).OrganizationId);
        Assert.Equal(MembershipRole.Reviewer, actor.Memberships[0].Role);
        Assert.Null(await sessions.TouchAsync(ended, user, start.AddMinutes(5), policy, default));
        Assert.Null(await sessions.TouchAsync(open, other, start.AddMinutes(5), policy, default));
        // Each use restarts the idle time (30 minutes): used at 30, expired at 61.
        Assert.NotNull(await sessions.TouchAsync(open, user, start.AddMinutes(30), policy, default));
        Assert.Null(await sessions.TouchAsync(open, user, start.AddMinutes(61), policy, default));

        var fresh = await sessions.StartAsync(user, start, default);
        await using (var conn = await db.DataSource.OpenConnectionAsync())
            await conn.ExecuteAsync("update users set disabled_at = now() where id = @user", new { user });
        Assert.Null(await sessions.TouchAsync(fresh, user, start.AddMinutes(1), policy, default));
    }

    [Fact]
    public async Task TouchAsync_CountsTheUsersUnread_BeginsTheRequestsReadsAsTheUser_ARefusedCheckLeavesNoUserBehind()
    {
        var (user, _) = await db.Data.UserAsync();
        var (other, _) = await db.Data.UserAsync();
        await using (var conn = await db.DataSource.OpenConnectionAsync())
        {
            await conn.ExecuteAsync("""
                insert into notifications (id, user_id, kind, subject, created_at, read_at)
                select gen_random_uuid(), v.u, 'approved', 'Urkunde', now(), v.r
                from (values (@user, null::timestamptz), (@user, null), (@user, now()), (@other, null)) v (u, r)
                """, new { user, other });
        }

        var sessions = new SessionStore(db.AppDb);
        var now = DateTimeOffset.UtcNow;
        var open = await sessions.StartAsync(user, now, default);
        Assert.Equal(2, (await sessions.TouchAsync(open, user, now, SessionPolicy.Default, default))!.UnreadNotifications);

        const string seen = "select coalesce(current_setting('hub.user_id', true), '') || ':' || (select count(*) from notifications)";
        await using (HubDb.ShareReads())
        {
            Assert.NotNull(await sessions.TouchAsync(open, user, now, SessionPolicy.Default, default));
            using (ActingUser.Use(user))
            {
                await using var read = await db.AppDb.ReadAsync(default);
                Assert.Equal($"{user}:3", await read.Connection.ExecuteScalarAsync<string>(seen, transaction: read.Transaction));
            }
        }

        // Someone else's session: refused, and the request's later (anonymous) reads do not run as the cookie's user.
        await using (HubDb.ShareReads())
        {
            Assert.Null(await sessions.TouchAsync(open, other, now, SessionPolicy.Default, default));
            Assert.Null(await sessions.TouchAsync(open, user, now.AddHours(9), SessionPolicy.Default, default));
            await using var read = await db.AppDb.ReadAsync(default);
            Assert.Equal(":0", await read.Connection.ExecuteScalarAsync<string>(seen, transaction: read.Transaction));
        }
    }

    [Fact]
    public async Task TokenHash_IsStoredNotTheToken()
    {
        var (user, _) = await db.Data.UserAsync();
        var hash = System.Security.Cryptography.SHA256.HashData("ikz_secret"u8);
        await new TokenStore(db.Db).CreateAsync(Guid.NewGuid(), user, hash, "t", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1), default);

        await using var conn = await db.DataSource.OpenConnectionAsync();
        var stored = await conn.QuerySingleAsync<byte[]>("select token_hash from api_tokens where user_id = @user", new { user });
        Assert.Equal(hash, stored);
    }

    [Fact]
    public void IdentityPasswordHasher_HashesWithRaisedIterationsAndVerifies()
    {
        var hasher = new IdentityPasswordHasher();
        var hash = hasher.Hash("Geheim-123!");

        Assert.True(hasher.Verify(hash, "Geheim-123!"));
        Assert.False(hasher.Verify(hash, "geheim-123!"));
        Assert.False(hasher.Verify("not-a-hash", "x"));
        // Identity v3 format: 0x01, PRF (4 bytes), iteration count (4 bytes, big endian), ...
        var bytes = Convert.FromBase64String(hash);
        var iterations = (bytes[5] << 24) | (bytes[6] << 16) | (bytes[7] << 8) | bytes[8];
        Assert.True(iterations >= 210_000, $"iterations {iterations}");
    }

    [Fact]
    public async Task DemoSeeder_SecondRun_ChangesNothing()
    {
        var seeder = new Hub.Data.Demo.DemoSeeder(db.DataSource, new IdentityPasswordHasher());
        var first = await seeder.SeedAsync();
        var users = await db.Data.CountAsync("users");

        var second = await seeder.SeedAsync();

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(users, await db.Data.CountAsync("users"));
        Assert.Equal(6, await db.Data.CountAsync("cooperations", "name like any(array['%Viernheim%', '%Mittelhessen%', '%Darmstadt%', '%Bensheim%', '%Nordwaldeck%', '%Usinger%'])"));
    }
}
