using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hub.Web.Common;

public sealed record ErrorPage(int StatusCode, string Title, string Message);

/// <summary>Friendly error pages for people, problem details for the API; never a stack trace.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorsController(IStringLocalizer<SharedResource> localizer) : Controller
{
    // No bound parameters: binding would read the form of the request that failed (a form over the field limit fails
    // again); the code comes from the route.
    [Route("/fehler/{code:int}")]
    public IActionResult Show()
    {
        var code = int.TryParse(RouteData.Values["code"]?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : 404;
        var reExecute = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var exception = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        var path = reExecute?.OriginalPath ?? exception?.Path ?? HttpContext.Request.Path.Value ?? "";
        if (code is < 400 or > 599)
            code = 404;
        if (code == 500 && exception?.Error is { } error && ClientFault(error) is { } status)
            code = status;

        var (errorCode, title, message) = Describe(code);
        Response.StatusCode = code;
        if (path.StartsWith("/api/", StringComparison.Ordinal) || path.StartsWith("/openapi", StringComparison.Ordinal))
        {
            return ApiProblems.Result(ApiProblems.Create(code, errorCode, title));
        }

        return View("~/Views/Errors/Show.cshtml", new ErrorPage(code, title, message));
    }

    /// <summary>
    /// Exceptions that are the request's fault, whatever route they come from: a body past the size limit or broken on
    /// the wire, a form over the field limit, text PostgreSQL cannot store. One rule here instead of one per route.
    /// </summary>
    private static int? ClientFault(Exception error) => error switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        InvalidDataException => StatusCodes.Status400BadRequest,
        Npgsql.PostgresException { SqlState: "22021" or "22P05" or "54000" } => StatusCodes.Status400BadRequest,
        _ when error.InnerException is { } inner => ClientFault(inner),
        _ => null,
    };

    private (string Code, string Title, string Message) Describe(int code) => code switch
    {
        400 => ("bad_request", localizer["Ungültige Anfrage"], localizer["Die Anfrage war unvollständig oder ungültig. Bitte laden Sie das Formular neu und versuchen Sie es noch einmal."]),
        401 => ("unauthorized", localizer["Anmeldung erforderlich"], localizer["Bitte melden Sie sich an."]),
        403 => ("forbidden", localizer["Keine Berechtigung"], localizer["Dafür fehlt Ihnen die Berechtigung."]),
        404 => ("not_found", localizer["Seite nicht gefunden"], localizer["Diese Seite gibt es nicht, oder Sie dürfen sie nicht sehen."]),
        405 => ("method_not_allowed", localizer["Methode nicht erlaubt"], localizer["Diese Adresse unterstützt die Anfrage nicht."]),
        409 => ("conflict", localizer["Konflikt"], localizer["Die Änderung passt nicht zum aktuellen Stand. Bitte laden Sie die Seite neu."]),
        413 => ("payload_too_large", localizer["Anfrage zu groß"], localizer["Die Anfrage ist größer als erlaubt (höchstens 1 MiB)."]),
        415 => ("unsupported_media_type", localizer["Falsches Format"], localizer["Bitte senden Sie JSON (Content-Type: application/json)."]),
        429 => ("rate_limited", localizer["Zu viele Versuche"], localizer["Zu viele Anfragen in kurzer Zeit. Bitte warten Sie eine Minute."]),
        503 => ("unavailable", localizer["Vorübergehend nicht erreichbar"], localizer["Der Dienst ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal."]),
        _ when code >= 500 => ("internal_error", localizer["Ein Fehler ist aufgetreten"], localizer["Etwas ist schiefgegangen. Der Fehler wurde protokolliert; bitte versuchen Sie es später noch einmal."]),
        _ => ("error", localizer["Fehler"], localizer["Die Anfrage konnte nicht bearbeitet werden."]),
    };
}
