using Hub.Core.Catalog;
using Hub.Core.Common;
using Hub.Data.Catalog;
using Hub.Web.Common;

namespace Hub.Web.Catalog;

/// <summary>
/// The Themenfelder with their service counts change only when the OZG catalogue is imported (<c>./hub import</c>, its
/// own process), yet the public catalogue, the release list and the OZG catalogue ask for them on every page; they are
/// kept for <c>Hub:Cache:ThemenfelderSeconds</c> (300 s), so an import shows on those filters within five minutes.
/// Everything else passes through.
/// </summary>
public sealed class CachedCatalogStore(CatalogStore inner, ShortCache cache) : ICatalogStore
{
    public Task<IReadOnlyList<Themenfeld>> ListThemenfelderAsync(CancellationToken ct) =>
        cache.GetAsync("Themenfelder", 300, "all", inner.ListThemenfelderAsync, ct);

    public Task<Page<CatalogService>> SearchAsync(CatalogQuery query, PageRequest page, CancellationToken ct) => inner.SearchAsync(query, page, ct);

    public Task<CatalogServiceDetails?> GetAsync(string ozgId, CancellationToken ct) => inner.GetAsync(ozgId, ct);

    public Task<IReadOnlyList<string>> FindUnknownAsync(IReadOnlyCollection<string> ozgIds, CancellationToken ct) => inner.FindUnknownAsync(ozgIds, ct);

    public Task<CatalogImportSummary> ImportAsync(CatalogImportSet set, IProgress<string>? progress, CancellationToken ct) => inner.ImportAsync(set, progress, ct);
}
