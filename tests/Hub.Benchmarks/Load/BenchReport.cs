using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Hub.Benchmarks.Load;

internal sealed record ScenarioResult(
    string Scenario, string Target, int Clients, int Requests, int Errors, double RequestsPerSecond, double P50Ms, double P95Ms, double P99Ms,
    double MaxMs, double RatioToYardstick, double PeakMemoryMb, double HubCpuMsPerRequest, double PostgresCpuMsPerRequest, double LoadCpuMsPerRequest,
    bool? MeetsTarget, string? FirstError);

internal sealed record BenchRunReport(
    DateTimeOffset Date, string Machine, string Scale, double SecondsPerRun, int[] Clients, double HubPeakMemoryMb, double DatabaseSizeMb,
    IReadOnlyList<ScenarioResult> Results);

/// <summary>The run's figures as JSON (bench/results) and as a table; ratios are to the yardstick at the same number of clients.</summary>
internal static class BenchReport
{
    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static BenchRunReport Create(string scale, double seconds, int[] clients, IReadOnlyList<Scenario> scenarios, IReadOnlyList<Measurement> measurements, double hubPeakMb, long databaseBytes)
    {
        var yardstick = measurements.Where(m => m.Scenario == BenchScenarios.Yardstick).ToDictionary(m => m.Clients, m => m.RequestsPerSecond);
        var results = measurements.Select(m =>
        {
            var scenario = scenarios.First(s => s.Name == m.Scenario);
            var ratio = yardstick.TryGetValue(m.Clients, out var y) && y > 0 ? Math.Round(m.RequestsPerSecond / y, 3) : double.NaN;
            // Targets are stated for 16 clients.
            bool? meets = m.Clients != 16 || scenario.P95TargetMs is null ? null
                : m.P95 < scenario.P95TargetMs && m.Errors == 0 && (scenario.MinRatio is null || ratio >= scenario.MinRatio);
            return new ScenarioResult(m.Scenario, scenario.Target, m.Clients, m.Requests, m.Errors, Round(m.RequestsPerSecond), Round(m.P50), Round(m.P95), Round(m.P99),
                Round(m.Max), ratio, Round(m.PeakMemoryMb), Round(m.CpuMsPerRequest.HubSeconds), Round(m.CpuMsPerRequest.PostgresSeconds), Round(m.CpuMsPerRequest.LoadSeconds),
                meets, m.FirstError);
        }).ToList();
        return new BenchRunReport(DateTimeOffset.UtcNow, Machine(), scale, seconds, clients, Round(hubPeakMb), Round(databaseBytes / 1048576.0), results);
    }

    public static string Table(BenchRunReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{report.Date:yyyy-MM-dd HH:mm} UTC · {report.Machine} · data set {report.Scale} ({report.DatabaseSizeMb:F0} MB) · {report.SecondsPerRun:F0} s per run");
        text.AppendLine("| scenario | clients | req/s | p50 ms | p95 ms | p99 ms | errors | × yardstick | peak MB | CPU ms/req hub | PostgreSQL | load | target (16 clients) | met |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var r in report.Results)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Scenario} | {r.Clients} | {r.RequestsPerSecond:F0} | {r.P50Ms:F1} | {r.P95Ms:F1} | {r.P99Ms:F1} | {r.Errors} | {r.RatioToYardstick:F2} | {r.PeakMemoryMb:F0} | {r.HubCpuMsPerRequest:F2} | {r.PostgresCpuMsPerRequest:F2} | {r.LoadCpuMsPerRequest:F2} | {r.Target} | {(r.MeetsTarget is { } m ? (m ? "yes" : "NO") : "")} |");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Hub peak memory over the whole run: {report.HubPeakMemoryMb:F0} MB (target < 500 MB)");
        return text.ToString();
    }

    private static double Round(double value) => double.IsFinite(value) ? Math.Round(value, 2) : value;

    private static string Machine()
    {
        var memory = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores, {long.Parse(memory, CultureInfo.InvariantCulture) / 1048576.0:F0} GiB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
    }
}
