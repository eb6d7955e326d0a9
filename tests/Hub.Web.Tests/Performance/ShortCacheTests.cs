using Hub.Web.Common;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Hub.Web.Tests.Performance;

/// <summary>The in-memory cache of shared figures: one computation per key and lifetime, off at 0 s, and bounded.</summary>
public sealed class ShortCacheTests
{
    private static ShortCache Cache(params (string Key, string Value)[] settings) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build());

    [Fact]
    public async Task SameKey_IsComputedOnce_EvenWhenAskedInParallel()
    {
        using var cache = Cache();
        var loads = 0;
        async Task<string> Load(CancellationToken ct)
        {
            Interlocked.Increment(ref loads);
            await Task.Delay(50, ct);
            return "Wert";
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => cache.GetAsync("Probe", 30, "k", Load, default)));
        Assert.All(answers, a => Assert.Equal("Wert", a));
        Assert.Equal(1, loads);
    }

    [Fact]
    public async Task ZeroSeconds_ComputesEveryTime()
    {
        using var cache = Cache(("Hub:Cache:ProbeSeconds", "0"));
        var loads = 0;
        for (var i = 0; i < 3; i++)
            await cache.GetAsync("Probe", 30, "k", _ => Task.FromResult(Interlocked.Increment(ref loads)), default);
        Assert.Equal(3, loads);
    }

    [Fact]
    public async Task ManyDistinctKeys_KeepAtMostTheConfiguredNumberOfEntries()
    {
        using var cache = Cache(("Hub:Cache:Entries", "10"));
        for (var i = 0; i < 100; i++)
            await cache.GetAsync("Probe", 30, $"wort{i}", _ => Task.FromResult(i), default);
        await Task.Delay(200); // compaction runs in the background

        var stillCached = 0;
        for (var i = 0; i < 100; i++)
        {
            var fresh = false;
            await cache.GetAsync("Probe", 30, $"wort{i}", _ =>
            {
                fresh = true;
                return Task.FromResult(-1);
            }, default);
            if (!fresh)
                stillCached++;
        }

        Assert.InRange(stillCached, 1, 10);
    }
}
