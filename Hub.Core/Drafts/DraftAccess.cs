using Hub.Core.Tenancy;

namespace Hub.Core.Drafts;

/// <summary>How an actor stands to one draft. Computed once; the lifecycle decides from it.</summary>
public sealed record DraftAccess(
    bool CanSee, bool IsOwnerEditor, bool IsCoordinator, bool IsObserver, IReadOnlyList<Guid> ReviewingOrganizationIds, Guid? SpeaksFor, bool IsCooperationMember)
{
    /// <summary>Members of the cooperation's organizations and its coordinators discuss a draft; observers only read.</summary>
    public bool CanComment => IsCooperationMember || IsCoordinator;

    /// <summary>Whether a new comment is possible now: a withdrawn draft takes no more.</summary>
    public bool CanCommentIn(DraftStatus status) => CanComment && status != DraftStatus.Withdrawn;

    /// <summary>A thread is resolved by whoever started it, by an editor of the owner or by a coordinator.</summary>
    public bool CanResolve(Guid threadAuthorId, Actor actor) => IsOwnerEditor || IsCoordinator || (CanComment && threadAuthorId == actor.UserId);

    /// <summary>
    /// <see cref="SpeaksFor"/> is the organization a comment is written for: the owner if the actor belongs to it, else
    /// the actor's first organization in the cooperation, else none (a coordinator from outside).
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
                && Roles.Reviewing.Contains(m.Role))
            .Select(m => m.OrganizationId)
            .ToList();
        return new DraftAccess(
            memberOfCooperation || isCoordinator || isObserver,
            Roles.Editing.Contains(ownerRole),
            isCoordinator,
            isObserver,
            reviewing,
            ownerRole is not null ? draft.OwnerOrganizationId
                : actor.Memberships.Select(m => m.OrganizationId).Where(draft.CooperationMemberIds.Contains).Cast<Guid?>().FirstOrDefault(),
            memberOfCooperation);
    }
}
