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

    public async Task<Result<Adoption>> GetAsync(Actor actor, Guid id, CancellationToken ct) =>
        await adoptions.ReadStateAsync(id, ct) is { } state && AdoptionDecider.CanSee(actor, state) ? state.Adoption : NotFound.Instance;

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
        // Adopting changes no existing row, so nothing is locked; the unique index (organization, service) answers when two adopt at once.
        var release = releaseId is { } r && organizationId is not null ? await releases.GetAsync(r, ct) : null;
        var decided = AdoptionDecider.Adopt(release, new AdoptCommand(releaseId, organizationId), actor, clock);
        if (!decided.IsSuccess)
            return decided.Error;
        if (!await adoptions.InsertAsync(decided.Value, ct))
            return AdoptionDecider.AlreadyAdopted;
        return (await adoptions.GetAsync(decided.Value.Adoption.Id, ct))!;
    }

    public Task<Result<Adoption>> ChangeAsync(
        Actor actor, Guid id, string? status, string? notes, DateOnly? plannedFor, DateOnly? liveSince, int? baseRowVersion, CancellationToken ct)
    {
        var command = new ChangeAdoptionCommand(status, notes, plannedFor, liveSince, baseRowVersion);
        return DecideAsync(id, state => AdoptionDecider.Change(state, command, actor, markdown, clock), ct);
    }

    public async Task<Result<Adoption>> UpgradeAsync(Actor actor, Guid id, Guid? releaseId, int? baseRowVersion, CancellationToken ct)
    {
        var target = releaseId is { } r ? await releases.GetAsync(r, ct) : null;
        return await DecideAsync(id, state => AdoptionDecider.Upgrade(state, target, new UpgradeCommand(releaseId, baseRowVersion), actor, clock), ct);
    }

    private async Task<Result<Adoption>> DecideAsync(Guid id, Func<AdoptionState?, Result<AdoptionUpdate>> decide, CancellationToken ct)
    {
        var changed = await StateChange.DecideAsync(c => adoptions.ReadStateAsync(id, c), c => adoptions.LockAsync(id, c), decide, ct);
        return changed.IsSuccess ? (await adoptions.GetAsync(id, ct))! : changed.Error;
    }
}
