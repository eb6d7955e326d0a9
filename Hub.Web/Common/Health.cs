using Npgsql;

namespace Hub.Web.Common;

internal static class Health
{
    public static async Task<IResult> CheckAsync(DatabaseBootstrap bootstrap, CancellationToken ct)
    {
        if (!bootstrap.IsReady)
            return Results.Json(new { status = "unavailable", database = "down" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await using var cmd = bootstrap.DataSource.CreateCommand("select 1");
            await cmd.ExecuteScalarAsync(timeout.Token);
            return Results.Json(new { status = "ok", database = "up" });
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or InvalidOperationException or TimeoutException)
        {
            return Results.Json(new { status = "unavailable", database = "down" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
