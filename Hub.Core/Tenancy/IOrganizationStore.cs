using Hub.Core.Audit;
using Hub.Core.Common;

namespace Hub.Core.Tenancy;

public interface IOrganizationStore
{
    Task<Page<Organization>> ListAsync(OrganizationQuery query, PageRequest page, CancellationToken ct);

    Task<Organization?> GetAsync(Guid id, CancellationToken ct);

    Task<IReadOnlyList<Organization>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>Inserts the organization and its audit event atomically; false when the AGS is taken.</summary>
    Task<bool> CreateAsync(Organization organization, AuditEvent audit, CancellationToken ct);
}
