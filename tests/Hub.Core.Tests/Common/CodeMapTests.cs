using Hub.Core.Adoptions;
using Hub.Core.Common;
using Hub.Core.Drafts;
using Hub.Core.Progress;
using Hub.Core.Releases;
using Hub.Core.Tenancy;

namespace Hub.Core.Tests.Common;

public sealed class CodeMapTests
{
    private enum Colour
    {
        Red,
        Green,
    }

    [Fact]
    public void Codes_EveryMap_KeepsItsStableStrings()
    {
        // The codes are stored in the database, checked by its constraints and sent by the API: they never change.
        Assert.Equal(["draft", "in_review", "changes_requested", "approved", "released", "withdrawn"], DraftCodes.Statuses.Codes);
        Assert.Equal(["approve", "request_changes", "comment"], DraftCodes.Verdicts.Codes);
        Assert.Equal(["active", "deprecated", "withdrawn"], ReleaseStatusCodes.Map.Codes);
        Assert.Equal(["planned", "in_progress", "live", "dropped"], AdoptionCodes.Map.Codes);
        Assert.Equal(["not_started", "planned", "in_progress", "live", "no_solution", "not_relevant"], ImplementationCodes.Map.Codes);
        Assert.Equal(["editor", "reviewer", "admin"], MembershipRoles.Map.Codes);
        Assert.Equal(["gemeinde", "stadt", "sonderstatusstadt", "kreisfreie_stadt", "landkreis", "regionalverband", "ministerium"], OrganizationKinds.Map.Codes);
    }

    [Fact]
    public void Code_EveryValueOfEveryMap_ParsesBack()
    {
        RoundTrips(DraftCodes.Statuses);
        RoundTrips(DraftCodes.Verdicts);
        RoundTrips(ReleaseStatusCodes.Map);
        RoundTrips(AdoptionCodes.Map);
        RoundTrips(ImplementationCodes.Map);
        RoundTrips(MembershipRoles.Map);
        RoundTrips(OrganizationKinds.Map);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("RED")]
    [InlineData("blue")]
    public void TryParse_UnknownCode_IsFalseWithTheDefault(string? code)
    {
        var map = new CodeMap<Colour>((Colour.Red, "red"), (Colour.Green, "green"));

        Assert.False(map.TryParse(code, out var parsed));
        Assert.Equal(default, parsed);
    }

    [Fact]
    public void TryParse_CaseInsensitiveMap_AcceptsAnyCase()
    {
        var map = new CodeMap<Colour>(StringComparer.OrdinalIgnoreCase, (Colour.Red, "red"), (Colour.Green, "green"));

        Assert.True(map.TryParse("GREEN", out var parsed));
        Assert.Equal(Colour.Green, parsed);
        Assert.Equal("green", map.Code(Colour.Green));
    }

    [Fact]
    public void New_MissingOrDoubledCodes_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => new CodeMap<Colour>((Colour.Red, "red")));
        Assert.Throws<ArgumentException>(() => new CodeMap<Colour>((Colour.Red, "red"), (Colour.Green, "red")));
        Assert.Throws<ArgumentException>(() => new CodeMap<Colour>((Colour.Red, "red"), (Colour.Red, "rot"), (Colour.Green, "green")));
    }

    [Fact]
    public void Code_UndefinedValue_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CodeMap<Colour>((Colour.Red, "red"), (Colour.Green, "green")).Code((Colour)7));

    private static void RoundTrips<TEnum>(CodeMap<TEnum> map)
        where TEnum : struct, Enum
    {
        Assert.Equal(Enum.GetValues<TEnum>().Order(), map.Values.Order());
        foreach (var value in map.Values)
        {
            Assert.True(map.TryParse(map.Code(value), out var parsed));
            Assert.Equal(value, parsed);
        }
    }
}
