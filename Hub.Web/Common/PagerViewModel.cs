using Hub.Core.Common;

namespace Hub.Web.Common;

/// <summary>The pager under every paged list (Views/Shared/_Pager.cshtml): where we are and how to link the other pages.</summary>
public sealed record PagerViewModel(int PageNumber, int PageCount, long TotalCount, string BasePath, IReadOnlyDictionary<string, string?> Query)
{
    /// <summary>The pager for a page of results, linking to <paramref name="basePath"/> with the non-empty <paramref name="query"/> values kept.</summary>
    public static PagerViewModel From<T>(Page<T> page, string basePath, IReadOnlyDictionary<string, string?> query) =>
        new(page.PageNumber, page.PageCount, page.TotalCount, basePath, query);
}
