using System.Diagnostics;
using Hub.Testing;

namespace Hub.Web.Tests.Performance;

/// <summary>The benchmark command (tests/Hub.Benchmarks, built with the solution) as its own process.</summary>
internal static class BenchCommand
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    public static async Task<Outcome> RunAsync(TimeSpan timeout, params string[] args)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<configuration>/net10.0/
        var bench = Path.Combine(Repository.Root, "tests", "Hub.Benchmarks", "bin", configuration, "net10.0", "Hub.Benchmarks.dll");
        if (!File.Exists(bench))
            throw new InvalidOperationException($"{bench} is missing: build the solution first");
        var info = new ProcessStartInfo("dotnet", [bench, .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Repository.Root,
        };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return new Outcome(process.ExitCode, await stdout, await stderr);
    }
}
