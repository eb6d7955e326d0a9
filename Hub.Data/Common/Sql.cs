namespace Hub.Data.Common;

internal static class Sql
{
    /// <summary>
    /// The statements of <paramref name="sql"/> planned for the values at hand (one custom plan per execution) instead of
    /// the web app's generic plans: for queries with optional filters (<c>@x is null or …</c>), whose one generic plan
    /// cannot use the index of a filter that may be absent. Transaction-local; the connection's own mode returns after.
    /// </summary>
    public static string CustomPlan(string sql) => $"""
        set local plan_cache_mode = force_custom_plan;
        {sql.TrimEnd().TrimEnd(';')};
        reset plan_cache_mode;
        """;

    /// <summary>A user's search text as a LIKE pattern with its wildcards escaped.</summary>
    public static string? ContainsPattern(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? null
            : "%" + text.Trim().Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
}
