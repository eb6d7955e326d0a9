using Microsoft.Extensions.Caching.Memory;

namespace Hub.Web.Common;

/// <summary>
/// Figures that are the same for everyone allowed to see them and may be a few seconds old (the public catalogue's
/// filter choices and search results, a Land's dashboard), kept in memory for <c>Hub:Cache:{name}Seconds</c>. One
/// computation per key at a time: when an entry expires under load, the first caller computes it and the others wait for
/// that result instead of all asking PostgreSQL at once. 0 seconds turns the cache off (the tests read their own writes
/// at once). Bounded: at most <c>Hub:Cache:Entries</c> entries (1,000; the least used go first), and a fixed set of
/// gates, so that visitors searching for ever new words cannot make it grow. Never for anything that depends on who
/// asks: authorization happens before, in Core.
/// </summary>
public sealed class ShortCache(IConfiguration configuration) : IDisposable
{
    private const int Gates = 64;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = configuration.GetValue("Hub:Cache:Entries", 1000) });
    private readonly SemaphoreSlim[] _gates = Enumerable.Range(0, Gates).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    private TimeSpan Lifetime(string name, int defaultSeconds) =>
        TimeSpan.FromSeconds(configuration.GetValue($"Hub:Cache:{name}Seconds", defaultSeconds));

    /// <param name="size">How many of the <c>Hub:Cache:Entries</c> a value takes (default one); large values take more.</param>
    public async Task<T> GetAsync<T>(string name, int defaultSeconds, string key, Func<CancellationToken, Task<T>> load, CancellationToken ct, Func<T, long>? size = null)
    {
        var lifetime = Lifetime(name, defaultSeconds);
        if (lifetime <= TimeSpan.Zero)
            return await load(ct);
        var fullKey = name + ":" + key;
        if (_cache.TryGetValue(fullKey, out T? hit) && hit is not null)
            return hit;
        // Keys sharing a gate wait for each other's computation (only on a miss); the same key never computes twice at once.
        var gate = _gates[(fullKey.GetHashCode() & int.MaxValue) % Gates];
        await gate.WaitAsync(ct);
        try
        {
            if (_cache.TryGetValue(fullKey, out hit) && hit is not null)
                return hit;
            var value = await load(ct);
            _cache.Set(fullKey, value, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime, Size = Math.Max(1, size?.Invoke(value) ?? 1) });
            return value;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        _cache.Dispose();
        foreach (var gate in _gates)
            gate.Dispose();
    }
}
