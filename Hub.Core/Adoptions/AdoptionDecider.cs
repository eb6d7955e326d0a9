using Hub.Core.Audit;
using Hub.Core.Common;
using Hub.Core.Releases;
using Hub.Core.Tenancy;

namespace Hub.Core.Adoptions;

public sealed record AdoptCommand(Guid? ReleaseId, Guid? OrganizationId);

/// <param name="Status">The new rollout status code; null keeps it.</param>
/// <param name="Notes">The new notes; null keeps them.</param>
public sealed record ChangeAdoptionCommand(string? Status, string? Notes, DateOnly? PlannedFor, DateOnly? LiveSince, int? BaseRowVersion);

public sealed record UpgradeCommand(Guid? ReleaseId, int? BaseRowVersion);

/// <summary>An adoption (locked by the store when it writes) and the partner organizations of its organization, who may see it.</summary>
public sealed record AdoptionState(Adoption Adoption, IReadOnlyCollection<Guid> PartnerIds);

/// <summary>What adopting writes: the adoption and its audit event.</summary>
public sealed record AdoptionInsert(NewAdoption Adoption, AuditEvent Audit);

/// <summary>What a change or an upgrade writes: the adoption's new values and the audit event.</summary>
public sealed record AdoptionUpdate(Guid Id, AdoptionChange Change, AuditEvent Audit);

/// <summary>
/// Nachnutzung as pure functions: an editor adopts an active release for their organization (not the owner), moves the
/// rollout along (planned → in_progress → live, back one step, dropped from anywhere, from dropped only a new plan),
/// keeps notes and upgrades to a newer active release of the same service. Checks in order: visible (404) → editor of
/// the adopting organization (403) → input valid (400) → legal in this state (409) → based on the current row (409).
/// </summary>
public static class AdoptionDecider
{
    public const int NotesMax = 20_000;

    private static readonly Dictionary<AdoptionStatus, AdoptionStatus[]> _next = new()
    {
        [AdoptionStatus.Planned] = [AdoptionStatus.InProgress, AdoptionStatus.Live, AdoptionStatus.Dropped],
        [AdoptionStatus.InProgress] = [AdoptionStatus.Planned, AdoptionStatus.Live, AdoptionStatus.Dropped],
        [AdoptionStatus.Live] = [AdoptionStatus.InProgress, AdoptionStatus.Dropped],
        [AdoptionStatus.Dropped] = [AdoptionStatus.Planned],
    };

    public static bool MayMove(AdoptionStatus from, AdoptionStatus to) => from == to || _next[from].Contains(to);

    /// <summary>Only the adopting organization's editors write its adoptions.</summary>
    public static bool MayEdit(Actor actor, Guid organizationId) => OrganizationVisibility.CanEdit(actor, organizationId);

    public static bool CanSee(Actor actor, AdoptionState state) =>
        OrganizationVisibility.CanSee(actor, state.Adoption.OrganizationId, state.Adoption.OrganizationLandCode, state.PartnerIds);

    /// <summary>The answer when the organization adopted the service already (the unique index says so when two adopt at once).</summary>
    public static Conflict AlreadyAdopted { get; } = new("already_adopted", new ErrorMessage("Ihre Organisation nutzt diesen Dienst bereits nach."));

    /// <param name="release">The release named by the command; null when none is named or found.</param>
    public static Result<AdoptionInsert> Adopt(ReleaseInfo? release, AdoptCommand command, Actor actor, IClock clock)
    {
        var v = new FieldValidator();
        if (command.ReleaseId is null)
            v.Add("releaseId", FieldValidator.RequiredMessage);
        if (command.OrganizationId is not { } organizationId)
            return v.Add("organizationId", FieldValidator.RequiredMessage).ToError();
        if (v.HasErrors)
            return v.ToError();
        if (release is null)
            return NotFound.Instance;
        if (!MayEdit(actor, organizationId))
            return new Forbidden("not_an_editor", new ErrorMessage("Nachnutzen können Bearbeiterinnen und Bearbeiter der eigenen Organisation."));
        if (release.OwnerOrganizationId == organizationId)
            return ValidationFailed.For("organizationId", new ErrorMessage("Ihre Organisation ist für diesen Dienst federführend."));
        if (release.Status != ReleaseStatus.Active)
            return ReleaseDecider.IllegalTransition(release.Status);

        var adoption = new NewAdoption(Ids.New(), organizationId, release.DraftId, release.Id, actor.UserId, clock.UtcNow);
        var audit = AuditEvent.Create(adoption.At, actor, organizationId, "adoption", adoption.Id, "adopted",
            after: new { status = AdoptionStatus.Planned.ToCode(), releaseId = release.Id, version = release.Version.ToString(), release.Title });
        return new AdoptionInsert(adoption, audit);
    }

