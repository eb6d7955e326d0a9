namespace Hub.Core.Accounts;

public sealed record SignInPolicy(int MaxFailedAttempts, TimeSpan LockoutDuration)
{
    public static SignInPolicy Default { get; } = new(5, TimeSpan.FromMinutes(15));

    public static bool IsLockedOut(UserAccount user, DateTimeOffset now) => user.LockedUntil is { } until && until > now;
}
