using Hub.Core.Catalog;

namespace Hub.Web.Catalog;

/// <summary><c>./hub import catalog DIR</c>: reads the four catalogue CSV files, checks them all, then upserts in one transaction.</summary>
public static class CatalogCli
{
    public static async Task<int> ImportAsync(ICatalogStore catalog, string? directory, TextWriter output, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(directory) || !Directory.Exists(directory))
        {
            await output.WriteLineAsync($"Usage: ./hub import catalog DIR  (DIR holds {string.Join(", ", CatalogImport.Files)}); '{directory}' is not a directory.");
            return 2;
        }

        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in CatalogImport.Files)
        {
            var path = Path.Combine(directory, name);
            if (File.Exists(path))
                files[name] = await File.ReadAllTextAsync(path, System.Text.Encoding.UTF8, ct);
        }

        await output.WriteLineAsync($"Reading the OZG catalogue from {Path.GetFullPath(directory)} …");
        var (set, errors) = CatalogImport.Parse(files);
        if (set is null)
        {
            foreach (var error in errors.Take(50))
                await output.WriteLineAsync("  " + error);
            if (errors.Count > 50)
                await output.WriteLineAsync($"  … and {errors.Count - 50} more.");
            await output.WriteLineAsync($"Nothing imported: {errors.Count} problem(s).");
            return 1;
        }

        foreach (var warning in set.Warnings)
            await output.WriteLineAsync("  warning: " + warning);
        var summary = await catalog.ImportAsync(set, new Progress(output), ct);
        await output.WriteLineAsync($"{"",-18} {"read",7} {"new",7} {"changed",8} {"unchanged",10}");
        foreach (var t in summary.Tables)
            await output.WriteLineAsync($"{t.Table,-18} {t.Read,7} {t.Inserted,7} {t.Updated,8} {t.Unchanged,10}");
        if (set.DuplicatesSkipped > 0)
            await output.WriteLineAsync($"{set.DuplicatesSkipped} identical repeated row(s) in the files were read once.");
        await output.WriteLineAsync(summary.ChangedAnything ? "Catalogue imported." : "Catalogue already up to date: nothing changed.");
        return 0;
    }

    private sealed class Progress(TextWriter output) : IProgress<string>
    {
        public void Report(string value) => output.WriteLine(value);
    }
}
