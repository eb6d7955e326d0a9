using Hub.Testing;
using Hub.Testing.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Web.Tests.Tenancy;

/// <summary>The real Gemeindeverzeichnis for Hessen imported twice into the demo database through the command.</summary>
public sealed class OrganizationImportCommandTests(HubWebFactory app) : IClassFixture<HubWebFactory>
{
    [Fact]
    public async Task ImportHessen_Twice_AllMunicipalitiesAndKreiseOnce_DemoNamesKept_SecondRunChangesNothing()
    {
        var store = new Hub.Data.Tenancy.OrganizationStore(app.OwnerDb);
        var clock = app.Services.GetRequiredService<Hub.Core.Common.IClock>();
        string[] args = [Path.Combine(ReferenceData.Directory, "gemeinden.csv"), Path.Combine(ReferenceData.Directory, "kreise.csv"), "--land", "06"];
        var first = new StringWriter();
        var second = new StringWriter();

        Assert.Equal(0, await Hub.Web.Tenancy.OrganizationCli.ImportAsync(store, clock, args, first, default));
        Assert.Equal(0, await Hub.Web.Tenancy.OrganizationCli.ImportAsync(store, clock, args, second, default));

        // 422 municipalities (the demo's own among them, with the same AGS) and 21 Landkreise; the 5 kreisfreie Städte once.
        Assert.Equal(422, await app.Data.CountAsync("organizations", "ags like '06%' and kind in ('gemeinde', 'stadt', 'sonderstatusstadt', 'kreisfreie_stadt')"));
        Assert.Equal(21, await app.Data.CountAsync("organizations", "land_code = '06' and kind = 'landkreis'"));
        Assert.Equal(5, await app.Data.CountAsync("organizations", "land_code = '06' and kind = 'kreisfreie_stadt'"));
        Assert.Equal(443, await app.Data.CountAsync("organizations", "ags like '06%'"));
        Assert.Equal(1, await app.Data.CountAsync("organizations", "name = 'Viernheim' and ags = '06431020' and population > 0"));
        Assert.Contains("Organizations already up to date: nothing changed.", second.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.Data.CountAsync("organizations", "ags like '09%'"));
    }

    [Fact]
    public async Task Import_BrokenFile_ReportsLinesAndWritesNothing()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gemeinden-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, "ags,ars,name,kind,land_code,land,kreis_code,kreis,kreis_kind,population,postal_code\n"
            + "06999001,069990001001,Neuhausen,Stadt,06,Hessen,06999,Neukreis,Landkreis,100,12345\n06999002,,Irgendwo,Weiler,06,Hessen,06999,Neukreis,Landkreis,1,1\n");
        var output = new StringWriter();

        var code = await Hub.Web.Tenancy.OrganizationCli.ImportAsync(new Hub.Data.Tenancy.OrganizationStore(app.OwnerDb),
            app.Services.GetRequiredService<Hub.Core.Common.IClock>(), [path], output, default);
        File.Delete(path);

        Assert.Equal(1, code);
        Assert.Contains(":3: unknown kind 'Weiler'", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.Data.CountAsync("organizations", "ags like '06999%'"));
    }
}
