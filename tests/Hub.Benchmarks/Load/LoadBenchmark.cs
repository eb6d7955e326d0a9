using System.Globalization;
using System.Text.Json;
using Hub.Benchmarks.Seed;
using Hub.Data.Common;
using Hub.Data.Embedded;
using Hub.Data.Migrations;
using Hub.Testing;
using Hub.Testing.Web;
using Npgsql;

namespace Hub.Benchmarks.Load;

/// <summary>
/// <c>./hub bench run [--scale germany|hessen] [--seconds 20] [--clients 1,16,64] [--quick] [--out DIR]</c>: the hub in
/// Release mode as its own process on the generated data set (seeded first when missing), warmed up, then driven over
/// loopback by <see cref="LoadDriver"/> for each scenario and number of clients. Prints a table and writes
/// <c>bench/results/DATE-SCALE.json</c>. <c>--quick</c> is the smoke run (hessen, 1 and 16 clients, 2 s each) that
/// <c>./hub test</c> makes so the benchmark itself cannot rot. Figures only: nothing here asserts a timing.
/// </summary>
internal static class LoadBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var scale = Measure.Option(args, "--scale") ?? (quick ? "hessen" : "germany");
        var seconds = double.Parse(Measure.Option(args, "--seconds") ?? (quick ? "2" : "20"), CultureInfo.InvariantCulture);
        var clients = (Measure.Option(args, "--clients") ?? (quick ? "1,16" : "1,16,64")).Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
        var only = Measure.Option(args, "--only");
        var output = Measure.Option(args, "--out") ?? Path.Combine(Repository.Root, "bench", "results");
        var home = BenchSeed.Home(scale);
        var reason = !File.Exists(Path.Combine(home, "app-password")) ? $"No '{scale}' data set in {home}" : await OutdatedAsync(home);
        if (reason is not null)
        {
            Console.WriteLine($"{reason}: seeding it (again) first.");
            var seeded = await BenchSeed.RunAsync(["--scale", scale]);
            if (seeded != 0)
                return seeded;
        }

        await using var cluster = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { Home = home, Durable = false });
        await using var owner = HubDatabase.CreateDataSource(cluster.ConnectionString);
        var appPassword = (await File.ReadAllTextAsync(Path.Combine(home, "app-password"))).Trim();
        // --pg-options replaces the hub's own PostgreSQL options (e.g. "-c jit=off -c plan_cache_mode=auto") to compare settings.
        var appConnection = new NpgsqlConnectionStringBuilder(AppRole.ConnectionString(cluster.ConnectionString, appPassword));
        if (Measure.Option(args, "--pg-options") is { } pgOptions)
            appConnection.Options = pgOptions;
        var settings = HubProcess.Settings(cluster.ConnectionString, appConnection.ConnectionString);
        settings["HUB_DEMO"] = "0";
        settings["Hub__Bench__Yardstick"] = "true";
        settings["Logging__LogLevel__Default"] = "Warning";
        // --hub-settings "Hub__Cache__DraftPageSeconds=0;…" sets the hub's configuration (e.g. to measure without a cache).
        foreach (var pair in (Measure.Option(args, "--hub-settings") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (key, value) = pair.IndexOf('=', StringComparison.Ordinal) is > 0 and var at ? (pair[..at], pair[(at + 1)..]) : throw new ArgumentException($"--hub-settings: '{pair}' is not KEY=VALUE");
            settings[key] = value;
        }

        using var hub = await HubProcess.StartAsync(HubProcess.WebDll(), settings, TimeSpan.FromMinutes(5));
        Console.WriteLine($"Hub (pid {hub.Id}) on {hub.Url}, data set '{scale}', {seconds:F0} s per scenario and level, clients {string.Join("/", clients)}.");

        var cpu = new CpuMeter(hub.Id, CpuMeter.PostmasterPid(cluster.DataDirectory));
        var scenarios = await BenchScenarios.PrepareAsync(owner, hub.Url, BenchSeed.Password, clients.Max());
        if (only is not null)
            scenarios = scenarios.Where(s => s.Name == BenchScenarios.Yardstick || s.Name.Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();
        var warmUp = TimeSpan.FromSeconds(Math.Min(5, Math.Max(1, seconds / 4)));
        // The hub just started: every scenario once before any is measured, so that the first ones measured (the yardstick
        // above all) do not pay for the JIT's tiers and the pools' growth alone (measured: the yardstick at 3,100-3,800
        // req/s right after the start, 11,000 ten seconds later).
        foreach (var scenario in scenarios)
            await LoadDriver.WarmUpAsync(scenario.Send, clients.Max(), warmUp, seed: 1);
        var results = new List<Measurement>();
        foreach (var scenario in scenarios)
        {
            foreach (var n in clients)
            {
                var m = await LoadDriver.RunAsync(scenario.Name, scenario.Send, n, warmUp, TimeSpan.FromSeconds(seconds), hub.Id, cpu, seed: 20261122 + n);
                results.Add(m);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {m.Scenario,-28} {n,3} clients: {m.RequestsPerSecond,8:F0} req/s, p50 {m.P50,7:F1} ms, p95 {m.P95,7:F1} ms, p99 {m.P99,7:F1} ms, errors {m.Errors}, peak {m.PeakMemoryMb:F0} MB, CPU ms/req hub {m.CpuMsPerRequest.HubSeconds:F2} pg {m.CpuMsPerRequest.PostgresSeconds:F2} load {m.CpuMsPerRequest.LoadSeconds:F2}"));
                if (m.FirstError is not null)
                    Console.WriteLine("      first error: " + m.FirstError);
            }
        }

        var report = BenchReport.Create(scale, seconds, clients, scenarios, results, results.Max(r => r.PeakMemoryMb), await BenchSeed.DatabaseSizeAsync(owner));
        Directory.CreateDirectory(output);
        var file = Path.Combine(output, $"{DateTime.UtcNow:yyyy-MM-dd-HHmm}-{scale}{(quick ? "-quick" : "")}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(report, BenchReport.Json));
        Console.WriteLine();
        Console.WriteLine(BenchReport.Table(report));
        Console.WriteLine($"Results: {file}");
        return hub.HasExited ? 1 : 0;
    }

    /// <summary>
    /// Brings the data set's schema up to date with the migrations; a data set made before one of them was changed
    /// (only possible while that migration is still unreleased) cannot be, and is seeded again rather than failing.
    /// </summary>
    private static async Task<string?> OutdatedAsync(string home)
    {
        await using var cluster = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { Home = home, Durable = false });
        await using var owner = HubDatabase.CreateDataSource(new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { CommandTimeout = 0 }.ConnectionString);
        try
        {
            await new MigrationRunner(owner).ApplyAsync(SchemaScripts.Embedded());
            return null;
        }
        catch (MigrationException e)
        {
            return "The data set's schema does not match the migrations (" + e.Message + ")";
        }
        finally
        {
            await cluster.StopAsync();
        }
    }
}
