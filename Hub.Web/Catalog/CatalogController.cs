using Hub.Core.Catalog;
using Hub.Core.Common;
using Hub.Web.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Catalog;

/// <summary>The public OZG catalogue: browse by Themenfeld, search, one page per OZG-Leistung with its releases.</summary>
[AllowAnonymous]
public sealed class CatalogController(ICatalogStore catalog) : Controller
{
    public const int PageSize = 50;

    [HttpGet("/katalog")]
    public async Task<IActionResult> Index(string? q, int? themenfeld, int page = 1, CancellationToken ct = default)
    {
        q = FieldValidator.Trim(q);
        if (q?.Length > 200)
            q = q[..200];
        var themenfelder = await catalog.ListThemenfelderAsync(ct);
        if (themenfeld is not null && themenfelder.All(t => t.Id != themenfeld))
            themenfeld = null;
        var result = await catalog.SearchAsync(new CatalogQuery(q, themenfeld), new PageRequest(page, PageSize), ct);
        var pager = PagerViewModel.From(result, "/katalog", new Dictionary<string, string?>
        {
            ["q"] = q, ["themenfeld"] = themenfeld?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        return View(new CatalogListPage(themenfelder, result.Items, pager, q, themenfeld));
    }

    [HttpGet("/katalog/{ozgId:length(5)}")]
    public async Task<IActionResult> Show(string ozgId, CancellationToken ct) =>
        await catalog.GetAsync(ozgId, ct) is { } details ? View(details) : NotFound();
}
