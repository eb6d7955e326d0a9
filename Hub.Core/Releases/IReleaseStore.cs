using Hub.Core.Audit;
using Hub.Core.Common;

namespace Hub.Core.Releases;

public interface IReleaseStore
{
    Task<Page<ReleaseInfo>> ListAsync(ReleaseQuery query, PageRequest page, CancellationToken ct);

    /// <summary>One draft's releases, newest first (its versions: bounded by the draft, not paged).</summary>
    Task<IReadOnlyList<ReleaseInfo>> ListForDraftAsync(Guid draftId, CancellationToken ct);

    Task<ReleaseInfo?> GetAsync(Guid id, CancellationToken ct);

    Task<ReleaseDetails?> GetDetailsAsync(Guid id, CancellationToken ct);

    /// <summary>
    /// Moves the release to <paramref name="to"/> only if it is still in one of <paramref name="from"/> (checked in the
    /// UPDATE itself, so two concurrent changes cannot both win), with the audit event and notifications; else null.
    /// </summary>
    Task<ReleaseInfo?> ChangeStatusAsync(
        Guid id, ReleaseStatus[] from, ReleaseStatus to, string reason, Guid? successorId, Guid userId, DateTimeOffset at, Func<ReleaseInfo, AuditEvent> audit,
        CancellationToken ct);
}
