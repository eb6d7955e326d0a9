using Hub.Core.Accounts;

namespace Hub.Core.Tests.Accounts;

public sealed class SignInPolicyTests
{
    private static UserAccount User(DateTimeOffset? lockedUntil) => new(Guid.NewGuid(), "a@b.de", "A", "hash", false, null, 0, lockedUntil);

    [Fact]
    public void IsLockedOut_OnlyWhileTheLockLasts()
    {
        var now = DateTimeOffset.UtcNow;

        Assert.False(SignInPolicy.IsLockedOut(User(null), now));
        Assert.True(SignInPolicy.IsLockedOut(User(now.AddSeconds(1)), now));
        Assert.False(SignInPolicy.IsLockedOut(User(now), now));
        Assert.False(SignInPolicy.IsLockedOut(User(now.AddMinutes(-1)), now));
    }

    [Fact]
    public void Default_IsFiveAttemptsAndFifteenMinutes()
    {
        Assert.Equal(5, SignInPolicy.Default.MaxFailedAttempts);
        Assert.Equal(TimeSpan.FromMinutes(15), SignInPolicy.Default.LockoutDuration);
    }
}
