namespace Hub.Data.Common;

internal static class Sql
{
    /// <summary>A user's search text as a LIKE pattern with its wildcards escaped.</summary>
    public static string? ContainsPattern(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? null
            : "%" + text.Trim().Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
}
