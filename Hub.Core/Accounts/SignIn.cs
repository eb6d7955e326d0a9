using Hub.Core.Common;

namespace Hub.Core.Accounts;

/// <summary>
/// Checks a password. Unknown user, wrong password, locked and disabled accounts all give the same
/// error, and an unknown user still costs one hash verification so timing does not tell them apart.
/// </summary>
public sealed class SignIn(IUserStore users, IPasswordHasher hasher, IClock clock, SignInPolicy policy)
{
    public static readonly ErrorMessage FailedMessage =
        new("Anmeldung fehlgeschlagen: E-Mail-Adresse oder Passwort stimmen nicht, oder das Konto ist vorübergehend gesperrt.");

    private static string? _dummyHash;

    public async Task<Result<UserAccount>> ExecuteAsync(string? email, string? password, CancellationToken ct)
    {
        var failed = new Forbidden("invalid_credentials", FailedMessage);
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || email.Length > 254 || password.Length > 1024)
            return failed;

        var user = await users.FindByEmailAsync(FieldValidator.NormalizeEmail(email), ct);
        if (user is null)
        {
            _dummyHash ??= hasher.Hash("not-a-real-password");
            hasher.Verify(_dummyHash, password);
            return failed;
        }

        var now = clock.UtcNow;
        if (user.DisabledAt is not null || SignInPolicy.IsLockedOut(user, now))
        {
            hasher.Verify(user.PasswordHash, password);
            return failed;
        }

        if (!hasher.Verify(user.PasswordHash, password))
        {
            await users.RecordFailedSignInAsync(user.Id, now, policy, ct);
            return failed;
        }

        await users.RecordSuccessfulSignInAsync(user.Id, now, ct);
        return user;
    }
}
