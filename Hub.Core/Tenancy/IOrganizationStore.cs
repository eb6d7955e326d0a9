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

    /// <summary>
    /// Inserts organizations with a new AGS and refreshes ARS, population and Kreis of known ones (name, kind and
    /// description stay the organization's own), in one transaction with one audit event when anything changed.
    /// </summary>
    Task<OrganizationImportSummary> ImportAsync(IReadOnlyList<OrganizationImportRow> rows, DateTimeOffset at, CancellationToken ct);
}
