using Hub.Core.Audit;
using Hub.Core.Common;

namespace Hub.Core.Tenancy;

public interface ICooperationStore
{
    Task<Page<CooperationSummary>> ListAsync(CooperationQuery query, PageRequest page, CancellationToken ct);

    /// <summary>
    /// Every cooperation one of these organizations belongs to or whose id is listed (a user's own: their organizations'
    /// and those they coordinate), by name; as many as there are (a user's own are few).
    /// </summary>
    Task<IReadOnlyList<CooperationSummary>> ListMineAsync(IReadOnlyCollection<Guid> organizationIds, IReadOnlyCollection<Guid> cooperationIds, CancellationToken ct);

    Task<CooperationDetails?> GetAsync(Guid id, CancellationToken ct);

    /// <summary>The organizations that share a cooperation with this one (its partners see its progress).</summary>
    Task<IReadOnlyList<Guid>> PartnersOfAsync(Guid organizationId, CancellationToken ct);

    /// <summary>Which of these organizations belongs to which cooperation, in one query.</summary>
    Task<IReadOnlyList<CooperationMembership>> ListMembershipsAsync(IReadOnlyCollection<Guid> organizationIds, CancellationToken ct);

    Task CreateAsync(Cooperation cooperation, IReadOnlyCollection<Guid> memberIds, AuditEvent audit, CancellationToken ct);

    /// <summary>Sets the review policy if it is still <paramref name="expected"/> (else false: somebody changed it meanwhile).</summary>
    Task<bool> ChangeRequiredApprovalsAsync(Guid cooperationId, int expected, int requiredApprovals, AuditEvent audit, CancellationToken ct);

    /// <summary>Adds a coordinator; false when the user already coordinates the cooperation.</summary>
    Task<bool> AddCoordinatorAsync(Guid cooperationId, Guid userId, AuditEvent audit, CancellationToken ct);
}
