namespace Hub.Core.Tenancy;

/// <summary>Who may change the tenancy model. Pure functions of the actor; the tests cover every role.</summary>
public static class TenancyPolicy
{
    public static bool CanManageMembers(Actor actor, Guid organizationId) =>
        actor.IsPlatformAdmin || Roles.Administering.HeldBy(actor, organizationId);

    /// <summary>
    /// An organization keeps an admin: the user may get <paramref name="role"/> (null: leave the organization) unless
    /// they are its only admin and would stop being one. <paramref name="admins"/> are read under lock by the store that
    /// writes the change (two admins leaving at once cannot both pass).
    /// </summary>
    public static bool KeepsAnAdmin(IReadOnlyCollection<Guid> admins, Guid userId, MembershipRole? role) =>
        Roles.Administering.Contains(role) || !admins.Contains(userId) || admins.Count > 1;

    public static bool CanCreateOrganizations(Actor actor) => actor.IsPlatformAdmin;

    public static bool CanCreateCooperations(Actor actor) => actor.IsPlatformAdmin;

    public static bool CanAssignCoordinators(Actor actor) => actor.IsPlatformAdmin;

    /// <summary>The review policy (approvals needed) is the coordinators' business; platform admins may step in.</summary>
    public static bool CanChangeReviewPolicy(Actor actor, Guid cooperationId) => actor.IsPlatformAdmin || actor.Coordinates(cooperationId);

    /// <summary>
    /// Organizations, cooperations and their membership lists are not secret: every signed-in user
    /// needs them to find partners. Unreleased content is what the draft rules protect.
    /// </summary>
    public static bool CanViewDirectory(Actor? actor) => actor is not null;
}
