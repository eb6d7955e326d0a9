using System.Globalization;

namespace Hub.Benchmarks.Load;

/// <summary>CPU time (user + system) spent by the hub, by PostgreSQL and by the load generator itself during a run.</summary>
internal sealed record CpuSplit(double HubSeconds, double PostgresSeconds, double LoadSeconds)
{
    public static CpuSplit operator -(CpuSplit after, CpuSplit before) =>
        new(after.HubSeconds - before.HubSeconds, after.PostgresSeconds - before.PostgresSeconds, after.LoadSeconds - before.LoadSeconds);
}

/// <summary>
/// Reads /proc: the hub's own CPU time; PostgreSQL's as the postmaster's own plus that of its waited-for children (the
/// backends that ended) plus that of every live child (the pooled backends, the WAL writer, …); the load generator's as
/// this process's. Where the milliseconds of a request go is the difference over a run divided by its requests.
/// </summary>
internal sealed class CpuMeter(int hubProcessId, int postmasterProcessId)
{
    private const double TicksPerSecond = 100; // USER_HZ, 100 on every Linux this runs on

    public static int PostmasterPid(string dataDirectory) =>
        int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);

    public CpuSplit Read() => new(
        Ticks(hubProcessId, children: false) / TicksPerSecond,
        (Ticks(postmasterProcessId, children: true) + ChildrenOf(postmasterProcessId).Sum(pid => Ticks(pid, children: false))) / TicksPerSecond,
        Ticks(Environment.ProcessId, children: false) / TicksPerSecond);

    private static long Ticks(int pid, bool children)
    {
        var fields = Fields(pid);
        if (fields is null)
            return 0;
        // After "pid (comm) ": state is field 3, so utime/stime/cutime/cstime (fields 14–17) are at 11–14 here.
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        if (children)
            ticks += long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
        return ticks;
    }

    private static IEnumerable<int> ChildrenOf(int parent)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                continue;
            var fields = Fields(pid);
            if (fields is not null && fields[1] == parent.ToString(CultureInfo.InvariantCulture))
                yield return pid;
        }
    }

    /// <summary>The fields of /proc/PID/stat after the command name (which may hold spaces): [0] state, [1] ppid, …</summary>
    private static string[]? Fields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // the process ended meanwhile
        }
    }
}
