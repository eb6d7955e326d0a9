using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hub.Web.Common;

/// <summary>Model-binding failures in the API: malformed JSON and field errors, as problem details with a code.</summary>
internal static class ApiValidation
{
    public static IActionResult Respond(ActionContext context)
    {
        var localizer = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var malformed = context.ModelState.Any(e => e.Key.StartsWith('$') || e.Value!.Errors.Any(x => x.Exception is not null));
        // For broken JSON only the parser's own finding (with its position) helps; the follow-on "field required" noise does not.
        var errors = context.ModelState
            .Where(e => e.Value!.Errors.Count > 0 && (!malformed || e.Key.StartsWith('$')))
            .ToDictionary(e => e.Key, e => e.Value!.Errors.Select(x => string.IsNullOrEmpty(x.ErrorMessage) ? localizer["Ungültiger Wert."].Value : x.ErrorMessage).ToArray());
        var problem = new ValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = malformed ? localizer["Der Inhalt der Anfrage ist kein gültiges JSON."] : localizer["Eingaben sind ungültig."],
        };
        var code = malformed ? "malformed_json" : "validation_failed";
        problem.Type = $"https://ikzhub.example/problems/{code}";
        problem.Extensions["code"] = code;
        return new BadRequestObjectResult(problem) { ContentTypes = { "application/problem+json" } };
    }
}
