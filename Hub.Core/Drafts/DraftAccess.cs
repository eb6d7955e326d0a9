using Hub.Core.Tenancy;

namespace Hub.Core.Drafts;

/// <summary>How an actor stands to one draft. Computed once; the lifecycle decides from it.</summary>
public sealed record DraftAccess(bool CanSee, bool IsOwnerEditor, bool IsCoordinator, bool IsObserver, IReadOnlyList<Guid> ReviewingOrganizationIds)
{
    /// <summary>
    /// Visible to members of the owner and of every organization in the draft's cooperation, to the
    /// cooperation's coordinators and to observers of the owner's Land; to nobody else (they get 404).
    /// </summary>
    public static DraftAccess For(Actor actor, DraftSnapshot draft)
    {
        var ownerRole = actor.RoleIn(draft.OwnerOrganizationId);
        var isCoordinator = actor.Coordinates(draft.CooperationId);
        var isObserver = actor.Observes(draft.OwnerLandCode);
        var memberOfCooperation = ownerRole is not null || draft.CooperationMemberIds.Any(actor.IsMemberOf);
        var reviewing = actor.Memberships
            .Where(m => m.OrganizationId != draft.OwnerOrganizationId
                && draft.CooperationMemberIds.Contains(m.OrganizationId)
                && m.Role is MembershipRole.Reviewer or MembershipRole.Admin)
            .Select(m => m.OrganizationId)
            .ToList();
        return new DraftAccess(
            memberOfCooperation || isCoordinator || isObserver,
            ownerRole is MembershipRole.Editor or MembershipRole.Admin,
            isCoordinator,
            isObserver,
            reviewing);
    }
}
