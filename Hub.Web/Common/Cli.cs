using System.Diagnostics;
using Npgsql;

namespace Hub.Web.Common;

internal static class Cli
{
    /// <summary>Opens psql on the hub's database with the terminal attached.</summary>
    public static async Task<int> RunPsqlAsync(string connectionString, string[] extraArgs)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var info = new ProcessStartInfo("psql") { UseShellExecute = false };
        info.Environment["PGHOST"] = cs.Host;
        info.Environment["PGPORT"] = cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["PGUSER"] = cs.Username;
        info.Environment["PGPASSWORD"] = cs.Password;
        info.Environment["PGDATABASE"] = cs.Database;
        foreach (var arg in extraArgs)
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start psql.");
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
