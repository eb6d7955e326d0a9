using Hub.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Hub.Web.Accounts;

internal static class CookieEvents
{
    /// <summary>
    /// Every request checks the server-side session (open, within the idle and absolute limits, user enabled) and re-reads
    /// the user: a signed-out, expired, password-changed or disabled session is refused at once.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var ct = context.HttpContext.RequestAborted;
        var userId = CurrentActor.UserId(context.Principal!);
        var sessionId = AccountController.SessionId(context.Principal!);
        var actor = userId is { } u && sessionId is { } s
            ? await services.GetRequiredService<ISessionStore>().TouchAsync(s, u, services.GetRequiredService<Hub.Core.Common.IClock>().UtcNow,
                services.GetRequiredService<SessionPolicy>(), ct)
            : null;
        if (actor is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        CurrentActor.Remember(context.HttpContext, actor);
    }
}
