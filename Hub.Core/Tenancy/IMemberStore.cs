using Hub.Core.Audit;
using Hub.Core.Common;

namespace Hub.Core.Tenancy;

public interface IMemberStore
{
    Task<Page<OrganizationMember>> ListAsync(Guid organizationId, PageRequest page, CancellationToken ct);

    Task<OrganizationMember?> GetAsync(Guid organizationId, Guid userId, CancellationToken ct);

    /// <summary>
    /// Adds the membership or changes its role, with the audit event, in one transaction; refuses what
    /// <see cref="TenancyPolicy.KeepsAnAdmin"/> refuses (<see cref="MemberChange.LastAdmin"/>), asked with the
    /// organization's admins locked in the same transaction, so two admins demoting each other at the same moment cannot
    /// both pass.
    /// </summary>
    Task<MemberChange> SetRoleAsync(Guid organizationId, Guid userId, MembershipRole role, AuditEvent audit, CancellationToken ct);

    /// <summary>Removes the membership with the audit event; refuses the last admin like <see cref="SetRoleAsync"/>.</summary>
    Task<MemberChange> RemoveAsync(Guid organizationId, Guid userId, AuditEvent audit, CancellationToken ct);
}

public enum MemberChange
{
    Done,
    NotFound,
    LastAdmin,
}
