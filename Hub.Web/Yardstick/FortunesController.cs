using Hub.Data.Yardstick;
using Hub.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Yardstick;

/// <summary>
/// The benchmark's yardstick, shaped like TechEmpower's "Fortunes" test: 12 rows read with Dapper on a plain connection
/// of the app's data source, one row added at request time, sorted, rendered by Razor (HTML-encoded). Every scenario of
/// <c>./hub bench run</c> is also reported as a ratio to its throughput. Only there: without <c>Hub:Bench:Yardstick</c> it is 404.
/// </summary>
public sealed class FortunesController(DatabaseBootstrap database, IConfiguration configuration) : Controller
{
    [HttpGet("/bench/fortunes")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        if (!configuration.GetValue("Hub:Bench:Yardstick", false))
            return NotFound();
        var rows = await Fortunes.ReadAsync(database.DataSource, ct);
        rows.Add(new Fortune(0, "Eine zusätzliche Zeile, zur Anfragezeit hinzugefügt."));
        rows.Sort((a, b) => string.CompareOrdinal(a.Message, b.Message));
        return View("~/Views/Yardstick/Fortunes.cshtml", rows);
    }
}
