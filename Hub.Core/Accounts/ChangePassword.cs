using Hub.Core.Audit;
using Hub.Core.Common;
using Hub.Core.Tenancy;

namespace Hub.Core.Accounts;

/// <summary>
/// A signed-in user changes the password: the current one is checked, the new one must be 12 to 1024 characters and
/// differ from the old one and the e-mail address. Every session and API token of the user ends with it. A wrong
/// current password counts as a failed sign-in, so a stolen session cannot guess the password here either.
/// </summary>
public sealed class ChangePassword(IUserStore users, IPasswordHasher hasher, IClock clock, SignInPolicy policy)
{
    public const int MinLength = 12;

    public async Task<Result<bool>> ExecuteAsync(Actor actor, string? current, string? next, string? repeat, CancellationToken ct)
    {
        var v = new FieldValidator();
        var user = await users.FindByEmailAsync(actor.Email, ct);
        if (user is null)
            return NotFound.Instance;
        var now = clock.UtcNow;
        if (string.IsNullOrEmpty(current) || current.Length > 1024 || SignInPolicy.IsLockedOut(user, now) || !hasher.Verify(user.PasswordHash, current))
        {
            await users.RecordFailedSignInAsync(user.Id, now, policy, ct);
            v.Add("currentPassword", "Das bisherige Passwort stimmt nicht.");
        }
        if (string.IsNullOrEmpty(next) || next.Length < MinLength || next.Length > 1024)
            v.Add("newPassword", "Das neue Passwort braucht {0} bis {1} Zeichen.", MinLength, 1024);
        else if (next == current || string.Equals(next, actor.Email, StringComparison.OrdinalIgnoreCase))
            v.Add("newPassword", "Das neue Passwort muss sich vom bisherigen und von der E-Mail-Adresse unterscheiden.");
        else if (next != repeat)
            v.Add("repeatPassword", "Die Wiederholung stimmt nicht mit dem neuen Passwort überein.");
        if (v.HasErrors)
            return v.ToError();
        await users.ChangePasswordAsync(user.Id, hasher.Hash(next!), now, AuditEvent.Create(now, actor, null, "user", user.Id, "password_changed"), ct);
        return true;
    }
}
