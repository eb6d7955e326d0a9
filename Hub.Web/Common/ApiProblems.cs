using Hub.Core.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hub.Web.Common;

/// <summary>Maps typed Core errors to RFC 9457 problem details with a stable code; one place for the whole API.</summary>
public sealed class ApiProblems(IStringLocalizer<SharedResource> localizer)
{
    public ObjectResult From(HubError error)
    {
        var status = error switch
        {
            NotFound => StatusCodes.Status404NotFound,
            Forbidden => StatusCodes.Status403Forbidden,
            Conflict => StatusCodes.Status409Conflict,
            RateLimited => StatusCodes.Status429TooManyRequests,
            ValidationFailed => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status400BadRequest,
        };
        ProblemDetails problem = error.FieldErrors.Count > 0
            ? new ValidationProblemDetails(error.FieldErrors.ToDictionary(e => e.Key, e => e.Value.Select(Localize).ToArray()))
            : new ProblemDetails();
        problem.Status = status;
        problem.Title = Localize(error.Message);
        problem.Type = $"https://ikzhub.example/problems/{error.Code}";
        problem.Extensions["code"] = error.Code;
        foreach (var (key, value) in error.Details)
            problem.Extensions[key] = value;
        return new ObjectResult(problem) { StatusCode = status, ContentTypes = { "application/problem+json" } };
    }

    public string Localize(ErrorMessage message) => localizer[message.Template, message.Args];

    /// <summary>A problem answer for a status that is no Core error (422, 503, an error page's code), its title localized.</summary>
    public ObjectResult Status(int status, string code, string germanTitle) => Result(Create(status, code, localizer[germanTitle]));

    public static ObjectResult Result(ProblemDetails problem) =>
        new(problem) { StatusCode = problem.Status, ContentTypes = { "application/problem+json" } };

    public static ProblemDetails Create(int status, string code, string title) => new()
    {
        Status = status,
        Title = title,
        Type = $"https://ikzhub.example/problems/{code}",
        Extensions = { ["code"] = code },
    };
}
