namespace Hub.Data.Common;

internal static class Sql
{
    /// <summary>
    /// No table read from start to end while an index can find the rows: for a full-text match that most rows pass, where
    /// PostgreSQL does not count what a sequential scan costs it to decompress every row's large search vector (the index
    /// finds the matches without reading the vectors). Transaction-local; the setting returns after the statements.
    /// </summary>
    public static string ByIndex(string sql) => $"""
        set local enable_seqscan = off;
        {sql.TrimEnd().TrimEnd(';')};
        reset enable_seqscan
        """;

    /// <summary>
    /// A <c>where</c> clause of the conditions that are present (empty if none): SQL per set of filters, so that each keeps
    /// a generic plan using its indexes (one generic plan for <c>(@x is null or col = @x)</c> cannot use the index of a
    /// filter that may be absent; the web app's connections plan generically, see HubDatabase).
    /// </summary>
    public static string Where(params (bool Present, string Condition)[] conditions)
    {
        var present = conditions.Where(c => c.Present).Select(c => c.Condition.Trim()).ToList();
        return present.Count == 0 ? "" : "where " + string.Join("\n  and ", present);
    }

    /// <summary>A user's search text as a LIKE pattern with its wildcards escaped.</summary>
    public static string? ContainsPattern(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? null
            : "%" + text.Trim().Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
}
