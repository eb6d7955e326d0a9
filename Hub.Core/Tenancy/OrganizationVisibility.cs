namespace Hub.Core.Tenancy;

/// <summary>
/// Who sees an organization's own progress (adoptions, Umsetzungsstand): its members, the members of its
/// cooperation partners, the observers of its Land and platform admins. Everyone else gets 404.
/// </summary>
public static class OrganizationVisibility
{
    public static bool CanSee(Actor actor, Guid organizationId, string landCode, IReadOnlyCollection<Guid> partnerIds) =>
        actor.IsPlatformAdmin || actor.IsMemberOf(organizationId) || actor.Observes(landCode) || partnerIds.Any(actor.IsMemberOf);

    /// <summary>The organization when the actor may see its progress; null (answer 404) when it does not exist or is hidden.</summary>
    public static async Task<Organization?> VisibleAsync(
        Actor actor, Guid organizationId, IOrganizationStore organizations, ICooperationStore cooperations, CancellationToken ct)
    {
        var organization = await organizations.GetAsync(organizationId, ct);
        return organization is not null && CanSee(actor, organizationId, organization.LandCode, await cooperations.PartnersOfAsync(organizationId, ct))
            ? organization
            : null;
    }

    /// <summary>Only the organization's editors and admins write its progress.</summary>
    public static bool CanEdit(Actor actor, Guid organizationId) => Roles.Editing.HeldBy(actor, organizationId);
}
