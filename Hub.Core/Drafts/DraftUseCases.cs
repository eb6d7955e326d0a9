using Hub.Core.Audit;
using Hub.Core.Catalog;
using Hub.Core.Common;
using Hub.Core.Tenancy;

namespace Hub.Core.Drafts;

/// <summary>Starts a draft: an editor of the owner organization, in a cooperation the owner belongs to.</summary>
public sealed class CreateDraft(IDraftStore drafts, ICooperationStore cooperations, ICatalogStore catalog, IMarkdown markdown, IClock clock)
{
    public async Task<Result<DraftDetails>> ExecuteAsync(Actor actor, Guid? organizationId, Guid? cooperationId, DraftContent content, CancellationToken ct)
    {
        var v = content.Validate().Markdown("body", content.Body, markdown);
        if (organizationId is null)
            v.Add("organizationId", FieldValidator.RequiredMessage);
        if (cooperationId is null)
            v.Add("cooperationId", FieldValidator.RequiredMessage);
        await catalog.CheckAsync(v, content.CatalogServiceIds, ct);
        if (v.HasErrors)
            return v.ToError();
        if (!Roles.Editing.HeldBy(actor, organizationId!.Value))
            return new Forbidden("not_an_editor", new ErrorMessage("Entwürfe legen Bearbeiterinnen und Bearbeiter der eigenen Organisation an."));
        var cooperation = await cooperations.GetAsync(cooperationId!.Value, ct);
        if (cooperation is null || cooperation.Members.All(m => m.OrganizationId != organizationId))
            return ValidationFailed.For("cooperationId", new ErrorMessage("Ihre Organisation ist nicht Mitglied dieses Verbunds."));

        var normalized = content.Normalized();
        var draft = new NewDraft(Ids.New(), organizationId.Value, cooperationId.Value, normalized, markdown.ToSafeHtml(normalized.Body), actor.UserId, clock.UtcNow);
        var audit = AuditEvent.Create(draft.At, actor, draft.OwnerOrganizationId, "draft", draft.Id, "created",
            after: new { status = DraftStatus.Draft.ToCode(), revision = 1, normalized.Title, draft.CooperationId });
        if (!await drafts.CreateAsync(draft, audit, ct))
            return ValidationFailed.For("cooperationId", new ErrorMessage("Ihre Organisation ist nicht Mitglied dieses Verbunds."));
        return (await drafts.GetAsync(draft.Id, ct))!;
    }
}

/// <summary>Reads a draft and what belongs to it, for those who may see it (everyone else: not found).</summary>
public sealed class ReadDraft(IDraftStore drafts)
{
    public async Task<Result<DraftDetails>> GetAsync(Actor actor, Guid id, CancellationToken ct) => Visible(actor, await drafts.GetAsync(id, ct));

    /// <summary>The draft as read, if the actor may see it (else not found); also for a draft read earlier and kept.</summary>
    public static Result<DraftDetails> Visible(Actor actor, DraftDetails? details) =>
        details is not null && DraftAccess.For(actor, details.Snapshot).CanSee ? details : NotFound.Instance;

    public async Task<Result<IReadOnlyList<DraftRevision>>> RevisionsAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var draft = await GetAsync(actor, id, ct);
        return draft.IsSuccess ? Result<IReadOnlyList<DraftRevision>>.Ok(await drafts.ListRevisionsAsync(id, ct)) : draft.Error;
    }

    public async Task<Result<DraftRevision>> RevisionAsync(Actor actor, Guid id, int revision, CancellationToken ct)
    {
        var draft = await GetAsync(actor, id, ct);
        return draft.IsSuccess ? await RevisionAsync(draft.Value, revision, ct) : draft.Error;
    }

    /// <summary>A revision of a draft the caller has read (<see cref="GetAsync"/>); not found when there is no such revision.</summary>
    public async Task<Result<DraftRevision>> RevisionAsync(DraftDetails draft, int revision, CancellationToken ct) =>
        revision >= 1 && await RevisionOfAsync(drafts, draft, revision, ct) is { } found ? found : NotFound.Instance;

    /// <summary>Two revisions to compare; both must exist (field errors), the draft must be visible (else not found).</summary>
    public async Task<Result<(DraftRevision From, DraftRevision To)>> RevisionPairAsync(Actor actor, Guid id, int? from, int? to, CancellationToken ct)
    {
        var draft = await GetAsync(actor, id, ct);
        return draft.IsSuccess ? await RevisionPairAsync(draft.Value, from, to, ct) : draft.Error;
    }

    /// <summary>Two revisions of a draft the caller has read (<see cref="GetAsync"/>) to compare; both must exist (field errors).</summary>
    public async Task<Result<(DraftRevision From, DraftRevision To)>> RevisionPairAsync(DraftDetails draft, int? from, int? to, CancellationToken ct)
    {
        var current = draft.Summary.CurrentRevision;
        var v = new FieldValidator();
        if (from is null || from < 1 || from > current)
            v.Add("from", "Erlaubt ist eine Fassung von {0} bis {1}.", 1, current);
        if (to is null || to < 1 || to > current)
            v.Add("to", "Erlaubt ist eine Fassung von {0} bis {1}.", 1, current);
        if (v.HasErrors)
            return v.ToError();
        return ((await RevisionOfAsync(drafts, draft, from!.Value, ct))!, (await RevisionOfAsync(drafts, draft, to!.Value, ct))!);
    }

    /// <summary>A revision of a draft that has been read: the current one is its content (no second read), another one is read.</summary>
    public static async Task<DraftRevision?> RevisionOfAsync(IDraftStore drafts, DraftDetails draft, int revision, CancellationToken ct) =>
        revision == draft.Summary.CurrentRevision ? draft.Content : await drafts.GetRevisionAsync(draft.Summary.Id, revision, ct);

    public async Task<Result<IReadOnlyList<ReviewEntry>>> ReviewsAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var draft = await GetAsync(actor, id, ct);
        return draft.IsSuccess ? Result<IReadOnlyList<ReviewEntry>>.Ok(await drafts.ListReviewsAsync(id, ct)) : draft.Error;
    }
}

