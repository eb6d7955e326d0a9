using Hub.Core.Audit;
using Hub.Core.Common;

namespace Hub.Core.Tenancy;

public interface ICooperationStore
{
    Task<Page<CooperationSummary>> ListAsync(CooperationQuery query, PageRequest page, CancellationToken ct);

    Task<CooperationDetails?> GetAsync(Guid id, CancellationToken ct);

    /// <summary>Which of these organizations belongs to which cooperation, in one query.</summary>
    /// <summary>The organizations that share a cooperation with this one (its partners see its progress).</summary>
    Task<IReadOnlyList<Guid>> PartnersOfAsync(Guid organizationId, CancellationToken ct);

    Task<IReadOnlyList<CooperationMembership>> ListMembershipsAsync(IReadOnlyCollection<Guid> organizationIds, CancellationToken ct);

    Task CreateAsync(Cooperation cooperation, IReadOnlyCollection<Guid> memberIds, AuditEvent audit, CancellationToken ct);

    /// <summary>Adds a coordinator; false when the user already coordinates the cooperation.</summary>
    /// <summary>Sets the review policy if it is still <paramref name="expected"/> (else false: somebody changed it meanwhile).</summary>
    Task<bool> ChangeRequiredApprovalsAsync(Guid cooperationId, int expected, int requiredApprovals, AuditEvent audit, CancellationToken ct);

    Task<bool> AddCoordinatorAsync(Guid cooperationId, Guid userId, AuditEvent audit, CancellationToken ct);
}
