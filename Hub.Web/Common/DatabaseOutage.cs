using System.Net.Sockets;
using Npgsql;

namespace Hub.Web.Common;

/// <summary>
/// While PostgreSQL is away (restarting, crashed, not up yet) requests get 503 with Retry-After and a problem body —
/// never a 500 with internals. Reads (GET, HEAD) are tried again up to twice after a short pause, so a quick restart
/// costs them only time; writes are not repeated here (their idempotency keys let the client repeat them safely).
/// </summary>
public sealed class DatabaseOutageMiddleware(RequestDelegate next, DatabaseBootstrap bootstrap, ILogger<DatabaseOutageMiddleware> logger)
{
    public const int RetryAfterSeconds = 5;
    private static readonly TimeSpan[] _readRetries = [TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(1500)];

    public async Task InvokeAsync(HttpContext context)
    {
        if (!bootstrap.IsReady && !context.Request.Path.StartsWithSegments("/healthz"))
        {
            await UnavailableAsync(context);
            return;
        }

        var idempotent = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await next(context);
                return;
            }
            catch (Exception e) when (IsDatabaseDown(e) && !context.Response.HasStarted)
            {
                if (idempotent && attempt < _readRetries.Length && !context.RequestAborted.IsCancellationRequested)
                {
                    logger.LogWarning("Database unavailable on {Method} {Path}; trying again ({Attempt})", context.Request.Method, context.Request.Path, attempt + 1);
                    await Task.Delay(_readRetries[attempt], context.RequestAborted);
                    context.Response.Clear();
                    continue;
                }

                logger.LogWarning("Database unavailable on {Method} {Path}: {Error}", context.Request.Method, context.Request.Path, e.Message);
                context.Response.Clear();
                await UnavailableAsync(context);
                return;
            }
        }
    }

    /// <summary>Connection-level trouble (refused, reset, shut down, starting up, too many clients), not a bad statement.</summary>
    public static bool IsDatabaseDown(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            switch (x)
            {
                case PostgresException p:
                    return p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState.StartsWith("57P", StringComparison.Ordinal)
                        || p.SqlState == PostgresErrorCodes.TooManyConnections;
                case NpgsqlException n when n.IsTransient:
                case SocketException:
                case EndOfStreamException:
                    return true;
            }
        }

        return false;
    }

    /// <summary>Written here, not by an error page: pages would need the database for their layout.</summary>
    private static async Task UnavailableAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        var api = context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/healthz");
        var german = !string.Equals(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, "en", StringComparison.Ordinal);
        var title = german ? "Vorübergehend nicht erreichbar" : "Temporarily unavailable";
        var detail = german
            ? $"Die Datenbank ist gerade nicht erreichbar. Bitte versuchen Sie es in {RetryAfterSeconds} Sekunden noch einmal."
            : $"The database cannot be reached right now. Please try again in {RetryAfterSeconds} seconds.";
        if (api)
        {
            context.Response.ContentType = "application/problem+json";
            await context.Response.WriteAsJsonAsync(new { type = "about:blank", title, status = 503, detail, code = "unavailable", traceId = context.TraceIdentifier },
                (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        var lang = german ? "de" : "en";
        await context.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title} – IKZ Hub</title>" +
            $"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head><body><main><h1>{title}</h1><p>{detail}</p></main></body></html>");
    }
}
