using Hub.Core.Audit;
using Hub.Core.Common;
using Hub.Core.Drafts;
using Hub.Web.Accounts;
using Hub.Web.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Drafts;

/// <summary>A draft's past: one revision, the diff between two revisions, the whole timeline.</summary>
[Authorize]
public sealed class DraftHistoryController(ReadDraft read, IAuditStore audit, CurrentActor current, ApiProblems problems, ShortCache cache) : Controller
{
    [HttpGet("/entwuerfe/{id:guid}/fassungen/{revision:int}")]
    public async Task<IActionResult> Revision(Guid id, int revision, CancellationToken ct)
    {
        var actor = await current.RequireAsync(ct);
        var draft = await read.GetAsync(actor, id, ct);
        if (!draft.IsSuccess)
            return PageErrors.StatusFor(draft.Error);
        var found = await read.RevisionAsync(draft.Value, revision, ct);
        return found.IsSuccess ? View("~/Views/Drafts/Revision.cshtml", new DraftRevisionPage(draft.Value.Summary, found.Value)) : PageErrors.StatusFor(found.Error);
    }

    /// <summary>?von=&amp;bis= (default: the previous and the current revision), ansicht=inline or nebeneinander.</summary>
    [HttpGet("/entwuerfe/{id:guid}/vergleich")]
    public async Task<IActionResult> Diff(Guid id, int? von, int? bis, string? ansicht, CancellationToken ct)
    {
        var actor = await current.RequireAsync(ct);
        var draft = await read.GetAsync(actor, id, ct);
        if (!draft.IsSuccess)
            return PageErrors.StatusFor(draft.Error);
        var currentRevision = draft.Value.Summary.CurrentRevision;
        var pair = await read.RevisionPairAsync(draft.Value, von ?? Math.Max(1, currentRevision - 1), bis ?? currentRevision, ct);
        if (!pair.IsSuccess)
        {
            ModelState.AddHubError(pair.Error, problems);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            pair = await read.RevisionPairAsync(draft.Value, Math.Max(1, currentRevision - 1), currentRevision, ct);
        }

        var (from, to) = pair.Value;
        return View("~/Views/Drafts/Diff.cshtml", new DraftDiffPage(draft.Value.Summary, await RevisionDiff.CachedAsync(cache, id, from, to, ct), ansicht == "nebeneinander"));
    }

    [HttpGet("/entwuerfe/{id:guid}/verlauf")]
    public async Task<IActionResult> Timeline(Guid id, int page = 1, CancellationToken ct = default)
    {
        var draft = await read.GetAsync(await current.RequireAsync(ct), id, ct);
        if (!draft.IsSuccess)
            return PageErrors.StatusFor(draft.Error);
        var timeline = await audit.ListAsync("draft", id, new PageRequest(page, 100), ct);
        return View("~/Views/Drafts/Timeline.cshtml", new DraftTimelinePage(draft.Value.Summary, timeline, PagerViewModel.From(timeline, $"/entwuerfe/{id}/verlauf", new Dictionary<string, string?>())));
    }
}
