using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Hub.Testing.Web;

/// <summary>
/// The hub as its own process (<c>dotnet Hub.Web.dll serve</c>) on a free loopback port, for tests that kill it and for the
/// load benchmark that measures it from outside. Started with the given settings (environment variables); ready when
/// <c>/healthz</c> answers 200. Disposing kills it.
/// </summary>
public sealed class HubProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private HubProcess(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the hub wrote (for a failure message).</summary>
    public string Tail => string.Join('\n', _output.TakeLast(30));

    /// <summary>Settings every hub started this way shares: plain HTTP on loopback, no demo reference files, no sign-in limit.</summary>
    public static Dictionary<string, string> Settings(string ownerConnectionString, string appConnectionString) => new()
    {
        ["ConnectionStrings__Hub"] = ownerConnectionString,
        ["ConnectionStrings__HubApp"] = appConnectionString,
        ["Hub__Cookies__AllowHttp"] = "true",
        ["Hub__SignIn__MaxFailuresPerSource"] = "100000",
        ["Hub__Demo__ReferenceData"] = "",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
    };

    public static async Task<HubProcess> StartAsync(string webDll, IReadOnlyDictionary<string, string> settings, TimeSpan timeout)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var info = new ProcessStartInfo("dotnet", [webDll, "serve"])
        {
            WorkingDirectory = Path.Combine(Repository.Root, "Hub.Web"),
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in settings)
            info.Environment[key] = value;
        info.Environment["ASPNETCORE_URLS"] = url;
        var hub = new HubProcess(Process.Start(info)!, url);
        hub._process.OutputDataReceived += (_, e) => hub.Keep(e.Data);
        hub._process.ErrorDataReceived += (_, e) => hub.Keep(e.Data);
        hub._process.BeginOutputReadLine();
        hub._process.BeginErrorReadLine();
        using var client = new HttpClient();
        var started = Stopwatch.StartNew();
        while (true)
        {
            if (hub._process.HasExited)
                throw new InvalidOperationException($"the hub exited with {hub._process.ExitCode}:\n{hub.Tail}");
            if (started.Elapsed > timeout)
            {
                hub.Dispose();
                throw new TimeoutException($"the hub did not become healthy within {timeout.TotalSeconds:F0} s:\n{hub.Tail}");
            }

            try
            {
                if ((await client.GetAsync(url + "/healthz")).StatusCode == HttpStatusCode.OK)
                    return hub;
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }
    }

    /// <summary>The Hub.Web.dll built beside the calling assembly (tests) or in the project's own output (the benchmark).</summary>
    public static string WebDll()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "Hub.Web.dll");
        return File.Exists(beside) ? beside : Path.Combine(Repository.Root, "Hub.Web", "bin", "Release", "net10.0", "Hub.Web.dll");
    }

    public void Kill() => _process.Kill(entireProcessTree: true);

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        _output.Enqueue(line);
        while (_output.Count > 200)
            _output.TryDequeue(out _);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
