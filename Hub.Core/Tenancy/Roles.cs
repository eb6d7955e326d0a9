namespace Hub.Core.Tenancy;

/// <summary>
/// Which membership roles may do what in their organization: the one place that says who edits, who reviews and who
/// administers. C# asks a set (<see cref="RoleSet.Contains"/>, <see cref="RoleSet.HeldBy"/>); SQL gets it as a parameter
/// array (<see cref="RoleSet.Codes"/>, <c>role = any(@roles)</c>), never as literals. Coordinators (of a cooperation) and
/// observers (of a Land) are not membership roles: <see cref="Actor.Coordinates"/> and <see cref="Actor.Observes"/> say who they are.
/// </summary>
public static class Roles
{
    /// <summary>Edit the organization's drafts and release them, adopt releases, keep its Umsetzungsstand; hear about its drafts.</summary>
    public static RoleSet Editing { get; } = new(MembershipRole.Editor, MembershipRole.Admin);

    /// <summary>Review a partner's draft for the organization; hear that one waits for review.</summary>
    public static RoleSet Reviewing { get; } = new(MembershipRole.Reviewer, MembershipRole.Admin);

    /// <summary>Manage the organization's members (an organization always keeps one of them).</summary>
    public static RoleSet Administering { get; } = new(MembershipRole.Admin);
}

/// <summary>A named set of membership roles (see <see cref="Roles"/>).</summary>
public sealed class RoleSet(params MembershipRole[] roles)
{
    private readonly MembershipRole[] _roles = roles;
    private readonly string[] _codes = roles.Select(r => r.ToCode()).ToArray();

    public bool Contains(MembershipRole? role) => role is { } r && _roles.Contains(r);

    /// <summary>Whether the actor has one of these roles in the organization.</summary>
    public bool HeldBy(Actor actor, Guid organizationId) => Contains(actor.RoleIn(organizationId));

    /// <summary>The actor's memberships with one of these roles.</summary>
    public IEnumerable<Membership> Of(Actor actor) => actor.Memberships.Where(m => Contains(m.Role));

    /// <summary>The organizations where the actor has one of these roles (an SQL parameter array).</summary>
    public Guid[] OrganizationsOf(Actor actor) => Of(actor).Select(m => m.OrganizationId).ToArray();

    /// <summary>The role codes as stored in <c>memberships.role</c>, for <c>role = any(@roles)</c> (a fresh array each time).</summary>
    public string[] Codes => (string[])_codes.Clone();
}
