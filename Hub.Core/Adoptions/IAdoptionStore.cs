using Hub.Core.Common;

namespace Hub.Core.Adoptions;

public interface IAdoptionStore
{
    Task<Adoption?> GetAsync(Guid id, CancellationToken ct);

    /// <summary>The adoptions of the given organizations, in one query.</summary>
    Task<IReadOnlyList<Adoption>> ListForOrganizationsAsync(IReadOnlyCollection<Guid> organizationIds, CancellationToken ct);

    /// <summary>Every adoption of any release of one service (draft), for the release page.</summary>
    Task<IReadOnlyList<Adoption>> ListForServiceAsync(Guid draftId, CancellationToken ct);

    /// <summary>Writes the adoption and its audit event; false (nothing written) when the organization already adopted this service.</summary>
    Task<bool> InsertAsync(AdoptionInsert insert, CancellationToken ct);

    /// <summary>An adoption and the partners of its organization, to decide on a change (null when missing or hidden).</summary>
    Task<AdoptionState?> ReadStateAsync(Guid id, CancellationToken ct);

    /// <summary>The same, with the adoption locked until the transaction ends; committing writes the change and its audit event.</summary>
    Task<ILocked<AdoptionState, AdoptionUpdate>> LockAsync(Guid id, CancellationToken ct);
}
