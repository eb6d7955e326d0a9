using Hub.Core.Common;

namespace Hub.Core.Accounts;

/// <summary>
/// Checks a password. Unknown user, wrong password, locked and disabled accounts all give the same
/// error, and an unknown user still costs one hash verification so timing does not tell them apart.
/// </summary>
public sealed class SignIn(IUserStore users, ISignInThrottle throttle, IPasswordHasher hasher, IClock clock, SignInPolicy policy)
{
    public static readonly ErrorMessage FailedMessage =
        new("Anmeldung fehlgeschlagen: E-Mail-Adresse oder Passwort stimmen nicht, oder das Konto ist vorübergehend gesperrt.");

    public static readonly ErrorMessage SourceClosedMessage =
        new("Zu viele fehlgeschlagene Anmeldungen von Ihrer Adresse. Bitte warten Sie einige Minuten.");

    private static string? _dummyHash;

    /// <summary>
    /// Checks the password of <paramref name="email"/>, tried from <paramref name="source"/> (the client's address as the
    /// hub sees it). Every answer but success and a closed source is the same, after exactly one hash verification.
    /// </summary>
    public async Task<Result<UserAccount>> ExecuteAsync(string? email, string? password, string source, CancellationToken ct)
    {
        var failed = new Forbidden("invalid_credentials", FailedMessage);
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || email.Length > 254 || password.Length > 1024)
            return failed;

        var user = await users.FindByEmailAsync(FieldValidator.NormalizeEmail(email), ct);
        var now = clock.UtcNow;
        var (gate, reservation) = await throttle.ReserveAsync(user?.Id, source, now, policy, ct);
        if (gate != SignInGate.Open || user is null || user.DisabledAt is not null || SignInPolicy.IsLockedOut(user, now))
        {
            _dummyHash ??= hasher.Hash("not-a-real-password");
            hasher.Verify(user?.PasswordHash ?? _dummyHash, password);
            return gate == SignInGate.SourceClosed ? new RateLimited("rate_limited", SourceClosedMessage) : failed;
        }

        if (!hasher.Verify(user.PasswordHash, password))
            return failed; // the reservation stays: it is the failure

        await throttle.SucceededAsync(reservation, ct);
        await users.RecordSuccessfulSignInAsync(user.Id, now, ct);
        return user;
    }
}
