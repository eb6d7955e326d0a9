namespace Hub.Data.Common;

/// <summary>
/// The number of matches for a page whose query counts them in the same scan (<c>count(*) over ()</c> on every row):
/// taken from its first row; a page without rows has none to carry it, so past the first page the count runs on its own.
/// </summary>
internal static class PageTotal
{
    public static async Task<long> OfAsync<T>(IReadOnlyList<T> rows, Func<T, long> total, Hub.Core.Common.PageRequest page, Func<Task<long>> count) =>
        rows.Count > 0 ? total(rows[0]) : page.Offset == 0 ? 0 : await count();
}
