using Hub.Core.Audit;
using Hub.Core.Common;
using Hub.Core.Releases;
using Hub.Core.Tenancy;

namespace Hub.Core.Adoptions;

/// <summary>
/// Nachnutzung: an editor adopts an active release for their organization, moves the rollout along
/// (planned → in_progress → live, or dropped), keeps a local overlay and upgrades to newer releases.
/// Adoptions are seen by the organization, its cooperation partners and the observers of its Land.
/// </summary>
public sealed class ManageAdoptions(
    IAdoptionStore adoptions, IReleaseStore releases, IOrganizationStore organizations, ICooperationStore cooperations, IMarkdown markdown, IClock clock)
{
    public const int NotesMax = AdoptionDecider.NotesMax;

    public static bool MayMove(AdoptionStatus from, AdoptionStatus to) => AdoptionDecider.MayMove(from, to);

    public static bool MayEdit(Actor actor, Guid organizationId) => AdoptionDecider.MayEdit(actor, organizationId);

    public async Task<Result<Adoption>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var adoption = await adoptions.GetAsync(id, ct);
        return adoption is not null && await CanSeeAsync(actor, adoption, ct) ? adoption : NotFound.Instance;
    }

    public async Task<Result<IReadOnlyList<Adoption>>> ListAsync(Actor actor, Guid organizationId, CancellationToken ct)
    {
        // Decided by the organization, not by whether rows come back: the database hides them from strangers too.
        if (await OrganizationVisibility.VisibleAsync(actor, organizationId, organizations, cooperations, ct) is null)
            return NotFound.Instance;
        return Result<IReadOnlyList<Adoption>>.Ok(await adoptions.ListForOrganizationsAsync([organizationId], ct));
    }

    /// <summary>The actor's organizations that may adopt this release now: active release, editor there, not the owner, not adopted yet.</summary>
    public static IReadOnlyList<(Guid Id, string Name)> MayAdoptFor(Actor actor, ReleaseInfo release, IEnumerable<Adoption> existing)
    {
        if (release.Status != ReleaseStatus.Active)
            return [];
        var adopted = existing.Select(a => a.OrganizationId).ToHashSet();
        return actor.Memberships
            .Where(m => MayEdit(actor, m.OrganizationId) && m.OrganizationId != release.OwnerOrganizationId && !adopted.Contains(m.OrganizationId))
            .Select(m => (m.OrganizationId, m.OrganizationName))
            .ToList();
    }

    /// <summary>The adoptions of every organization the actor belongs to (its own, so always visible), in one query.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name, IReadOnlyList<Adoption> Adoptions)>> ListMineAsync(Actor actor, CancellationToken ct)
    {
        var all = (await adoptions.ListForOrganizationsAsync(actor.Memberships.Select(m => m.OrganizationId).ToList(), ct)).ToLookup(a => a.OrganizationId);
        return actor.Memberships.Select(m => (m.OrganizationId, m.OrganizationName, (IReadOnlyList<Adoption>)all[m.OrganizationId].ToList())).ToList();
    }

    public async Task<Result<Adoption>> AdoptAsync(Actor actor, Guid? releaseId, Guid? organizationId, CancellationToken ct)
    {
        var v = new FieldValidator();
        if (releaseId is null)
            v.Add("releaseId", FieldValidator.RequiredMessage);
        if (organizationId is null)
            v.Add("organizationId", FieldValidator.RequiredMessage);
        if (v.HasErrors)
            return v.ToError();
        var release = await releases.GetAsync(releaseId!.Value, ct);
        if (release is null)
            return NotFound.Instance;
        if (!MayEdit(actor, organizationId!.Value))
            return new Forbidden("not_an_editor", new ErrorMessage("Nachnutzen können Bearbeiterinnen und Bearbeiter der eigenen Organisation."));
        if (release.OwnerOrganizationId == organizationId)
            return ValidationFailed.For("organizationId", new ErrorMessage("Ihre Organisation ist für diesen Dienst federführend."));
        if (release.Status != ReleaseStatus.Active)
            return ChangeRelease.IllegalTransition(release.Status);

        var adoption = new NewAdoption(Ids.New(), organizationId.Value, release.DraftId, release.Id, actor.UserId, clock.UtcNow);
        var audit = AuditEvent.Create(adoption.At, actor, organizationId, "adoption", adoption.Id, "adopted",
            after: new { status = AdoptionStatus.Planned.ToCode(), releaseId = release.Id, version = release.Version.ToString(), release.Title });
        if (!await adoptions.InsertAsync(adoption, audit, ct))
            return new Conflict("already_adopted", new ErrorMessage("Ihre Organisation nutzt diesen Dienst bereits nach."));
        return (await adoptions.GetAsync(adoption.Id, ct))!;
    }

    public async Task<Result<Adoption>> ChangeAsync(
        Actor actor, Guid id, string? status, string? notes, DateOnly? plannedFor, DateOnly? liveSince, int? baseRowVersion, CancellationToken ct)
    {
        var found = await EditableAsync(actor, id, ct);
        if (!found.IsSuccess)
            return found;
        var current = found.Value!;
        var v = new FieldValidator().MaxLength("notes", notes, NotesMax);
        var next = current.Status;
        if (status is not null && !AdoptionCodes.TryParse(status, out next))
            v.Add("status", "Erlaubt sind planned, in_progress, live und dropped.");
        if (v.HasErrors)
            return v.ToError();
        if (!MayMove(current.Status, next))
            return IllegalTransition(current.Status);
        if ((baseRowVersion ?? current.RowVersion) != current.RowVersion)
            return Stale(current.RowVersion);

        var now = clock.UtcNow;
        var live = next == AdoptionStatus.Live ? liveSince ?? current.LiveSince ?? DateOnly.FromDateTime(now.UtcDateTime) : liveSince ?? current.LiveSince;
        var text = notes is null ? current.Notes : notes.Trim();
        var change = new AdoptionChange(next, plannedFor ?? current.PlannedFor, live, text, notes is null ? current.NotesHtml : markdown.ToSafeHtml(text),
            current.ReleaseId, now);
        var audit = AuditEvent.Create(now, actor, current.OrganizationId, "adoption", id, "adoption_changed",
            before: new { status = current.Status.ToCode(), current.RowVersion }, after: new { status = next.ToCode(), liveSince = live, notesChanged = notes is not null });
        return await SaveAsync(id, current.RowVersion, change, audit, ct);
    }

    public async Task<Result<Adoption>> UpgradeAsync(Actor actor, Guid id, Guid? releaseId, int? baseRowVersion, CancellationToken ct)
    {
        var found = await EditableAsync(actor, id, ct);
        if (!found.IsSuccess)
            return found;
        var current = found.Value!;
        var target = releaseId is { } r ? await releases.GetAsync(r, ct) : null;
        if (target is null || target.DraftId != current.DraftId || target.Version <= current.Version)
            return ValidationFailed.For("releaseId", new ErrorMessage("Bitte wählen Sie eine neuere Freigabe desselben Dienstes."));
        if (target.Status != ReleaseStatus.Active)
            return ChangeRelease.IllegalTransition(target.Status);
        if ((baseRowVersion ?? current.RowVersion) != current.RowVersion)
            return Stale(current.RowVersion);

        var now = clock.UtcNow;
        var change = new AdoptionChange(current.Status, current.PlannedFor, current.LiveSince, current.Notes, current.NotesHtml, target.Id, now);
        var audit = AuditEvent.Create(now, actor, current.OrganizationId, "adoption", id, "upgraded",
            before: new { version = current.Version.ToString(), releaseId = current.ReleaseId }, after: new { version = target.Version.ToString(), releaseId = target.Id });
        return await SaveAsync(id, current.RowVersion, change, audit, ct);
    }

    private async Task<Result<Adoption>> EditableAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var found = await GetAsync(actor, id, ct);
        if (!found.IsSuccess)
            return found;
        return MayEdit(actor, found.Value!.OrganizationId)
            ? found
            : new Forbidden("not_an_editor", new ErrorMessage("Nachnutzungen ändern Bearbeiterinnen und Bearbeiter der nachnutzenden Organisation."));
    }

    private async Task<Result<Adoption>> SaveAsync(Guid id, int rowVersion, AdoptionChange change, AuditEvent audit, CancellationToken ct)
    {
        if (!await adoptions.UpdateAsync(id, rowVersion, change, audit, ct))
            return Stale((await adoptions.GetAsync(id, ct))!.RowVersion);
        return (await adoptions.GetAsync(id, ct))!;
    }

    private async Task<bool> CanSeeAsync(Actor actor, Adoption adoption, CancellationToken ct) =>
        OrganizationVisibility.CanSee(actor, adoption.OrganizationId, adoption.OrganizationLandCode, await cooperations.PartnersOfAsync(adoption.OrganizationId, ct));

    public static Conflict IllegalTransition(AdoptionStatus current) => AdoptionDecider.IllegalTransition(current);

    private static Conflict Stale(int current) => AdoptionDecider.Stale(current);
}
