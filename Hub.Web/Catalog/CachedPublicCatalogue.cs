using Hub.Core.Common;
using Hub.Core.Releases;
using Hub.Data.Releases;
using Hub.Web.Common;

namespace Hub.Web.Catalog;

/// <summary>
/// The public catalogue's search results are the same for every visitor (released content only, nobody's own view), so a
/// page of results is kept for <c>Hub:Cache:PublicSearchSeconds</c> (30 s) per query, filters and page: a common word
/// ranks thousands of matches (6-8 ms of PostgreSQL on the Germany data set). Not the HTML: every page carries its own CSP
/// nonce. A service's own page is always read fresh, so a release withdrawn a moment ago may stay listed for up to 30 s
/// but never shows as active when opened. Everything else passes through.
/// </summary>
public sealed class CachedPublicCatalogue(PublicCatalogueStore inner, ShortCache cache) : IPublicCatalogue
{
    public Task<Page<PublicService>> SearchAsync(PublicQuery query, PageRequest page, CancellationToken ct) =>
        cache.GetAsync("PublicSearch", 30,
            $"{query.Text}\u001f{query.ThemenfeldId}\u001f{query.OwnerId}\u001f{query.CooperationId}\u001f{query.MinReifegrad}\u001f{query.LandCode}\u001f{page.Number}\u001f{page.Size}",
            c => inner.SearchAsync(query, page, c), ct);

    public Task<PublicService?> GetAsync(Guid draftId, CancellationToken ct) => inner.GetAsync(draftId, ct);

    public Task<IReadOnlyList<FeedEntry>> FeedAsync(int? themenfeldId, Guid? draftId, int count, CancellationToken ct) => inner.FeedAsync(themenfeldId, draftId, count, ct);

    public Task<IReadOnlyList<(Guid Id, string Name)>> OwnersAsync(string? landCode, CancellationToken ct) => inner.OwnersAsync(landCode, ct);

    public Task<IReadOnlyList<(Guid Id, string Name)>> CooperationsAsync(string? landCode, CancellationToken ct) => inner.CooperationsAsync(landCode, ct);
}