/// <summary>
/// Every change of a draft after its creation: checked input, then decided by <see cref="DraftChanges"/> on the state the
/// store locked, and written by the store as decided.
/// </summary>
public sealed class ChangeDraft(IDraftStore drafts, ICatalogStore catalog, IMarkdown markdown, IClock clock)
{
    public const int TextMax = 50_000;

    public async Task<Result<TransitionOutcome>> SaveAsync(Actor actor, Guid id, DraftContent content, int? baseRevision, CancellationToken ct)
    {
        var v = content.Validate().Markdown("body", content.Body, markdown);
        if (baseRevision is null)
            v.Add("baseRevision", "Bitte geben Sie die Fassung an, auf der Ihre Änderung beruht.");
        await catalog.CheckAsync(v, content.CatalogServiceIds, ct);
        if (v.HasErrors)
            return v.ToError();
        var normalized = content.Normalized();
        return await TransitionAsync(actor, id, new DraftCommand(DraftAction.Edit, baseRevision),
            new TransitionPayload(normalized, markdown.ToSafeHtml(normalized.Body)), ct);
    }

    public Task<Result<TransitionOutcome>> SubmitAsync(Actor actor, Guid id, int? revision, CancellationToken ct) =>
        TransitionAsync(actor, id, new DraftCommand(DraftAction.Submit, revision), new TransitionPayload(), ct);

    public Task<Result<TransitionOutcome>> RecallAsync(Actor actor, Guid id, CancellationToken ct) =>
        TransitionAsync(actor, id, new DraftCommand(DraftAction.Recall), new TransitionPayload(), ct);

    public Task<Result<TransitionOutcome>> ReviewAsync(Actor actor, Guid id, Guid? organizationId, string? verdict, string? body, CancellationToken ct)
    {
        var v = new FieldValidator().MaxLength("body", body, TextMax).Markdown("body", body, markdown);
        if (!DraftCodes.TryParseVerdict(verdict, out var parsed))
            v.Add("verdict", "Erlaubt sind approve, request_changes und comment.");
        else if (parsed != ReviewVerdict.Approve && string.IsNullOrWhiteSpace(body))
            v.Add("body", "Bitte begründen Sie Ihre Prüfung.");
        if (v.HasErrors)
            return Task.FromResult(Result<TransitionOutcome>.Fail(v.ToError()));
        var action = parsed switch
        {
            ReviewVerdict.Approve => DraftAction.Approve,
            ReviewVerdict.RequestChanges => DraftAction.RequestChanges,
            _ => DraftAction.Comment,
        };
        return TransitionAsync(actor, id, new DraftCommand(action, ActingOrganizationId: organizationId),
            new TransitionPayload(Text: body?.Trim() ?? "", TextHtml: markdown.ToSafeHtml(body)), ct);
    }

    public Task<Result<TransitionOutcome>> ReleaseAsync(Actor actor, Guid id, string? notes, bool breaking, CancellationToken ct)
    {
        var v = new FieldValidator().MaxLength("notes", notes, TextMax).Markdown("notes", notes, markdown);
        if (v.HasErrors)
            return Task.FromResult(Result<TransitionOutcome>.Fail(v.ToError()));
        return TransitionAsync(actor, id, new DraftCommand(DraftAction.Release, Breaking: breaking),
            new TransitionPayload(Text: notes?.Trim() ?? "", TextHtml: markdown.ToSafeHtml(notes)), ct);
    }

    public Task<Result<TransitionOutcome>> WithdrawAsync(Actor actor, Guid id, string? reason, CancellationToken ct)
    {
        var v = new FieldValidator().Required("reason", reason, 2000);
        if (v.HasErrors)
            return Task.FromResult(Result<TransitionOutcome>.Fail(v.ToError()));
        return TransitionAsync(actor, id, new DraftCommand(DraftAction.Withdraw), new TransitionPayload(Text: reason!.Trim()), ct);
    }

    private async Task<Result<TransitionOutcome>> TransitionAsync(Actor actor, Guid id, DraftCommand command, TransitionPayload payload, CancellationToken ct)
    {
        var changed = await StateChange.DecideLockedAsync(c => drafts.LockAsync(id, c), state => DraftChanges.Decide(state, command, payload, actor, clock), ct);
        return changed.IsSuccess ? changed.Value.Outcome : changed.Error;
    }
}
