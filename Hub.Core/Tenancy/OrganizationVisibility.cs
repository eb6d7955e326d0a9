namespace Hub.Core.Tenancy;

/// <summary>
/// Who sees an organization's own progress (adoptions, Umsetzungsstand): its members, the members of its
/// cooperation partners, the observers of its Land and platform admins. Everyone else gets 404.
/// </summary>
public static class OrganizationVisibility
{
    public static bool CanSee(Actor actor, Guid organizationId, string landCode, IReadOnlyCollection<Guid> partnerIds) =>
        actor.IsPlatformAdmin || actor.IsMemberOf(organizationId) || actor.Observes(landCode) || partnerIds.Any(actor.IsMemberOf);

    /// <summary>Only the organization's editors and admins write its progress.</summary>
    public static bool CanEdit(Actor actor, Guid organizationId) => actor.RoleIn(organizationId) is MembershipRole.Editor or MembershipRole.Admin;
}
