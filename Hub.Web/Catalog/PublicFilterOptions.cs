using Hub.Core.Releases;
using Hub.Web.Common;

namespace Hub.Web.Catalog;

/// <summary>The choices of the public catalogue's lead-organization and cooperation filters, and whether a list was cut.</summary>
public sealed record PublicFilterChoices(IReadOnlyList<(Guid Id, string Name)> Owners, IReadOnlyList<(Guid Id, string Name)> Cooperations, bool ChooseLandFirst);

/// <summary>
/// The public catalogue's filter choices (lead organizations and cooperations with an active release): the same for every
/// visitor and changed only by a release, so kept for <c>Hub:Cache:PublicFilterSeconds</c> (60 s) per Land instead of read
/// on every search (about 12 ms each on the Germany data set). A list longer than <see cref="MaxChoices"/> (all of
/// Germany: 2,315 lead organizations, 602 cooperations; 260 kB of options on every page, and no list anybody can choose
/// from) is offered per Land only: without a Land it holds just the chosen entry, and the page asks for a Land first.
/// </summary>
public sealed class PublicFilterOptions(IPublicCatalogue catalogue, ShortCache cache)
{
    public const int MaxChoices = 150;

    public async Task<PublicFilterChoices> ChoicesAsync(PublicQuery query, CancellationToken ct)
    {
        var land = query.LandCode;
        var owners = await cache.GetAsync("PublicFilter", 60, "owners:" + land, c => catalogue.OwnersAsync(land, c), ct);
        var cooperations = await cache.GetAsync("PublicFilter", 60, "cooperations:" + land, c => catalogue.CooperationsAsync(land, c), ct);
        return new PublicFilterChoices(Offered(owners, query.OwnerId), Offered(cooperations, query.CooperationId),
            owners.Count > MaxChoices || cooperations.Count > MaxChoices);
    }

    /// <summary>The whole list, or when it is too long only the chosen entry.</summary>
    private static IReadOnlyList<(Guid Id, string Name)> Offered(IReadOnlyList<(Guid Id, string Name)> all, Guid? chosen) =>
        all.Count > MaxChoices ? all.Where(e => e.Id == chosen).ToList() : all;
}
