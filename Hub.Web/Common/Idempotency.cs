using System.Text.Json;
using Hub.Core.Common;
using Hub.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Options;

namespace Hub.Web.Common;

/// <summary>
/// A write that carries an idempotency key (the form's hidden field, or the API's Idempotency-Key header) runs once per
/// user and key: a repeat gets the first answer (the same redirect, the same 201 and body), a repeat that arrives while
/// the first is still running waits for it. A refused request (4xx) frees the key, so the user can correct and resend;
/// a request whose work committed never frees it. The same key with another request (method, path or body,
/// <see cref="RequestFingerprint"/>) is 422 idempotency_key_reused.
/// </summary>
public sealed class IdempotencyFilter(IIdempotencyStore store, IClock clock, IOptions<JsonOptions> json, ApiProblems problems) : IAsyncActionFilter
{
    // As MVC's JSON formatter writes answers (it relaxes escaping when no encoder is set), so a replay is byte for byte the first answer.
    private readonly JsonSerializerOptions _json = json.Value.JsonSerializerOptions.Encoder is null
        ? new JsonSerializerOptions(json.Value.JsonSerializerOptions) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }
        : json.Value.JsonSerializerOptions;

    public const string FormField = "__IdempotencyKey";
    public const string Header = "Idempotency-Key";
    // Longer than IdempotencyStore.AbandonedAfter: a repeat that waits this long learns what became of a request that died.
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(25);

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var http = context.HttpContext;
        // An error page re-executed for a refused request (InputGuard's 400, a 413) is no write of its own.
        if (http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
            || http.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null)
        {
            await next();
            return;
        }

        var key = KeyOf(http.Request);
        if (key is null || http.Request.Method is not ("POST" or "PUT" or "PATCH") || CurrentActor.UserId(http.User) is not { } userId)
        {
            await next();
            return;
        }

        if (key.Length is < 8 or > 200)
        {
            context.Result = problems.Status(400, "bad_idempotency_key", "Der Idempotency-Key muss 8 bis 200 Zeichen lang sein.");
            return;
        }

        var path = http.Request.Path.Value ?? "";
        var fingerprint = await RequestFingerprint.ComputeAsync(http.Request, http.RequestAborted);
        var deadline = DateTimeOffset.UtcNow + _wait;
        while (true)
        {
            var (claim, answer) = await store.ClaimAsync(userId, key, http.Request.Method, path, fingerprint, clock.UtcNow, http.RequestAborted);
            switch (claim)
            {
                case IdempotencyClaim.First:
                    await RunOnceAsync(context, next, userId, key);
                    return;
                case IdempotencyClaim.Answered:
                    context.Result = Replay(http, answer!);
                    return;
                case IdempotencyClaim.Mismatch:
                    context.Result = problems.Status(422, "idempotency_key_reused", "Dieser Idempotency-Key gehört zu einer anderen Anfrage.");
                    return;
                case IdempotencyClaim.Applied:
                    context.Result = problems.Status(409, "already_applied",
                        "Diese Anfrage wurde bereits ausgeführt; ihre Antwort ging unterwegs verloren. Bitte laden Sie den aktuellen Stand.");
                    return;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                context.Result = problems.Status(409, "request_in_progress", "Dieselbe Anfrage wird noch bearbeitet. Bitte laden Sie die Seite gleich neu.");
                return;
            }

            await Task.Delay(50, http.RequestAborted);
        }
    }

    private async Task RunOnceAsync(ActionExecutingContext context, ActionExecutionDelegate next, Guid userId, string key)
    {
        ActionExecutedContext? executed = null;
        var committed = new Hub.Data.Common.PendingIdempotency.PendingKey(userId, key);
        try
        {
            // Only the action's own transactions mark the key done; the key's bookkeeping below is outside.
            using (Hub.Data.Common.PendingIdempotency.Use(committed))
                executed = await next();
        }
        finally
        {
            var answer = executed is { Exception: null } ? Answer(executed.Result) : null;
            // Work that was committed but answered with something not worth repeating (a page, an error after the
            // commit): a repeat is sent to look at the result — the page the form came from — instead of doing it again.
            if (answer is null && committed.Committed)
                answer = new StoredAnswer(StatusCodes.Status302Found, LookAgain(context.HttpContext.Request), null, null);
            if (answer is not null)
                await store.CompleteAsync(userId, key, answer, CancellationToken.None);
            else
                await store.ReleaseAsync(userId, key, CancellationToken.None);
        }
    }

    /// <summary>The answers worth repeating: redirects after a form, and the API's successes.</summary>
    private StoredAnswer? Answer(IActionResult? result) => result switch
    {
        RedirectResult r => new StoredAnswer(StatusCodes.Status302Found, r.Url, null, null),
        LocalRedirectResult r => new StoredAnswer(StatusCodes.Status302Found, r.Url, null, null),
        ObjectResult o when (o.StatusCode ?? 200) is >= 200 and < 300 => new StoredAnswer(o.StatusCode ?? 200,
            (o as CreatedResult)?.Location, "application/json; charset=utf-8", JsonSerializer.Serialize(o.Value, o.DeclaredType ?? o.Value?.GetType() ?? typeof(object), _json)),
        StatusCodeResult s when s.StatusCode is >= 200 and < 300 => new StoredAnswer(s.StatusCode, null, null, null),
        _ => null,
    };

    private static IActionResult Replay(HttpContext http, StoredAnswer answer)
    {
        if (answer.StatusCode == StatusCodes.Status302Found && answer.Location is { } location)
            return new RedirectResult(location);
        if (answer.Location is { } created)
            http.Response.Headers.Location = created;
        return answer.Body is null ? new StatusCodeResult(answer.StatusCode) : new ContentResult { StatusCode = answer.StatusCode, Content = answer.Body, ContentType = answer.ContentType };
    }

    private static string LookAgain(HttpRequest request) =>
        Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referer) && referer.Host == request.Host.Host
            ? referer.PathAndQuery
            : "/";

    private static string? KeyOf(HttpRequest request) =>
        request.Headers[Header].FirstOrDefault() is { Length: > 0 } header ? header
        : request.HasFormContentType && request.Form.TryGetValue(FormField, out var field) && field.FirstOrDefault() is { Length: > 0 } value ? value
        : null;
}

/// <summary>Every POST form carries a fresh idempotency key, so a double submit writes once.</summary>
[HtmlTargetElement("form", Attributes = "method")]
public sealed class IdempotencyKeyTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (output.Attributes["method"]?.Value?.ToString()?.Equals("post", StringComparison.OrdinalIgnoreCase) == true)
            output.PostContent.AppendHtml($"<input type=\"hidden\" name=\"{IdempotencyFilter.FormField}\" value=\"{Guid.NewGuid():N}\">");
    }
}
