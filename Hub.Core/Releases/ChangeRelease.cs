using Hub.Core.Audit;
using Hub.Core.Common;
using Hub.Core.Drafts;
using Hub.Core.Tenancy;

namespace Hub.Core.Releases;

/// <summary>
/// A release is immutable, but it can be deprecated (active → deprecated, optionally naming a successor) or
/// withdrawn (active or deprecated → withdrawn), with a reason, by an editor of the owner or a coordinator.
/// </summary>
public sealed class ChangeRelease(IReleaseStore releases, IDraftStore drafts, IClock clock)
{
    public static ReleaseStatus[] AllowedFrom(ReleaseAction action) => ReleaseDecider.AllowedFrom(action);

    public static bool MayChange(DraftAccess access) => ReleaseDecider.MayChange(access);

    public async Task<Result<ReleaseInfo>> ExecuteAsync(Actor actor, Guid id, ReleaseAction action, string? reason, Guid? successorId, CancellationToken ct)
    {
        var release = await releases.GetAsync(id, ct);
        if (release is null)
            return NotFound.Instance;
        var draft = await drafts.GetAsync(release.DraftId, ct);
        if (draft is null || !MayChange(DraftAccess.For(actor, draft.Snapshot)))
            return new Forbidden("not_allowed_to_change_release", new ErrorMessage("Das dürfen Bearbeiterinnen und Bearbeiter der federführenden Organisation und die Koordination."));

        var v = new FieldValidator().Required("reason", reason, 2000);
        if (successorId is { } s)
        {
            var successor = s == id ? null : await releases.GetAsync(s, ct);
            if (successor is not { Status: ReleaseStatus.Active })
                v.Add("successorReleaseId", "Nachfolger kann nur eine andere, aktive Freigabe sein.");
        }

        if (v.HasErrors)
            return v.ToError();
        var from = AllowedFrom(action);
        if (!from.Contains(release.Status))
            return IllegalTransition(release.Status);

        var to = action == ReleaseAction.Deprecate ? ReleaseStatus.Deprecated : ReleaseStatus.Withdrawn;
        var at = clock.UtcNow;
        var changed = await releases.ChangeStatusAsync(id, from, to, reason!.Trim(), successorId, actor.UserId, at, before =>
            AuditEvent.Create(at, actor, draft.Snapshot.OwnerOrganizationId, "release", id, action == ReleaseAction.Deprecate ? "release_deprecated" : "release_withdrawn",
                before: new { status = before.Status.ToCode() },
                after: new { status = to.ToCode(), version = release.Version.ToString(), reason = reason.Trim(), successorReleaseId = successorId }), ct);
        if (changed is null)
            return IllegalTransition((await releases.GetAsync(id, ct))!.Status);
        return changed;
    }

    public static Conflict IllegalTransition(ReleaseStatus current) => ReleaseDecider.IllegalTransition(current);
}
