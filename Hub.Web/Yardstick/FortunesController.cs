using Dapper;
using Hub.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Yardstick;

public sealed record Fortune(int Id, string Message);

/// <summary>
/// The benchmark's yardstick, shaped like TechEmpower's "Fortunes" test: 12 rows read with Dapper on a plain connection
/// of the app's data source, one row added at request time, sorted, rendered by Razor (HTML-encoded). Every scenario of
/// <c>./hub bench run</c> is also reported as a ratio to its throughput. Only there: without <c>Hub:Bench:Yardstick</c> it is 404.
/// </summary>
public sealed class FortunesController(DatabaseBootstrap database, IConfiguration configuration) : Controller
{
    private const string Sql = "select id, name as message from catalog_themenfelder order by id limit 12";

    [HttpGet("/bench/fortunes")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        if (!configuration.GetValue("Hub:Bench:Yardstick", false))
            return NotFound();
        await using var conn = await database.DataSource.OpenConnectionAsync(ct);
        var rows = (await conn.QueryAsync<Fortune>(new CommandDefinition(Sql, cancellationToken: ct))).ToList();
        rows.Add(new Fortune(0, "Eine zusätzliche Zeile, zur Anfragezeit hinzugefügt."));
        rows.Sort((a, b) => string.CompareOrdinal(a.Message, b.Message));
        return View("~/Views/Yardstick/Fortunes.cshtml", rows);
    }
}
