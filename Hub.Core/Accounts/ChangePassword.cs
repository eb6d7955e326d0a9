using Hub.Core.Audit;
using Hub.Core.Common;
using Hub.Core.Tenancy;

namespace Hub.Core.Accounts;

/// <summary>
/// A signed-in user changes the password: the current one is checked, the new one must follow <see cref="PasswordRules"/>
/// and differ from the old one. Every session and API token of the user ends with it. A wrong
/// current password counts as a failed sign-in, so a stolen session cannot guess the password here either.
/// </summary>
public sealed class ChangePassword(IUserStore users, ISignInThrottle throttle, IPasswordHasher hasher, IClock clock, SignInPolicy policy)
{
    public const int MinLength = PasswordRules.MinLength;

    /// <summary>The check of the current password is reserved like a sign-in's (<see cref="ISignInThrottle"/>), from <paramref name="source"/>.</summary>
    public async Task<Result<bool>> ExecuteAsync(Actor actor, string? current, string? next, string? repeat, string source, CancellationToken ct)
    {
        var v = new FieldValidator();
        var user = await users.FindByEmailAsync(actor.Email, ct);
        if (user is null)
            return NotFound.Instance;
        var now = clock.UtcNow;
        var (gate, reservation) = await throttle.ReserveAsync(user.Id, source, now, policy, ct);
        if (gate != SignInGate.Open || string.IsNullOrEmpty(current) || current.Length > 1024 || SignInPolicy.IsLockedOut(user, now)
            || !hasher.Verify(user.PasswordHash, current))
        {
            await users.RecordFailedSignInAsync(user.Id, now, policy, ct);
            v.Add("currentPassword", "Das bisherige Passwort stimmt nicht.");
        }
        else
        {
            await throttle.SucceededAsync(reservation, ct);
        }
        if (PasswordRules.Check(next, actor.Email) is { } weak)
            v.Add("newPassword", weak);
        else if (next == current)
            v.Add("newPassword", "Das neue Passwort muss sich vom bisherigen und von der E-Mail-Adresse unterscheiden.");
        else if (next != repeat)
            v.Add("repeatPassword", "Die Wiederholung stimmt nicht mit dem neuen Passwort überein.");
        if (v.HasErrors)
            return v.ToError();
        await users.ChangePasswordAsync(user.Id, hasher.Hash(next!), now, AuditEvent.Create(now, actor, null, "user", user.Id, "password_changed"), ct);
        return true;
    }
}
