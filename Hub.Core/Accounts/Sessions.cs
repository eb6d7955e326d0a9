using Hub.Core.Audit;
using Hub.Core.Common;
using Hub.Core.Tenancy;

namespace Hub.Core.Accounts;

/// <summary>How long a session lives: <see cref="Idle"/> without a request, <see cref="Absolute"/> after sign-in whatever happens.</summary>
public sealed record SessionPolicy(TimeSpan Idle, TimeSpan Absolute)
{
    public static SessionPolicy Default { get; } = new(TimeSpan.FromMinutes(30), TimeSpan.FromHours(8));
}

/// <summary>What a valid session's check gives every page: who acts, and the unread notifications for the layout's badge.</summary>
public sealed record SessionCheck(Actor Actor, int UnreadNotifications);

public interface ISessionStore
{
    Task<Guid> StartAsync(Guid userId, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// The session's user as an actor, with the count of their unread notifications, while the session is open, within
    /// both limits and its user enabled, else null; records the request (at most once a minute). One round trip for
    /// every signed-in request, which also begins the request's reads as that user.
    /// </summary>
    Task<SessionCheck?> TouchAsync(Guid sessionId, Guid userId, DateTimeOffset now, SessionPolicy policy, CancellationToken ct);

    Task EndAsync(Guid sessionId, DateTimeOffset now, string reason, CancellationToken ct);
}

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

/// <summary>A platform admin disables (or enables again) an account: sign-in, sessions and API tokens stop at once.</summary>
public sealed class DisableAccount(IUserStore users, IClock clock)
{
    public async Task<Result<bool>> ExecuteAsync(Actor actor, Guid userId, bool disabled, CancellationToken ct)
    {
        if (!actor.IsPlatformAdmin)
            return Forbidden.Instance;
        if (userId == actor.UserId)
            return new Conflict("own_account", new ErrorMessage("Das eigene Konto kann nicht gesperrt werden."));
        var now = clock.UtcNow;
        var changed = await users.SetDisabledAsync(userId, disabled ? now : null, now,
            AuditEvent.Create(now, actor, null, "user", userId, disabled ? "disabled" : "enabled"), ct);
        return changed ? true : NotFound.Instance;
    }
}
