using Hub.Core.Common;
using Hub.Core.Drafts;
using Hub.Core.Tenancy;

namespace Hub.Core.Releases;

/// <summary>
/// Deprecates or withdraws a release (the rules: <see cref="ReleaseDecider"/>), decided on the release the store locks.
/// </summary>
public sealed class ChangeRelease(IReleaseStore releases, IClock clock)
{
    public static ReleaseStatus[] AllowedFrom(ReleaseAction action) => ReleaseDecider.AllowedFrom(action);

    public static bool MayChange(DraftAccess access) => ReleaseDecider.MayChange(access);

    public async Task<Result<ReleaseInfo>> ExecuteAsync(Actor actor, Guid id, ReleaseAction action, string? reason, Guid? successorId, CancellationToken ct)
    {
        var command = new ReleaseCommand(action, reason, successorId);
        var changed = await StateChange.DecideAsync(
            c => releases.ReadStateAsync(id, successorId, c), c => releases.LockAsync(id, successorId, c),
            state => ReleaseDecider.Decide(state, command, actor, clock), ct);
        return changed.IsSuccess ? (await releases.GetAsync(id, ct))! : changed.Error;
    }

    public static Conflict IllegalTransition(ReleaseStatus current) => ReleaseDecider.IllegalTransition(current);
}
