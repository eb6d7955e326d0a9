using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;

namespace Hub.Web.Common;

/// <summary>
/// Figures that are the same for everyone allowed to see them and may be a few seconds old (the public catalogue's
/// filter choices, a Land's dashboard), kept in memory for <c>Hub:Cache:{name}Seconds</c>. One computation per key at a
/// time: when an entry expires under load, the first caller computes it and the others wait for that result instead of
/// all asking PostgreSQL at once. 0 seconds turns the cache off (the tests read their own writes at once).
/// Never for anything that depends on who asks: authorization happens before, in Core.
/// </summary>
public sealed class ShortCache(IMemoryCache cache, IConfiguration configuration)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    private TimeSpan Lifetime(string name, int defaultSeconds) =>
        TimeSpan.FromSeconds(configuration.GetValue($"Hub:Cache:{name}Seconds", defaultSeconds));

    public async Task<T> GetAsync<T>(string name, int defaultSeconds, string key, Func<CancellationToken, Task<T>> load, CancellationToken ct)
    {
        var lifetime = Lifetime(name, defaultSeconds);
        if (lifetime <= TimeSpan.Zero)
            return await load(ct);
        var fullKey = name + ":" + key;
        if (cache.TryGetValue(fullKey, out T? hit) && hit is not null)
            return hit;
        var gate = _gates.GetOrAdd(fullKey, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (cache.TryGetValue(fullKey, out hit) && hit is not null)
                return hit;
            var value = await load(ct);
            cache.Set(fullKey, value, lifetime);
            return value;
        }
        finally
        {
            gate.Release();
        }
    }
}
