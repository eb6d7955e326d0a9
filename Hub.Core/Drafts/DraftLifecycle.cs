using Hub.Core.Common;
using Hub.Core.Tenancy;

namespace Hub.Core.Drafts;

public sealed record DraftCommand(DraftAction Action, int? BaseRevision = null, Guid? ActingOrganizationId = null, bool Breaking = false);

/// <summary>What a legal command does: the new status, whether a review round opens or closes, the release version.</summary>
public sealed record DraftDecision(
    DraftStatus From,
    DraftStatus To,
    bool OpensRound,
    bool ClosesRound,
    Guid? ActingOrganizationId,
    ReleaseVersion? Version);

/// <summary>
/// The EfA lifecycle in one place: a pure function of the draft's snapshot, the command and the actor.
/// Checks run in a fixed order: visible (else 404) → allowed for this actor (403) → legal in this state
/// (409 illegal_transition, naming the state) → based on the current revision (409 stale_revision).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "The ?? chain of checks needs their common base type.")]
public static class DraftLifecycle
{
    private static readonly DraftStatus[] _editable = [DraftStatus.Draft, DraftStatus.ChangesRequested, DraftStatus.Approved, DraftStatus.Released];
    private static readonly DraftStatus[] _submittable = [DraftStatus.Draft, DraftStatus.ChangesRequested];
    private static readonly DraftStatus[] _withdrawable = [DraftStatus.Draft, DraftStatus.InReview, DraftStatus.ChangesRequested, DraftStatus.Approved];

    public static Result<DraftDecision> Decide(DraftSnapshot draft, DraftCommand command, Actor actor)
    {
        var access = DraftAccess.For(actor, draft);
        if (!access.CanSee)
            return NotFound.Instance;

        return command.Action switch
        {
            DraftAction.Edit => OwnerOnly(access) ?? InState(draft, _editable) ?? Fresh(draft, command)
                ?? Ok(draft, DraftStatus.Draft, closesRound: draft.Status == DraftStatus.Approved),
            DraftAction.Submit => OwnerOnly(access) ?? InState(draft, _submittable) ?? Fresh(draft, command)
                ?? Ok(draft, DraftStatus.InReview, opensRound: true),
            DraftAction.Recall => OwnerOnly(access) ?? InState(draft, [DraftStatus.InReview])
                ?? Ok(draft, DraftStatus.Draft, closesRound: true),
            DraftAction.Approve or DraftAction.RequestChanges or DraftAction.Comment => Review(draft, command, access, actor.UserId),
            DraftAction.Release => (access.IsOwnerEditor || access.IsCoordinator ? null : Forbidden.Instance)
                ?? InState(draft, [DraftStatus.Approved])
                ?? Ok(draft, DraftStatus.Released, version: ReleaseVersion.After(draft.LatestRelease, command.Breaking)),
            DraftAction.Withdraw => OwnerOnly(access) ?? InState(draft, _withdrawable)
                ?? Ok(draft, DraftStatus.Withdrawn, closesRound: draft.Status == DraftStatus.InReview),
            _ => Forbidden.Instance,
        };
    }

    private static Result<DraftDecision> Review(DraftSnapshot draft, DraftCommand command, DraftAccess access, Guid userId)
    {
        if (access.ReviewingOrganizationIds.Count == 0)
            return Forbidden.Instance;
        Guid organization;
        if (command.ActingOrganizationId is { } chosen)
        {
            if (!access.ReviewingOrganizationIds.Contains(chosen))
                return new Forbidden("not_a_reviewer", new ErrorMessage("Sie prüfen nicht für diese Organisation, oder sie ist nicht Partner im Verbund."));
            organization = chosen;
        }
        else if (access.ReviewingOrganizationIds.Count == 1)
        {
            organization = access.ReviewingOrganizationIds[0];
        }
        else
        {
            return ValidationFailed.For("organizationId", new ErrorMessage("Bitte wählen Sie, für welche Organisation Sie prüfen."));
        }

        if (InState(draft, [DraftStatus.InReview]) is { } illegal)
            return illegal;

        return command.Action switch
        {
            DraftAction.Approve when draft.ApprovingOrganizationIds.Contains(organization) =>
                new Conflict("already_approved", new ErrorMessage("Diese Organisation hat diese Fassung bereits freigegeben.")),
            // Four eyes: someone in the owner and a partner organization may not approve what they wrote or submitted.
            DraftAction.Approve when draft.RoundAuthorIds.Contains(userId) => FourEyes,
            DraftAction.Approve => Ok(draft,
                draft.ApprovingOrganizationIds.Count + 1 >= draft.RequiredApprovals ? DraftStatus.Approved : DraftStatus.InReview,
                closesRound: draft.ApprovingOrganizationIds.Count + 1 >= draft.RequiredApprovals, actingOrganization: organization),
            DraftAction.RequestChanges => Ok(draft, DraftStatus.ChangesRequested, closesRound: true, actingOrganization: organization),
            _ => Ok(draft, DraftStatus.InReview, actingOrganization: organization),
        };
    }

    public static readonly Conflict FourEyes = new("four_eyes", new ErrorMessage(
        "Wer diese Fassung geschrieben oder zur Prüfung gegeben hat, kann ihr nicht zustimmen (Vier-Augen-Prinzip). Bitte bitten Sie eine Kollegin oder einen Kollegen."));

    private static HubError? OwnerOnly(DraftAccess access) => access.IsOwnerEditor ? null : Forbidden.Instance;

    private static HubError? InState(DraftSnapshot draft, DraftStatus[] allowed) =>
        allowed.Contains(draft.Status) ? null : IllegalTransition(draft.Status);

    private static HubError? Fresh(DraftSnapshot draft, DraftCommand command) =>
        command.BaseRevision is { } based && based != draft.CurrentRevision ? StaleRevision(based, draft.CurrentRevision) : null;

    public static Conflict IllegalTransition(DraftStatus current) => Conflict.IllegalTransition(current.Label(), current.ToCode());

    public static Conflict StaleRevision(int based, int current) =>
        new("stale_revision", new ErrorMessage("Ihre Fassung {0} ist veraltet: inzwischen gibt es Fassung {1}. Nichts wurde überschrieben; bitte laden Sie neu und übernehmen Sie Ihre Änderungen.", based, current))
        {
            Details = new Dictionary<string, object> { ["baseRevision"] = based, ["currentRevision"] = current },
        };

    private static Result<DraftDecision> Ok(
        DraftSnapshot draft, DraftStatus to, bool opensRound = false, bool closesRound = false, Guid? actingOrganization = null,
        ReleaseVersion? version = null) =>
        new DraftDecision(draft.Status, to, opensRound, closesRound, actingOrganization, version);
}
