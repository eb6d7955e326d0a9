using System.Text.Json;
using Hub.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Hub.Web.Tests.Performance;

/// <summary>Runs alone: the benchmark puts the whole machine under load on purpose.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BenchRunsAlone
{
    public const string Name = "benchmark smoke run";
}

/// <summary>
/// <c>./hub bench run --quick</c> on the hessen data set (seeded when missing), so the benchmark itself cannot rot:
/// it must start the hub, sign its people in, drive every scenario at 1 and 16 clients without a single error and
/// write its JSON. The figures are printed, never asserted (benchmarks are not tests).
/// </summary>
[Collection(BenchRunsAlone.Name)]
[Trait("Speed", "Slow")]
public sealed class BenchSmokeTests(ITestOutputHelper output)
{
    private static readonly string[] _scenarios =
    [
        "Fortunes-Yardstick", "Untergrenze angemeldet (Passwortseite)", "Meine Aufgaben (Prüferin)", "Entwurfsseite", "Katalogsuche (öffentlich)", "Vergleich 20 kB",
        "Dashboard Organisation", "Dashboard Verbund", "Dashboard Deutschland", "Schreiblast gemischt",
    ];

    [Fact]
    public async Task QuickRun_DrivesEveryScenarioWithoutErrors_AndWritesItsResults()
    {
        var results = Directory.CreateTempSubdirectory("ikzhub-bench-");
        var run = await BenchCommand.RunAsync(TimeSpan.FromMinutes(4), "run", "--quick", "--out", results.FullName);
        output.WriteLine(run.Stdout);
        Assert.True(run.ExitCode == 0, $"bench run --quick exited with {run.ExitCode}:\n{run.Stderr}\n{run.Stdout}");

        var file = Assert.Single(results.GetFiles("*-hessen-quick.json"));
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(file.FullName));
        var rows = report.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(_scenarios.Length * 2, rows.Count);
        foreach (var name in _scenarios)
        {
            foreach (var clients in new[] { 1, 16 })
            {
                var row = rows.Single(r => r.GetProperty("scenario").GetString() == name && r.GetProperty("clients").GetInt32() == clients);
                Assert.True(row.GetProperty("requests").GetInt32() > 0, $"{name} at {clients} clients made no request");
                Assert.True(row.GetProperty("errors").GetInt32() == 0, $"{name} at {clients} clients: {row.GetProperty("firstError")}");
                Assert.True(row.GetProperty("p95Ms").GetDouble() > 0);
                Assert.True(row.GetProperty("ratioToYardstick").GetDouble() > 0);
            }
        }

        Assert.True(report.RootElement.GetProperty("hubPeakMemoryMb").GetDouble() > 50, "the hub's peak memory was not read");
        Assert.Contains("| Dashboard Deutschland | 16 |", run.Stdout);
        results.Delete(recursive: true);
    }
}
