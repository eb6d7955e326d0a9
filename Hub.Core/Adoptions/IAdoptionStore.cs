using Hub.Core.Audit;

namespace Hub.Core.Adoptions;

public interface IAdoptionStore
{
    Task<Adoption?> GetAsync(Guid id, CancellationToken ct);

    /// <summary>The adoptions of the given organizations, in one query.</summary>
    Task<IReadOnlyList<Adoption>> ListForOrganizationsAsync(IReadOnlyCollection<Guid> organizationIds, CancellationToken ct);

    /// <summary>Every adoption of any release of one service (draft), for the release page.</summary>
    Task<IReadOnlyList<Adoption>> ListForServiceAsync(Guid draftId, CancellationToken ct);

    /// <summary>False when the organization already adopted this service.</summary>
    Task<bool> InsertAsync(NewAdoption adoption, Hub.Core.Audit.AuditEvent audit, CancellationToken ct);

    /// <summary>Applies the change only if the row is still at <paramref name="expectedRowVersion"/> (else false, nothing written).</summary>
    Task<bool> UpdateAsync(Guid id, int expectedRowVersion, AdoptionChange change, AuditEvent audit, CancellationToken ct);
}
