using System.Security.Claims;
using Hub.Core.Accounts;
using Hub.Core.Tenancy;

namespace Hub.Web.Accounts;

/// <summary>The acting user of this request, loaded once (the authentication handlers already put it here).</summary>
public sealed class CurrentActor(IHttpContextAccessor http, IUserStore users)
{
    private const string ItemKey = "hub-actor";

    private const string UnreadKey = "hub-unread";

    public static void Remember(HttpContext context, Actor actor) => context.Items[ItemKey] = actor;

    /// <summary>The signed-in user's unread notifications as the session check counted them at the start of the request.</summary>
    public static void RememberUnread(HttpContext context, int unread) => context.Items[UnreadKey] = unread;

    public static int? Unread(HttpContext context) => context.Items.TryGetValue(UnreadKey, out var unread) ? unread as int? : null;

    public static Guid? UserId(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public async Task<Actor?> GetAsync(CancellationToken ct = default)
    {
        var context = http.HttpContext;
        if (context is null)
            return null;
        if (context.Items.TryGetValue(ItemKey, out var cached))
            return cached as Actor;
        Actor? actor = null;
        if (context.User.Identity?.IsAuthenticated == true && UserId(context.User) is { } id)
            actor = await users.LoadActorAsync(id, ct);
        context.Items[ItemKey] = actor;
        return actor;
    }

    /// <summary>For actions behind [Authorize]: the actor is there, or the request was already refused.</summary>
    public async Task<Actor> RequireAsync(CancellationToken ct = default) =>
        await GetAsync(ct) ?? throw new InvalidOperationException("No signed-in actor on an authorized request.");
}
