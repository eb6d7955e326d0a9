using Hub.Core.Tenancy;

namespace Hub.Core.Tests.Tenancy;

public sealed class CodesTests
{
    [Fact]
    public void OrganizationKinds_EveryKind_RoundTripsThroughItsCode()
    {
        foreach (var kind in Enum.GetValues<OrganizationKind>())
            Assert.Equal(kind, OrganizationKinds.Parse(kind.ToCode()));
        Assert.Equal(Enum.GetValues<OrganizationKind>().Length, OrganizationKinds.All.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("dorf")]
    [InlineData("Kreisfreie Stadt")]
    public void OrganizationKinds_UnknownCode_DoesNotParse(string? code) => Assert.False(OrganizationKinds.TryParse(code, out _));

    [Fact]
    public void MembershipRoles_EveryRole_RoundTripsThroughItsCode()
    {
        foreach (var role in Enum.GetValues<MembershipRole>())
            Assert.Equal(role, MembershipRoles.Parse(role.ToCode()));
        Assert.False(MembershipRoles.TryParse("observer", out _));
    }

    [Fact]
    public void Lands_SixteenCodes_HessenIs06()
    {
        Assert.Equal(16, Lands.All.Count);
        Assert.Equal("Hessen", Lands.NameOf("06"));
        Assert.False(Lands.IsValid("17"));
        Assert.False(Lands.IsValid("6"));
        Assert.False(Lands.IsValid(null));
    }
}
