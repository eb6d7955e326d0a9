using Hub.Core.Common;
using Hub.Core.Tenancy;

namespace Hub.Web.Tenancy;

/// <summary><c>./hub import organizations FILE... [--land 06]</c>: municipalities and Kreise from the Destatis Gemeindeverzeichnis format.</summary>
public static class OrganizationCli
{
    public static async Task<int> ImportAsync(IOrganizationStore organizations, IClock clock, IReadOnlyList<string> args, TextWriter output, CancellationToken ct)
    {
        var land = args.SkipWhile(a => a != "--land").Skip(1).FirstOrDefault();
        var paths = args.TakeWhile(a => a != "--land").ToList();
        if (paths.Count == 0 || paths.Any(p => !File.Exists(p)))
        {
            await output.WriteLineAsync("Usage: ./hub import organizations FILE [FILE ...] [--land 06]  (files in the format of gemeinden.csv / kreise.csv); "
                + $"missing: {string.Join(", ", paths.Where(p => !File.Exists(p)).DefaultIfEmpty("a file"))}");
            return 2;
        }

        var files = new List<(string, string)>();
        foreach (var path in paths)
            files.Add((Path.GetFileName(path), await File.ReadAllTextAsync(path, System.Text.Encoding.UTF8, ct)));
        await output.WriteLineAsync($"Reading {string.Join(", ", paths.Select(Path.GetFileName))}{(land is null ? "" : $" (Land {land})")} …");
        var (rows, errors) = OrganizationImport.Parse(files, land);
        if (errors.Count > 0)
        {
            foreach (var error in errors.Take(50))
                await output.WriteLineAsync("  " + error);
            await output.WriteLineAsync($"Nothing imported: {errors.Count} problem(s).");
            return 1;
        }

        await output.WriteLineAsync($"Writing {rows.Count} organizations …");
        var summary = await organizations.ImportAsync(rows, clock.UtcNow, ct);
        await output.WriteLineAsync($"Organizations: {summary.Read} read, {summary.Inserted} new, {summary.Updated} changed, {summary.Unchanged} unchanged.");
        await output.WriteLineAsync(summary.Inserted + summary.Updated > 0 ? "Organizations imported." : "Organizations already up to date: nothing changed.");
        return 0;
    }
}
