using Hub.Core.Audit;
using Hub.Core.Common;
using Hub.Core.Drafts;
using Hub.Core.Inbox;
using Hub.Core.Tenancy;

namespace Hub.Core.Releases;

public sealed record ReleaseCommand(ReleaseAction Action, string? Reason, Guid? SuccessorId = null);

/// <summary>
/// What a release change is decided on: the release (locked by the store when it writes), the draft it was released from
/// (null when the actor cannot see it), the successor the command names (null when none is named or found), and the
/// organizations that hear of the change: the cooperation's and those that adopted the service and have not dropped it.
/// </summary>
public sealed record ReleaseState(
    ReleaseInfo Release,
    DraftSnapshot? Draft,
    ReleaseInfo? Successor,
    IReadOnlyCollection<Guid> CooperationMemberIds,
    IReadOnlyCollection<Guid> AdopterOrganizationIds);

/// <summary>What a legal release change writes: the new status with reason and successor, the audit event and the notice.</summary>
public sealed record ReleaseChange(
    Guid ReleaseId, ReleaseStatus From, ReleaseStatus To, string Reason, Guid? SuccessorId, Guid ChangedBy, DateTimeOffset At, AuditEvent Audit, Notice Notice);

/// <summary>
/// A release is immutable, but it can be deprecated (active → deprecated, optionally naming an active successor) or
/// withdrawn (active or deprecated → withdrawn), with a reason, by an editor of the owner or a coordinator. A pure
/// function; checks in order: release exists (404) → allowed (403) → input valid (400) → legal in this state (409).
/// </summary>
public static class ReleaseDecider
{
    public const int ReasonMax = 2000;

    public static ReleaseStatus[] AllowedFrom(ReleaseAction action) => action == ReleaseAction.Deprecate
        ? [ReleaseStatus.Active]
        : [ReleaseStatus.Active, ReleaseStatus.Deprecated];

    public static bool MayChange(DraftAccess access) => access.IsOwnerEditor || access.IsCoordinator;

    public static Forbidden NotAllowed { get; } =
        new("not_allowed_to_change_release", new ErrorMessage("Das dürfen Bearbeiterinnen und Bearbeiter der federführenden Organisation und die Koordination."));

    public static Result<ReleaseChange> Decide(ReleaseState? state, ReleaseCommand command, Actor actor, IClock clock)
    {
        if (state is null)
            return NotFound.Instance;
        var release = state.Release;
        if (state.Draft is not { } draft || !MayChange(DraftAccess.For(actor, draft)))
            return NotAllowed;

        var v = new FieldValidator().Required("reason", command.Reason, ReasonMax);
        if (command.SuccessorId is { } s && (s == release.Id || state.Successor is not { Status: ReleaseStatus.Active } || state.Successor.Id != s))
            v.Add("successorReleaseId", "Nachfolger kann nur eine andere, aktive Freigabe sein.");
        if (v.HasErrors)
            return v.ToError();
        if (!AllowedFrom(command.Action).Contains(release.Status))
            return IllegalTransition(release.Status);

        var to = command.Action == ReleaseAction.Deprecate ? ReleaseStatus.Deprecated : ReleaseStatus.Withdrawn;
        var at = clock.UtcNow;
        var reason = command.Reason!.Trim();
        var audit = AuditEvent.Create(at, actor, draft.OwnerOrganizationId, "release", release.Id,
            command.Action == ReleaseAction.Deprecate ? "release_deprecated" : "release_withdrawn",
            before: new { status = release.Status.ToCode() },
            after: new { status = to.ToCode(), version = release.Version.ToString(), reason, successorReleaseId = command.SuccessorId });
        var notice = new Notice(to == ReleaseStatus.Deprecated ? "release_deprecated" : "release_withdrawn",
            Recipients.Members(state.CooperationMemberIds.Union(state.AdopterOrganizationIds), Roles.Editing),
            release.DraftId, release.Title, release.Revision, at, actor.UserId) { Version = release.Version.ToString() };
        return new ReleaseChange(release.Id, release.Status, to, reason, command.SuccessorId, actor.UserId, at, audit, notice);
    }

    public static Conflict IllegalTransition(ReleaseStatus current) => Conflict.IllegalTransition(current.Label(), current.ToCode());
}
