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
        var localizer = context.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
        string title = localizer["Vorübergehend nicht erreichbar"];
        string detail = localizer["Die Datenbank ist gerade nicht erreichbar. Bitte versuchen Sie es in {0} Sekunden noch einmal.", RetryAfterSeconds];
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/healthz"))
        {
            var problem = ApiProblems.Create(StatusCodes.Status503ServiceUnavailable, "unavailable", title);
            problem.Detail = detail;
            problem.Extensions["traceId"] = context.TraceIdentifier;
            await context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
            return;
        }

        var encode = context.RequestServices.GetRequiredService<System.Text.Encodings.Web.HtmlEncoder>(); // the app's: umlauts stay readable
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"{System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}\"><head><meta charset=\"utf-8\">" +
            $"<title>{encode.Encode(title)} – IKZ Hub</title><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head>" +
            $"<body><main><h1>{encode.Encode(title)}</h1><p>{encode.Encode(detail)}</p></main></body></html>");
    }
}