    /// <param name="markdown">Checks new notes before they are accepted and renders them once they are.</param>
    public static Result<AdoptionUpdate> Change(AdoptionState? state, ChangeAdoptionCommand command, Actor actor, IMarkdown markdown, IClock clock)
    {
        if (Editable(state, actor) is { } refused)
            return refused;
        var current = state!.Adoption;
        var v = new FieldValidator().MaxLength("notes", command.Notes, NotesMax).Markdown("notes", command.Notes, markdown);
        var next = current.Status;
        if (command.Status is not null && !AdoptionCodes.TryParse(command.Status, out next))
            v.Add("status", "Erlaubt sind planned, in_progress, live und dropped.");
        if (v.HasErrors)
            return v.ToError();
        if (!MayMove(current.Status, next))
            return IllegalTransition(current.Status);
        if (Stale(current, command.BaseRowVersion) is { } stale)
            return stale;

        var now = clock.UtcNow;
        var live = next == AdoptionStatus.Live
            ? command.LiveSince ?? current.LiveSince ?? DateOnly.FromDateTime(now.UtcDateTime)
            : command.LiveSince ?? current.LiveSince;
        var change = command.Notes is null
            ? new AdoptionChange(next, command.PlannedFor ?? current.PlannedFor, live, current.Notes, current.NotesHtml, current.ReleaseId, now)
            : new AdoptionChange(next, command.PlannedFor ?? current.PlannedFor, live, command.Notes.Trim(), markdown.ToSafeHtml(command.Notes.Trim()), current.ReleaseId, now);
        var audit = AuditEvent.Create(now, actor, current.OrganizationId, "adoption", current.Id, "adoption_changed",
            before: new { status = current.Status.ToCode(), current.RowVersion },
            after: new { status = next.ToCode(), liveSince = live, notesChanged = command.Notes is not null });
        return new AdoptionUpdate(current.Id, change, audit);
    }

    /// <param name="target">The release the command names; null when none is named or found.</param>
    public static Result<AdoptionUpdate> Upgrade(AdoptionState? state, ReleaseInfo? target, UpgradeCommand command, Actor actor, IClock clock)
    {
        if (Editable(state, actor) is { } refused)
            return refused;
        var current = state!.Adoption;
        if (target is null || target.Id != command.ReleaseId || target.DraftId != current.DraftId || target.Version <= current.Version)
            return ValidationFailed.For("releaseId", new ErrorMessage("Bitte wählen Sie eine neuere Freigabe desselben Dienstes."));
        if (target.Status != ReleaseStatus.Active)
            return ReleaseDecider.IllegalTransition(target.Status);
        if (Stale(current, command.BaseRowVersion) is { } stale)
            return stale;

        var now = clock.UtcNow;
        var change = new AdoptionChange(current.Status, current.PlannedFor, current.LiveSince, current.Notes, current.NotesHtml, target.Id, now);
        var audit = AuditEvent.Create(now, actor, current.OrganizationId, "adoption", current.Id, "upgraded",
            before: new { version = current.Version.ToString(), releaseId = current.ReleaseId },
            after: new { version = target.Version.ToString(), releaseId = target.Id });
        return new AdoptionUpdate(current.Id, change, audit);
    }

    public static Conflict IllegalTransition(AdoptionStatus current) => Conflict.IllegalTransition(current.Label(), current.ToCode());

    public static Conflict Stale(int current) =>
        new("stale_adoption", new ErrorMessage("Die Nachnutzung wurde inzwischen geändert. Nichts wurde überschrieben; bitte laden Sie neu."))
        {
            Details = new Dictionary<string, object> { ["currentRowVersion"] = current },
        };

    private static HubError? Editable(AdoptionState? state, Actor actor)
    {
        if (state is null || !CanSee(actor, state))
            return NotFound.Instance;
        return MayEdit(actor, state.Adoption.OrganizationId)
            ? null
            : new Forbidden("not_an_editor", new ErrorMessage("Nachnutzungen ändern Bearbeiterinnen und Bearbeiter der nachnutzenden Organisation."));
    }

    private static Conflict? Stale(Adoption current, int? baseRowVersion) =>
        (baseRowVersion ?? current.RowVersion) != current.RowVersion ? Stale(current.RowVersion) : null;
}
