using Hub.Core.Tenancy;

namespace Hub.Core.Tests.Tenancy;

/// <summary>The role sets as one table: every set × every membership role (and none).</summary>
public sealed class RolesTests
{
    public static TheoryData<string, MembershipRole?, bool> EverySetAndRole() => new()
    {
        { "editing", MembershipRole.Editor, true },
        { "editing", MembershipRole.Reviewer, false },
        { "editing", MembershipRole.Admin, true },
        { "editing", null, false },
        { "reviewing", MembershipRole.Editor, false },
        { "reviewing", MembershipRole.Reviewer, true },
        { "reviewing", MembershipRole.Admin, true },
        { "reviewing", null, false },
        { "administering", MembershipRole.Editor, false },
        { "administering", MembershipRole.Reviewer, false },
        { "administering", MembershipRole.Admin, true },
        { "administering", null, false },
    };

    private static RoleSet Set(string name) => name switch
    {
        "editing" => Roles.Editing,
        "reviewing" => Roles.Reviewing,
        _ => Roles.Administering,
    };

    [Theory]
    [MemberData(nameof(EverySetAndRole))]
    public void Contains_EverySetAndRole_MatchesTheTable(string set, MembershipRole? role, bool expected)
    {
        var org = Guid.NewGuid();
        var actor = new Actor(Guid.NewGuid(), "x@y.de", "X", false, role is { } r ? [new Membership(org, "Org", r)] : [], [], []);

        Assert.Equal(expected, Set(set).Contains(role));
        Assert.Equal(expected, Set(set).HeldBy(actor, org));
        Assert.False(Set(set).HeldBy(actor, Guid.NewGuid()));
        Assert.Equal(expected ? [org] : [], Set(set).OrganizationsOf(actor));
        Assert.Equal(role is not null && expected, Set(set).Codes.Contains(role?.ToCode()));
    }

    [Fact]
    public void Codes_AreACopy_TheSetCannotBeChangedThroughThem()
    {
        var codes = Roles.Editing.Codes;
        codes[0] = "reviewer";

        Assert.Equal(["editor", "admin"], Roles.Editing.Codes);
    }
}
