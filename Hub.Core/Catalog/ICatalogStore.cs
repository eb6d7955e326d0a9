using Hub.Core.Common;

namespace Hub.Core.Catalog;

public interface ICatalogStore
{
    /// <summary>The Themenfelder with the number of OZG-Leistungen in each.</summary>
    Task<IReadOnlyList<Themenfeld>> ListThemenfelderAsync(CancellationToken ct);

    /// <summary>Search by OZG-ID, by name (German stemming) or by the name of a LeiKa service in it.</summary>
    Task<Page<CatalogService>> SearchAsync(CatalogQuery query, PageRequest page, CancellationToken ct);

    /// <summary>The service with its LeiKa services and its active releases (public facts), or null.</summary>
    Task<CatalogServiceDetails?> GetAsync(string ozgId, CancellationToken ct);

    /// <summary>Which of the given OZG-IDs are not in the catalogue.</summary>
    Task<IReadOnlyList<string>> FindUnknownAsync(IReadOnlyCollection<string> ozgIds, CancellationToken ct);

    /// <summary>Inserts or updates every row in one transaction; rows that are already equal are left untouched.</summary>
    Task<CatalogImportSummary> ImportAsync(CatalogImportSet set, IProgress<string>? progress, CancellationToken ct);
}

public static class CatalogLinks
{
    /// <summary>Adds a field error for OZG-IDs that are well-formed but not in the catalogue.</summary>
    public static async Task CheckAsync(this ICatalogStore catalog, FieldValidator v, IReadOnlyCollection<string>? ozgIds, CancellationToken ct)
    {
        if (v.HasErrors || ozgIds is null || ozgIds.Count == 0)
            return;
        var unknown = await catalog.FindUnknownAsync(ozgIds, ct);
        if (unknown.Count > 0)
            v.Add("catalogServiceIds", "Nicht im OZG-Katalog: {0}.", string.Join(", ", unknown));
    }
}
