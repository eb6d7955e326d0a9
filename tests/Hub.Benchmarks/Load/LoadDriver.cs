using System.Diagnostics;

namespace Hub.Benchmarks.Load;

/// <summary>One request of a scenario: what to send, with which client; the answer counts as an error unless it is 2xx.</summary>
internal delegate Task<HttpResponseMessage> Send(int client, Random random, CancellationToken ct);

/// <summary>What a scenario measured at one number of clients.</summary>
internal sealed record Measurement(
    string Scenario, int Clients, double Seconds, int Requests, int Errors, double RequestsPerSecond,
    double P50, double P95, double P99, double Max, double PeakMemoryMb, CpuSplit CpuMsPerRequest, string? FirstError);

/// <summary>
/// Closed-loop load: N clients each send a request, read the whole answer, and send the next, for a fixed time after a
/// warm-up. Latency is measured per request from sending to the last byte read; requests still running at the end are
/// not counted. The hub's peak resident memory during the run comes from its /proc status (the peak is reset first); the
/// CPU milliseconds per request of hub, PostgreSQL and load generator from <see cref="CpuMeter"/>.
/// </summary>
internal static class LoadDriver
{
    public static async Task<Measurement> RunAsync(string scenario, Send send, int clients, TimeSpan warmUp, TimeSpan duration, int hubProcessId, CpuMeter cpu, int seed)
    {
        await DriveAsync(send, clients, warmUp, seed + 1);
        ResetPeakMemory(hubProcessId);
        var cpuBefore = cpu.Read();
        var watch = Stopwatch.StartNew();
        var results = await DriveAsync(send, clients, duration, seed);
        var seconds = watch.Elapsed.TotalSeconds;
        var cpuUsed = cpu.Read() - cpuBefore;
        var latencies = results.SelectMany(r => r.Latencies).Order().ToArray();
        var errors = results.Sum(r => r.Errors);
        var requests = Math.Max(1, latencies.Length + errors);
        var cpuPerRequest = new CpuSplit(cpuUsed.HubSeconds * 1000 / requests, cpuUsed.PostgresSeconds * 1000 / requests, cpuUsed.LoadSeconds * 1000 / requests);
        double P(double p) => latencies.Length == 0 ? double.NaN : Measure.Percentile(latencies, p);
        return new Measurement(scenario, clients, seconds, latencies.Length, errors, latencies.Length / seconds,
            P(0.50), P(0.95), P(0.99), latencies.Length == 0 ? double.NaN : latencies[^1], PeakMemoryMb(hubProcessId), cpuPerRequest,
            results.Select(r => r.FirstError).FirstOrDefault(e => e is not null));
    }

    /// <summary>Load without measuring: the hub's code paths compiled to their final tier, its caches and pools filled.</summary>
    public static Task WarmUpAsync(Send send, int clients, TimeSpan duration, int seed) => DriveAsync(send, clients, duration, seed);

    private sealed class ClientResult
    {
        public List<double> Latencies { get; } = [];

        public int Errors { get; set; }

        public string? FirstError { get; set; }
    }

    private static async Task<ClientResult[]> DriveAsync(Send send, int clients, TimeSpan duration, int seed)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        using var stop = new CancellationTokenSource(duration + TimeSpan.FromSeconds(30));
        var results = Enumerable.Range(0, clients).Select(_ => new ClientResult()).ToArray();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(seed * 1000 + c);
            var result = results[c];
            while (Stopwatch.GetTimestamp() < end)
            {
                var started = Stopwatch.GetTimestamp();
                string? error = null;
                try
                {
                    using var response = await send(c, random, stop.Token);
                    var body = await response.Content.ReadAsByteArrayAsync(stop.Token);
                    if (!response.IsSuccessStatusCode)
                        error = $"{(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: {System.Text.Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 300)))}";
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
                {
                    error = e.GetType().Name + ": " + e.Message;
                }

                var finished = Stopwatch.GetTimestamp();
                if (finished > end)
                    break;
                if (error is null)
                {
                    result.Latencies.Add(Stopwatch.GetElapsedTime(started, finished).TotalMilliseconds);
                }
                else
                {
                    result.Errors++;
                    result.FirstError ??= error;
                }
            }
        })));
        return results;
    }

    /// <summary>Writing 5 to clear_refs resets the process's peak resident set (VmHWM) to its current size.</summary>
    private static void ResetPeakMemory(int pid)
    {
        try
        {
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public static double PeakMemoryMb(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
        }

        return double.NaN;
    }
}
