using AutoMapper;
using Hub.Core.Common;

namespace Hub.Web.Common;

/// <summary>One page of an API list.</summary>
public sealed record PageDto<T>(IReadOnlyList<T> Items, int Page, int PageSize, long TotalCount);

public static class PageDto
{
    public static PageDto<TDto> From<TSource, TDto>(IMapper mapper, Page<TSource> page) =>
        new(mapper.Map<List<TDto>>(page.Items), page.PageNumber, page.PageSize, page.TotalCount);
}
