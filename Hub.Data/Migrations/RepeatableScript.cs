using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Hub.Data.Migrations;

/// <summary>
/// One file of migrations/repeatable/: the current definition of a group of functions, views, triggers or policies,
/// written to be re-run (create or replace, drop … if exists before create). ADR 0010.
/// </summary>
public sealed partial record RepeatableScript(string FileName, string Sql)
{
    public string Checksum { get; } = Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes(Sql.Replace("\r\n", "\n", StringComparison.Ordinal))));

    public static RepeatableScript Parse(string fileName, string sql) =>
        FileNamePattern().IsMatch(fileName)
            ? new RepeatableScript(fileName, sql)
            : throw new InvalidOperationException($"Repeatable file name '{fileName}' does not match NNN_group.sql.");

    /// <summary>The files of migrations/repeatable/, embedded into Hub.Data at build time, in file-name order.</summary>
    public static IReadOnlyList<RepeatableScript> Embedded()
    {
        var assembly = typeof(RepeatableScript).Assembly;
        const string prefix = "migrations/repeatable/";
        var list = new List<RepeatableScript>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            list.Add(Parse(name[prefix.Length..], reader.ReadToEnd()));
        }

        return Ordered(list);
    }

    public static IReadOnlyList<RepeatableScript> Ordered(IEnumerable<RepeatableScript> scripts) =>
        scripts.OrderBy(s => s.FileName, StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"^[0-9]{3}_[a-z0-9_]+\.sql$")]
    private static partial Regex FileNamePattern();
}
