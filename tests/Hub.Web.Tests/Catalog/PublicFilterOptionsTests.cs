using Hub.Core.Common;
using Hub.Core.Releases;
using Hub.Web.Catalog;
using Hub.Web.Common;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Hub.Web.Tests.Catalog;

/// <summary>
/// Which lead organizations and cooperations the public catalogue offers as filters: a list anybody can choose from
/// (whole up to <see cref="PublicFilterOptions.MaxChoices"/>, else per Land), and never losing the filter already chosen.
/// The lists are given (the store's SQL is covered by the catalogue's page tests); this is the choice between them.
/// </summary>
public sealed class PublicFilterOptionsTests
{
    private sealed class Lists(int owners, int cooperations) : IPublicCatalogue
    {
        public static (Guid, string) Entry(int i) => (new Guid(i, 0, 0, new byte[8]), $"Nr. {i}");

        public Task<IReadOnlyList<(Guid Id, string Name)>> OwnersAsync(string? landCode, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<(Guid, string)>>(Enumerable.Range(1, landCode is null ? owners : 3).Select(Entry).ToList());

        public Task<IReadOnlyList<(Guid Id, string Name)>> CooperationsAsync(string? landCode, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<(Guid, string)>>(Enumerable.Range(1, landCode is null ? cooperations : 2).Select(Entry).ToList());

        public Task<Page<PublicService>> SearchAsync(PublicQuery query, PageRequest page, CancellationToken ct) => throw new NotSupportedException();

        public Task<PublicService?> GetAsync(Guid draftId, CancellationToken ct) => throw new NotSupportedException();

        public Task<IReadOnlyList<FeedEntry>> FeedAsync(int? themenfeldId, Guid? draftId, int count, CancellationToken ct) => throw new NotSupportedException();
    }

    private static PublicFilterOptions Options(int owners, int cooperations) =>
        new(new Lists(owners, cooperations), new ShortCache(new ConfigurationBuilder().Build()));

    private static PublicQuery Query(string? land = null, Guid? owner = null, Guid? cooperation = null) => new(null, null, owner, cooperation, null, land);

    [Fact]
    public async Task ShortLists_AreOfferedWhole()
    {
        var choices = await Options(PublicFilterOptions.MaxChoices, 40).ChoicesAsync(Query(), default);
        Assert.Equal(PublicFilterOptions.MaxChoices, choices.Owners.Count);
        Assert.Equal(40, choices.Cooperations.Count);
        Assert.False(choices.ChooseLandFirst);
    }

    [Fact]
    public async Task NationalLists_WithoutALand_HoldOnlyTheChosenEntry_AndAskForALand()
    {
        var chosen = Lists.Entry(777);
        var choices = await Options(2315, 602).ChoicesAsync(Query(owner: chosen.Item1), default);
        Assert.Equal([chosen], choices.Owners);
        Assert.Empty(choices.Cooperations);
        Assert.True(choices.ChooseLandFirst);
    }

    [Fact]
    public async Task NationalLists_WithALand_OfferThatLandsEntries()
    {
        var choices = await Options(2315, 602).ChoicesAsync(Query(land: "06"), default);
        Assert.Equal(3, choices.Owners.Count);
        Assert.Equal(2, choices.Cooperations.Count);
        Assert.False(choices.ChooseLandFirst);
    }
}
