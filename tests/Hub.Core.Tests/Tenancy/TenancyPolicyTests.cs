using Hub.Core.Tenancy;

namespace Hub.Core.Tests.Tenancy;

public sealed class TenancyPolicyTests
{
    private static readonly Guid _org = Guid.NewGuid();
    private static readonly Guid _otherOrg = Guid.NewGuid();
    private static readonly Guid _coop = Guid.NewGuid();

    public enum Who
    {
        Editor,
        Reviewer,
        OrgAdmin,
        AdminOfOtherOrg,
        Coordinator,
        Observer,
        PlatformAdmin,
        NoMembership,
    }

    public static Actor ActorFor(Who who) => who switch
    {
        Who.Editor => Make(memberships: [new Membership(_org, "Org", MembershipRole.Editor)]),
        Who.Reviewer => Make(memberships: [new Membership(_org, "Org", MembershipRole.Reviewer)]),
        Who.OrgAdmin => Make(memberships: [new Membership(_org, "Org", MembershipRole.Admin)]),
        Who.AdminOfOtherOrg => Make(memberships: [new Membership(_otherOrg, "Other", MembershipRole.Admin)]),
        Who.Coordinator => Make(coordinated: [_coop]),
        Who.Observer => Make(observer: [new ObserverScope("06", null, null)]),
        Who.PlatformAdmin => Make(platformAdmin: true),
        Who.NoMembership => Make(),
        _ => throw new ArgumentOutOfRangeException(nameof(who)),
    };

    private static Actor Make(
        bool platformAdmin = false, Membership[]? memberships = null, Guid[]? coordinated = null, ObserverScope[]? observer = null) =>
        new(Guid.NewGuid(), "x@y.de", "X", platformAdmin, memberships ?? [], coordinated ?? [], observer ?? []);

    // The whole matrix in one readable table: role × permission → expected.
    public static TheoryData<Who, bool, bool, bool> Matrix => new()
    {
        //                     manage members of _org, create orgs/coops, assign coordinators
        { Who.Editor, false, false, false },
        { Who.Reviewer, false, false, false },
        { Who.OrgAdmin, true, false, false },
        { Who.AdminOfOtherOrg, false, false, false },
        { Who.Coordinator, false, false, false },
        { Who.Observer, false, false, false },
        { Who.PlatformAdmin, true, true, true },
        { Who.NoMembership, false, false, false },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Permissions_EachRole_MatchTheMatrix(Who who, bool manageMembers, bool create, bool assignCoordinators)
    {
        var actor = ActorFor(who);

        Assert.Equal(manageMembers, TenancyPolicy.CanManageMembers(actor, _org));
        Assert.Equal(create, TenancyPolicy.CanCreateOrganizations(actor));
        Assert.Equal(create, TenancyPolicy.CanCreateCooperations(actor));
        Assert.Equal(assignCoordinators, TenancyPolicy.CanAssignCoordinators(actor));
    }

    [Fact]
    public void CanViewDirectory_SignedOut_IsFalse_SignedIn_IsTrue()
    {
        Assert.False(TenancyPolicy.CanViewDirectory(null));
        Assert.True(TenancyPolicy.CanViewDirectory(ActorFor(Who.NoMembership)));
    }

    [Fact]
    public void Actor_Observer_ObservesOnlyItsLand()
    {
        var observer = ActorFor(Who.Observer);

        Assert.True(observer.IsObserver);
        Assert.True(observer.Observes("06"));
        Assert.False(observer.Observes("09"));
        Assert.False(ActorFor(Who.Editor).IsObserver);
    }

    [Fact]
    public void KeepsAnAdmin_OnlyTheLastAdminMayNotStopBeingOne()
    {
        Guid only = Guid.NewGuid(), other = Guid.NewGuid(), editor = Guid.NewGuid();

        Assert.False(TenancyPolicy.KeepsAnAdmin([only], only, MembershipRole.Editor));
        Assert.False(TenancyPolicy.KeepsAnAdmin([only], only, null));
        Assert.True(TenancyPolicy.KeepsAnAdmin([only], only, MembershipRole.Admin));
        Assert.True(TenancyPolicy.KeepsAnAdmin([only, other], only, null));
        Assert.True(TenancyPolicy.KeepsAnAdmin([only], editor, null));
        Assert.True(TenancyPolicy.KeepsAnAdmin([], editor, MembershipRole.Reviewer));
    }
}
