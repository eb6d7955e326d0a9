namespace Hub.Core.Tenancy;

/// <summary>Who is acting: the signed-in user with every membership, coordination and observer scope.</summary>
public sealed record Actor(
    Guid UserId,
    string Email,
    string DisplayName,
    bool IsPlatformAdmin,
    IReadOnlyList<Membership> Memberships,
    IReadOnlyList<Guid> CoordinatedCooperationIds,
    IReadOnlyList<ObserverScope> ObserverScopes)
{
    public bool IsObserver => ObserverScopes.Count > 0;

    public MembershipRole? RoleIn(Guid organizationId) =>
        Memberships.FirstOrDefault(m => m.OrganizationId == organizationId)?.Role;

    public bool IsMemberOf(Guid organizationId) => RoleIn(organizationId) is not null;

    public bool Observes(string landCode) => ObserverScopes.Any(s => s.LandCode == landCode);

    public bool Coordinates(Guid cooperationId) => CoordinatedCooperationIds.Contains(cooperationId);
}
