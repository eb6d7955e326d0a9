using Hub.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Hub.Web.Accounts;

internal static class CookieEvents
{
    /// <summary>Every request re-reads the user: a disabled or deleted account loses its session at once.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var users = context.HttpContext.RequestServices.GetRequiredService<IUserStore>();
        var actor = CurrentActor.UserId(context.Principal!) is { } id
            ? await users.LoadActorAsync(id, context.HttpContext.RequestAborted)
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
