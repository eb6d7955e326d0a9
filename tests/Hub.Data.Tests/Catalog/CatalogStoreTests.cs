using Hub.Core.Catalog;
using Hub.Core.Common;
using Hub.Data.Catalog;
using Hub.Testing;
using Npgsql;

namespace Hub.Data.Tests.Catalog;

/// <summary>The real published catalogue (the repository's data/) imported into a real database, twice.</summary>
public sealed class CatalogStoreTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private static CatalogImportSet RealCatalogue()
    {
        var dir = ReferenceData.Directory;
        var files = CatalogImport.Files.ToDictionary(f => f, f => File.ReadAllText(Path.Combine(dir, f)));
        var (set, errors) = CatalogImport.Parse(files);
        Assert.Empty(errors);
        return set!;
    }

    [Fact]
    public async Task Import_RealCatalogue_LoadsEverythingAndASecondImportChangesNothing()
    {
        var store = new CatalogStore(db.Db);
        var set = RealCatalogue();
        var before = await db.Data.CountAsync("catalog_services");
        var auditBefore = await db.Data.CountAsync("audit_events", "entity_type = 'catalog'");

        var first = await store.ImportAsync(set, null, default);
        var auditAfterFirst = await db.Data.CountAsync("audit_events", "entity_type = 'catalog'");
        var second = await store.ImportAsync(set, null, default);

        Assert.Equal([14, 55, 557, 5222], first.Tables.Select(t => t.Read));
        // The migration seeds the 14 Themenfelder and 11 OZG-Leistungen with exactly the published names.
        Assert.Equal(0, first.Tables[0].Inserted + first.Tables[0].Updated);
        Assert.Equal(557 - before, first.Tables[2].Inserted);
        Assert.Equal(0, first.Tables.Sum(t => t.Updated));
        Assert.False(second.ChangedAnything);
        Assert.Equal(auditBefore + (first.ChangedAnything ? 1 : 0), auditAfterFirst);
        Assert.Equal(auditAfterFirst, await db.Data.CountAsync("audit_events", "entity_type = 'catalog'"));
        Assert.Equal(557, await db.Data.CountAsync("catalog_services"));
        Assert.Equal(5222, await db.Data.CountAsync("catalog_leika"));
        Assert.Equal(426 - 1, await db.Data.CountAsync("catalog_leika", "leika_key is null"));

        var renamed = set with { Services = set.Services.Select(s => s.OzgId == "10557" ? s with { Name = "Geburtsurkunde" } : s).ToList() };
        var third = await store.ImportAsync(renamed, null, default);
        Assert.Equal(1, third.Tables[2].Updated);
        Assert.Equal(556, third.Tables[2].Unchanged);
        await store.ImportAsync(set, null, default);
    }

    [Fact]
    public async Task Import_FailingHalfway_WritesNothing()
    {
        var store = new CatalogStore(db.Db);
        var set = new CatalogImportSet([new ThemenfeldRow(901, "Neu")], [], [new ServiceRow("99999", "Verwaist", null, 999)], [], 0, []);

        await Assert.ThrowsAsync<PostgresException>(() => store.ImportAsync(set, null, default));

        Assert.Equal(0, await db.Data.CountAsync("catalog_themenfelder", "id = 901"));
    }

    [Fact]
    public async Task Search_FindsByStemmedNameByOzgIdByLeikaNameAndFiltersByThemenfeld()
    {
        var store = new CatalogStore(db.Db);
        await store.ImportAsync(RealCatalogue(), null, default);

        var stemmed = await store.SearchAsync(new CatalogQuery("Bestattungen", null), new PageRequest(1, 50), default);
        var byId = await store.SearchAsync(new CatalogQuery("10519", null), new PageRequest(1, 50), default);
        var byLeika = await store.SearchAsync(new CatalogQuery("Sporthallen", null), new PageRequest(1, 50), default);
        var inThemenfeld = await store.SearchAsync(new CatalogQuery(null, 2), new PageRequest(1, 200), default);
        var themenfelder = await store.ListThemenfelderAsync(default);

        Assert.Contains(stemmed.Items, s => s.OzgId == "10227");
        Assert.Equal("Bauvorbescheid und Baugenehmigung", byId.Items[0].Name);
        Assert.Contains(byLeika.Items, s => s.OzgId == "10024");
        Assert.All(inThemenfeld.Items, s => Assert.Equal(2, s.ThemenfeldId));
        Assert.Equal(themenfelder.Single(t => t.Id == 2).ServiceCount, inThemenfeld.TotalCount);
        Assert.Equal(557, themenfelder.Sum(t => t.ServiceCount));
    }

    [Fact]
    public async Task FindUnknown_NamesOnlyIdsOutsideTheCatalogue()
    {
        var store = new CatalogStore(db.Db);

        Assert.Equal(["99998"], await store.FindUnknownAsync(["10557", "99998"], default));
    }

    [Fact]
    public async Task Get_ReturnsLeikaServicesOfTheSeed()
    {
        var details = await new CatalogStore(db.Db).GetAsync("10227", default);

        Assert.Equal("Bestattung", details!.Service.Name);
        Assert.Equal("Gesundheit", details.Service.ThemenfeldName);
        Assert.NotEmpty(details.Leika);
        Assert.Null(await new CatalogStore(db.Db).GetAsync("99999", default));
    }
}
