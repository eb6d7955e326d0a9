using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Hub.Data.Migrations;

/// <summary>One numbered SQL file of migrations/.</summary>
public sealed partial record Migration(int Version, string FileName, string Sql)
{
    /// <summary>SHA-256 of the text with line endings normalised, so a checkout on another OS does not look edited.</summary>
    public string Checksum { get; } = Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes(Sql.Replace("\r\n", "\n", StringComparison.Ordinal))));

    public static Migration Parse(string fileName, string sql)
    {
        var match = FileNamePattern().Match(fileName);
        if (!match.Success)
            throw new InvalidOperationException($"Migration file name '{fileName}' does not match NNNN_what_it_does.sql.");
        return new Migration(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), fileName, sql);
    }

    /// <summary>The files of migrations/, embedded into Hub.Data at build time.</summary>
    public static IReadOnlyList<Migration> Embedded()
    {
        var assembly = typeof(Migration).Assembly;
        var list = new List<Migration>();
        foreach (var name in assembly.GetManifestResourceNames()
                     .Where(n => n.StartsWith("migrations/", StringComparison.Ordinal) && n.IndexOf('/', "migrations/".Length) < 0))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            list.Add(Parse(name["migrations/".Length..], reader.ReadToEnd()));
        }

        return Ordered(list);
    }

    public static IReadOnlyList<Migration> FromDirectory(string directory) =>
        Ordered(Directory.GetFiles(directory, "*.sql").Select(f => Parse(Path.GetFileName(f), File.ReadAllText(f))).ToList());

    public static IReadOnlyList<Migration> Ordered(IEnumerable<Migration> migrations)
    {
        var ordered = migrations.OrderBy(m => m.Version).ToList();
        var duplicate = ordered.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Two migrations share number {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.FileName))}.");
        return ordered;
    }

    [GeneratedRegex(@"^([0-9]{4})_[a-z0-9_]+\.sql$")]
    private static partial Regex FileNamePattern();
}
