using Hub.Core.Tenancy;

namespace Hub.Core.Tests.Tenancy;

public sealed class OrganizationImportTests
{
    private const string Gemeinden = "ags,ars,name,kind,land_code,land,kreis_code,kreis,kreis_kind,population,postal_code\n";
    private const string Kreise = "kreis_code,name,kind,land_code,land\n";

    [Fact]
    public void Parse_MunicipalitiesAndKreise_OneRowPerAgs_MunicipalityRowWinsForAKreisfreieStadt()
    {
        var (rows, errors) = OrganizationImport.Parse(
        [
            ("kreise.csv", Kreise + "06411,\"Darmstadt, Wissenschaftsstadt\",kreisfreie Stadt,06,Hessen\n06431,Bergstraße,Landkreis,06,Hessen\n09162,München,kreisfreie Stadt,09,Bayern\n"),
            ("gemeinden.csv", Gemeinden + "06411000,064110000000,\"Darmstadt, Wissenschaftsstadt\",kreisfreie Stadt,06,Hessen,06411,\"Darmstadt, Wissenschaftsstadt\",kreisfreie Stadt,159878,64283\n"
                + "06431020,064310020020,\"Viernheim, Stadt\",Stadt,06,Hessen,06431,Bergstraße,Landkreis,34175,68519\n"),
        ], "06");

        Assert.Empty(errors);
        Assert.Equal(["06411000", "06431000", "06431020"], rows.Select(r => r.Ags));
        Assert.Equal(159878, rows[0].Population);
        Assert.Equal(OrganizationKind.KreisfreieStadt, rows[0].Kind);
        Assert.Equal(OrganizationKind.Landkreis, rows[1].Kind);
        Assert.Equal("06431", rows[2].KreisCode);
    }

    [Theory]
    [InlineData("0643102,064310020020,V,Stadt,06,Hessen,06431,B,Landkreis,1,68519", "ags must have 8 digits")]
    [InlineData("06431020,064310020020,V,Dorf,06,Hessen,06431,B,Landkreis,1,68519", "unknown kind 'Dorf'")]
    [InlineData("06431020,064310020020,V,Stadt,07,Hessen,06431,B,Landkreis,1,68519", "land_code must be the first two digits of the AGS")]
    [InlineData("06431020,064310020020,V,Stadt,06,Hessen,06431,B,Landkreis,viele,68519", "population must be a whole number")]
    [InlineData("06431020,064310020020,V,Stadt,06,Hessen", "expected 11 fields, found 6")]
    public void Parse_BadRow_NamesFileAndLine_AndReturnsNoRows(string row, string problem)
    {
        var (rows, errors) = OrganizationImport.Parse([("gemeinden.csv", Gemeinden + "06431002,064310002002,Bensheim,Stadt,06,Hessen,06431,B,Landkreis,40000,64625\n" + row + "\n")], null);

        Assert.Empty(rows);
        Assert.Equal($"gemeinden.csv:3: {problem}", Assert.Single(errors));
    }

    [Fact]
    public void Parse_UnknownHeaderOrLand_IsRefused()
    {
        var (_, header) = OrganizationImport.Parse([("x.csv", "a,b\n1,2\n")], null);
        var (_, land) = OrganizationImport.Parse([("kreise.csv", Kreise)], "17");

        Assert.StartsWith("x.csv:1: expected the header", Assert.Single(header), StringComparison.Ordinal);
        Assert.Equal("--land 17: not a Land code (01 … 16)", Assert.Single(land));
    }
}
