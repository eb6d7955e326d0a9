namespace Hub.Core.Accounts;

/// <summary>
/// The sign-in limits, each over <see cref="LockoutDuration"/> (a sliding window): <see cref="MaxFailedAttempts"/>
/// failures of one account from one source address close that account to that source; <see cref="MaxFailuresPerAccount"/>
/// from all sources close the account; <see cref="MaxFailuresPerSource"/> across accounts close the source (password
/// spraying). Successful sign-ins are never limited. docs/security.md, section 4.
/// </summary>
public sealed record SignInPolicy(int MaxFailedAttempts, TimeSpan LockoutDuration, int MaxFailuresPerAccount = 20, int MaxFailuresPerSource = 30)
{
    public static SignInPolicy Default { get; } = new(5, TimeSpan.FromMinutes(15));

    public static bool IsLockedOut(UserAccount user, DateTimeOffset now) => user.LockedUntil is { } until && until > now;
}
