using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hub.Web.Common;

/// <summary>Model-binding failures in the API: malformed JSON and field errors, as problem details with a code.</summary>
internal static class ApiValidation
{
    public static IActionResult Respond(ActionContext context)
    {
        var localizer = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        if (ControlCharacterFields(context) is { Count: > 0 } fields)
        {
            // Well-formed JSON whose strings hold control characters (ControlCharacters.JsonConverter): a field error.
            return Problem(fields.ToDictionary(f => f, _ => new[] { localizer[ControlCharacters.Message].Value }), localizer["Eingaben sind ungültig."], "validation_failed");
        }

        var malformed = context.ModelState.Any(e => e.Key.StartsWith('$') || e.Value!.Errors.Any(x => x.Exception is not null));
        // For broken JSON only the parser's own finding (with its position) helps; the follow-on "field required" noise does not.
        var errors = context.ModelState
            .Where(e => e.Value!.Errors.Count > 0 && (!malformed || e.Key.StartsWith('$')))
            .ToDictionary(e => e.Key, e => e.Value!.Errors.Select(x => string.IsNullOrEmpty(x.ErrorMessage) ? localizer["Ungültiger Wert."].Value : x.ErrorMessage).ToArray());
        return Problem(errors, malformed ? localizer["Der Inhalt der Anfrage ist kein gültiges JSON."] : localizer["Eingaben sind ungültig."],
            malformed ? "malformed_json" : "validation_failed");
    }

    /// <summary>The API's field names ("$.body" → "body") whose JSON string the control-character rule refused.</summary>
    private static List<string> ControlCharacterFields(ActionContext context) =>
        context.ModelState.Where(e => e.Value!.Errors.Any(x => (x.Exception?.Message ?? x.ErrorMessage).Contains(ControlCharacters.Message, StringComparison.Ordinal)))
            .Select(e => e.Key.StartsWith("$.", StringComparison.Ordinal) ? e.Key[2..] : e.Key.TrimStart('$')).Where(k => k.Length > 0).Distinct().ToList();

    private static BadRequestObjectResult Problem(Dictionary<string, string[]> errors, string title, string code)
    {
        var problem = new ValidationProblemDetails(errors) { Status = StatusCodes.Status400BadRequest, Title = title };
        problem.Type = $"https://ikzhub.example/problems/{code}";
        problem.Extensions["code"] = code;
        return new BadRequestObjectResult(problem) { ContentTypes = { "application/problem+json" } };
    }
}
