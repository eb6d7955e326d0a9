using Hub.Core.Common;
using Hub.Core.Inbox;
using Hub.Web.Accounts;
using Hub.Web.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Inbox;

public sealed record InboxPage(Page<Notification> Notifications, PagerViewModel Pager, bool UnreadOnly, int UnreadCount);

[Authorize]
public sealed class InboxController(IInboxStore inbox, CurrentActor current, IClock clock) : Controller
{
    [HttpGet("/posteingang")]
    public async Task<IActionResult> Index(bool ungelesen = false, int page = 1, CancellationToken ct = default)
    {
        var actor = await current.RequireAsync(ct);
        var result = await inbox.ListAsync(actor.UserId, ungelesen, new PageRequest(page, 50), ct);
        var pager = PagerViewModel.From(result, "/posteingang", new Dictionary<string, string?> { ["ungelesen"] = ungelesen ? "true" : null });
        return View(new InboxPage(result, pager, ungelesen, await inbox.CountUnreadAsync(actor.UserId, ct)));
    }

    /// <summary>One notification read and on to what it is about, or (without id) all read.</summary>
    [HttpPost("/posteingang/gelesen")]
    public async Task<IActionResult> MarkRead(Guid? id, CancellationToken ct)
    {
        var actor = await current.RequireAsync(ct);
        await inbox.MarkReadAsync(actor.UserId, id is { } one ? [one] : [], clock.UtcNow, ct);
        if (id is { } read && (await inbox.GetAsync(actor.UserId, read, ct))?.Link is { } link)
            return Redirect(link);
        return Redirect("/posteingang");
    }
}
