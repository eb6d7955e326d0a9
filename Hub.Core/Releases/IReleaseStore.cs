using Hub.Core.Common;

namespace Hub.Core.Releases;

public interface IReleaseStore
{
    Task<Page<ReleaseInfo>> ListAsync(ReleaseQuery query, PageRequest page, CancellationToken ct);

    /// <summary>One draft's releases, newest first (its versions: bounded by the draft, not paged).</summary>
    Task<IReadOnlyList<ReleaseInfo>> ListForDraftAsync(Guid draftId, CancellationToken ct);

    Task<ReleaseInfo?> GetAsync(Guid id, CancellationToken ct);

    Task<ReleaseDetails?> GetDetailsAsync(Guid id, CancellationToken ct);

    /// <summary>A release and what a change of its status is decided on (null when there is no such release).</summary>
    Task<ReleaseState?> ReadStateAsync(Guid id, Guid? successorId, CancellationToken ct);

    /// <summary>
    /// The same, with the service's draft row and then the release locked until the transaction ends (so two concurrent
    /// changes are decided one after the other); committing writes the status, the audit event and the notifications.
    /// </summary>
    Task<ILocked<ReleaseState, ReleaseChange>> LockAsync(Guid id, Guid? successorId, CancellationToken ct);
}
