using Hub.Core.Accounts;
using Hub.Data.Accounts;
using Hub.Data.Common;
using Hub.Testing;
using Xunit;

namespace Hub.Data.Tests.Accounts;

/// <summary>
/// Attack findings 2 and 3 and the sign-in issue's throttling: failures counted in PostgreSQL per account and source,
/// per account and per source; reserved before the password check, so a burst cannot check more than the limits.
/// </summary>
public sealed class SignInThrottleTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private static readonly SignInPolicy Policy = new(5, TimeSpan.FromMinutes(15), MaxFailuresPerAccount: 20, MaxFailuresPerSource: 30);

    private SignInThrottleStore Throttle => new(new HubDb(db.DataSource));

    [Fact]
    public async Task Burst_SixtyParallelAttemptsOnOneAccount_ReserveAtMostTheLimit()
    {
        // The race of finding 2: 60 attempts at once had all been checked (31 wrong ones before the right one succeeded).
        var (user, _) = await db.Data.UserAsync();
        var now = DateTimeOffset.UtcNow;

        var gates = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => Task.Run(() => Throttle.ReserveAsync(user, "198.51.100.7", now, Policy, default))));

        Assert.Equal(Policy.MaxFailedAttempts, gates.Count(g => g.Gate == SignInGate.Open));
        Assert.All(gates.Where(g => g.Gate != SignInGate.Open), g => Assert.Equal(SignInGate.AccountClosed, g.Gate));
        // Another source may still try this account (a colleague behind another gateway) until the account's own limit.
        Assert.Equal(SignInGate.Open, (await Throttle.ReserveAsync(user, "203.0.113.9", now, Policy, default)).Gate);
    }

    [Fact]
    public async Task Spraying_OneWrongPasswordForManyAccountsFromOneSource_ClosesTheSourceAtItsLimit()
    {
        var now = DateTimeOffset.UtcNow;
        var gates = new List<SignInGate>();
        for (var i = 0; i < 40; i++)
        {
            var (user, _) = await db.Data.UserAsync();
            gates.Add((await Throttle.ReserveAsync(user, "192.0.2.50", now, Policy, default)).Gate); // never succeeded: a failure
        }

        Assert.Equal(Enumerable.Repeat(SignInGate.Open, 30).Concat(Enumerable.Repeat(SignInGate.SourceClosed, 10)), gates);
        // The window slides: after the lockout time the source may try again.
        Assert.Equal(SignInGate.Open, (await Throttle.ReserveAsync(null, "192.0.2.50", now + Policy.LockoutDuration + TimeSpan.FromSeconds(1), Policy, default)).Gate);
    }

    [Fact]
    public async Task Colleagues_ThreeHundredSuccessfulSignInsFromOneGateway_AreNeverLimited()
    {
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 300; i++)
        {
            var (user, _) = await db.Data.UserAsync();
            var (gate, reservation) = await Throttle.ReserveAsync(user, "192.0.2.200", now, Policy, default);
            Assert.Equal(SignInGate.Open, gate);
            await Throttle.SucceededAsync(reservation, default);
        }

        Assert.Equal(0, await db.Data.CountAsync("sign_in_failures", "source = '192.0.2.200'"));
    }

    [Fact]
    public async Task Account_TwentyFailuresFromManySources_CloseTheAccountEverywhere()
    {
        var (user, _) = await db.Data.UserAsync();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 20; i++)
            Assert.Equal(SignInGate.Open, (await Throttle.ReserveAsync(user, "10.0.0." + i, now, Policy, default)).Gate);

        Assert.Equal(SignInGate.AccountClosed, (await Throttle.ReserveAsync(user, "10.0.1.1", now, Policy, default)).Gate);
    }
}
