using Hub.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Hub.Web.Accounts;

internal static class CookieEvents
{
    /// <summary>
    /// Every request checks the server-side session (open, within the idle and absolute limits, user enabled) and re-reads
    /// the user: a signed-out, expired, password-changed or disabled session is refused at once. The same command counts
    /// the user's unread notifications for the layout and begins the request's reads as that user.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var ct = context.HttpContext.RequestAborted;
        var userId = CurrentActor.UserId(context.Principal!);
        var sessionId = AccountController.SessionId(context.Principal!);
        var check = userId is { } u && sessionId is { } s
            ? await services.GetRequiredService<ISessionStore>().TouchAsync(s, u, services.GetRequiredService<Hub.Core.Common.IClock>().UtcNow,
                services.GetRequiredService<SessionPolicy>(), ct)
            : null;
        if (check is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        CurrentActor.Remember(context.HttpContext, check.Actor);
        CurrentActor.RememberUnread(context.HttpContext, check.UnreadNotifications);
    }
}
