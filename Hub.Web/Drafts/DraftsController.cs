using Hub.Core.Common;
using Hub.Core.Drafts;
using Hub.Core.Tenancy;
using Hub.Web.Accounts;
using Hub.Web.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Drafts;

/// <summary>Draft pages: list, page with the lifecycle's actions, create and edit. Every change goes through Core.</summary>
[Authorize]
public sealed class DraftsController(
    IDraftStore drafts, ReadDraft read, CreateDraft create, ChangeDraft change, ICooperationStore cooperations, CurrentActor current,
    ApiProblems problems, MarkdownRenderer markdown, ICommentStore comments, DraftComments discussion, DraftPageReads pages) : Controller
{
    [HttpGet("/entwuerfe")]
    public async Task<IActionResult> Index(string? status, Guid? verbund, Guid? organisation, int page = 1, CancellationToken ct = default)
    {
        var actor = await current.RequireAsync(ct);
        DraftStatus? parsed = DraftCodes.TryParseStatus(status, out var s) ? s : null;
        var result = await drafts.ListVisibleAsync(actor, new DraftQuery(parsed, verbund, organisation), new PageRequest(page, 50), ct);
        var pager = PagerViewModel.From(result, "/entwuerfe", new Dictionary<string, string?>
        {
            ["status"] = parsed?.ToCode(), ["verbund"] = verbund?.ToString(), ["organisation"] = organisation?.ToString(),
        });
        return View(new DraftListPage(result.Items, pager, parsed?.ToCode(), verbund, organisation, await drafts.ListFacetsAsync(actor, ct)));
    }

    [HttpGet("/entwuerfe/{id:guid}")]
    public Task<IActionResult> Show(Guid id, string? meldung, CancellationToken ct) => RenderAsync(id, meldung, ct);

    [HttpGet("/entwuerfe/neu")]
    public async Task<IActionResult> New(CancellationToken ct)
    {
        // Only editors of an organization in a cooperation draft; everyone else is told so instead of getting an empty form.
        var choices = await ChoicesAsync(ct);
        return choices.Count == 0 ? PageErrors.StatusFor(Forbidden.Instance) : View("Edit", new DraftFormPage(new DraftForm(), null, choices, null));
    }

    [HttpPost("/entwuerfe/neu")]
    public async Task<IActionResult> Create(DraftForm form, string? preview, CancellationToken ct)
    {
        if ((await ChoicesAsync(ct)).Count == 0)
            return PageErrors.StatusFor(Forbidden.Instance);
        if (ModelState.IsValid && preview is null)
        {
            var result = await create.ExecuteAsync(await current.RequireAsync(ct), form.OrganizationId, form.CooperationId, form.ToContent(), ct);
            if (result.IsSuccess)
                return Redirect($"/entwuerfe/{result.Value.Summary.Id}");
            if (result.Error is Forbidden)
                return PageErrors.StatusFor(result.Error);
            ModelState.AddHubError(result.Error, problems, "Form.");
        }

        Response.StatusCode = preview is null ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        return View("Edit", new DraftFormPage(form, null, await ChoicesAsync(ct), preview is null ? null : markdown.ToSafeHtml(form.Body)));
    }

    [HttpGet("/entwuerfe/{id:guid}/bearbeiten")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken ct)
    {
        var actor = await current.RequireAsync(ct);
        var found = await read.GetAsync(actor, id, ct);
        if (RefuseEditing(actor, found) is { } refused)
            return refused;
        return View(new DraftFormPage(DraftForm.From(found.Value!), id, [], null));
    }

    /// <summary>
    /// 404 for a draft the actor does not see, 403 for one they see but may not change: the edit form and everything it
    /// answers without saving (a preview, a form with errors) answer alike, so no id is rendered for someone outside.
    /// </summary>
    private static IActionResult? RefuseEditing(Hub.Core.Tenancy.Actor actor, Result<DraftDetails> found) =>
        !found.IsSuccess ? PageErrors.StatusFor(found.Error)
        : DraftAccess.For(actor, found.Value.Snapshot).IsOwnerEditor ? null
        : PageErrors.StatusFor(Forbidden.Instance);

    [HttpPost("/entwuerfe/{id:guid}/bearbeiten")]
    public async Task<IActionResult> Save(Guid id, DraftForm form, string? preview, CancellationToken ct)
    {
        if (ModelState.IsValid && preview is null)
        {
            var result = await change.SaveAsync(await current.RequireAsync(ct), id, form.ToContent(), form.BaseRevision, ct);
            // Saving a draft that was under review, approved or released starts a new revision that must be submitted again.
            if (result.IsSuccess)
                return Redirect($"/entwuerfe/{id}?meldung={(result.Value.Decision.From == DraftStatus.Draft ? "gespeichert" : "ueberarbeitet")}");
            if (result.Error is Hub.Core.Common.NotFound or Forbidden)
                return PageErrors.StatusFor(result.Error);
            // A stale save keeps the user's text on the form: nothing is lost, nothing is overwritten.
            ModelState.AddHubError(result.Error, problems, "Form.");
            Response.StatusCode = result.Error is Hub.Core.Common.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        }

        else
        {
            var actor = await current.RequireAsync(ct);
            if (RefuseEditing(actor, await read.GetAsync(actor, id, ct)) is { } refused)
                return refused;
        }

        return View("Edit", new DraftFormPage(form, id, [], preview is null ? null : markdown.ToSafeHtml(form.Body)));
    }

    [HttpPost("/entwuerfe/{id:guid}/einreichen")]
    public async Task<IActionResult> Submit(Guid id, int? revision, CancellationToken ct) =>
        await AfterAsync(id, await change.SubmitAsync(await current.RequireAsync(ct), id, revision, ct), "eingereicht", ct);

    [HttpPost("/entwuerfe/{id:guid}/zurueckholen")]
    public async Task<IActionResult> Recall(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await change.RecallAsync(await current.RequireAsync(ct), id, ct), "zurueckgeholt", ct);

    [HttpPost("/entwuerfe/{id:guid}/pruefen")]
    public async Task<IActionResult> Review(Guid id, Guid? organizationId, string? verdict, string? body, CancellationToken ct) =>
        await AfterAsync(id, await change.ReviewAsync(await current.RequireAsync(ct), id, organizationId, verdict, body, ct), "geprueft", ct);

    [HttpPost("/entwuerfe/{id:guid}/freigeben")]
    public async Task<IActionResult> Release(Guid id, string? notes, bool breaking, CancellationToken ct) =>
        await AfterAsync(id, await change.ReleaseAsync(await current.RequireAsync(ct), id, notes, breaking, ct), "freigegeben", ct);

    [HttpPost("/entwuerfe/{id:guid}/zurueckziehen")]
    public async Task<IActionResult> Withdraw(Guid id, string? reason, CancellationToken ct) =>
        await AfterAsync(id, await change.WithdrawAsync(await current.RequireAsync(ct), id, reason, ct), "zurueckgezogen", ct);

    [HttpPost("/entwuerfe/{id:guid}/kommentare")]
    public async Task<IActionResult> Comment(Guid id, string? body, int? revision, string? anchor, Guid? parentId, CancellationToken ct) =>
        await AfterAsync(id, await discussion.AddAsync(await current.RequireAsync(ct), id, body, revision, anchor, parentId, ct), "kommentiert", ct);

    [HttpPost("/kommentare/{commentId:guid}/erledigen")]
    public async Task<IActionResult> Resolve(Guid commentId, CancellationToken ct)
    {
        var result = await discussion.ResolveAsync(await current.RequireAsync(ct), commentId, ct);
        var draftId = result.Value?.DraftId ?? (await comments.GetAsync(commentId, ct))?.DraftId;
        return draftId is { } d ? await AfterAsync(d, result, "erledigt", ct) : PageErrors.StatusFor(result.Error!);
    }

    /// <summary>After a POST from the draft page: back to it, or the page again with the error (404/403 as their own pages).</summary>
    private Task<IActionResult> AfterAsync<T>(Guid id, Result<T> result, string message, CancellationToken ct) =>
        this.AfterPostAsync(result, $"/entwuerfe/{id}?meldung={message}", problems, () => RenderAsync(id, null, ct));

    private async Task<IActionResult> RenderAsync(Guid id, string? message, CancellationToken ct)
    {
        var actor = await current.RequireAsync(ct);
        var found = await pages.GetAsync(actor, id, ct);
        if (!found.IsSuccess)
            return PageErrors.StatusFor(found.Error);
        var page = found.Value;
        var draft = page.Draft;
        var access = DraftAccess.For(actor, draft.Snapshot);
        var reviewingAs = access.ReviewingOrganizationIds.Cast<Guid?>().FirstOrDefault();
        var allowed = Enum.GetValues<DraftAction>()
            .Where(a => DraftLifecycle.Decide(draft.Snapshot, new DraftCommand(a, ActingOrganizationId: reviewingAs), actor).IsSuccess)
            .ToHashSet();
        var reviewingFor = actor.Memberships.Where(m => access.ReviewingOrganizationIds.Contains(m.OrganizationId))
            .Select(m => (m.OrganizationId, m.OrganizationName)).ToList();
        var threads = CommentThread.Build(page.Comments);
        var discussion = new DraftDiscussion(threads, page.Headings, access.CanCommentIn(draft.Summary.Status),
            threads.Where(t => !t.IsResolved && access.CanResolve(t.Root.AuthorUserId, actor)).Select(t => t.Root.Id).ToHashSet());
        return View("Show", new DraftPage(draft, page.Reviews, page.Revisions, allowed, reviewingFor, message, discussion, page.Timeline, page.Releases));
    }

    private async Task<IReadOnlyList<(Guid, string, Guid, string)>> ChoicesAsync(CancellationToken ct)
    {
        var actor = await current.RequireAsync(ct);
        var editing = Roles.Editing.Of(actor).ToDictionary(m => m.OrganizationId, m => m.OrganizationName);
        var memberships = await cooperations.ListMembershipsAsync(editing.Keys, ct);
        return memberships.Select(m => (m.OrganizationId, editing[m.OrganizationId], m.CooperationId, m.CooperationName)).ToList();
    }
}
