using System.Diagnostics;
using System.Globalization;

namespace Hub.Benchmarks;

/// <summary>Times one operation repeatedly after a warm-up and prints median, 95th percentile and maximum.</summary>
internal static class Measure
{
    public static async Task<double[]> RepeatAsync(string label, int warmUp, int count, Func<Task> operation)
    {
        for (var i = 0; i < warmUp; i++)
            await operation();
        var times = new double[count];
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            await operation();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: n={count}, median {Percentile(times, 0.5):F1} ms, p95 {Percentile(times, 0.95):F1} ms, max {times[^1]:F1} ms"));
        return times;
    }

    public static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    public static int Option(string[] args, string name, int fallback) =>
        int.TryParse(Option(args, name), CultureInfo.InvariantCulture, out var value) ? value : fallback;

    /// <summary>The value after <paramref name="name"/> on the command line, or null.</summary>
    public static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
