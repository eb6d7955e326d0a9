using Hub.Core.Audit;
using Hub.Core.Common;
using Hub.Core.Tenancy;

namespace Hub.Core.Accounts;

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
