using Hub.Core.Audit;
using Hub.Core.Common;

namespace Hub.Core.Tenancy;

public interface IMemberStore
{
    Task<Page<OrganizationMember>> ListAsync(Guid organizationId, PageRequest page, CancellationToken ct);

    Task<OrganizationMember?> GetAsync(Guid organizationId, Guid userId, CancellationToken ct);

    /// <summary>Adds the membership or changes its role, with the audit event, in one transaction.</summary>
    Task SetRoleAsync(Guid organizationId, Guid userId, MembershipRole role, AuditEvent audit, CancellationToken ct);

    Task<bool> RemoveAsync(Guid organizationId, Guid userId, AuditEvent audit, CancellationToken ct);

    Task<int> CountAdminsAsync(Guid organizationId, CancellationToken ct);
}
