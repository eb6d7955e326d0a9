using Hub.Core.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Hub.Web.Common;

public static class PageErrors
{
    /// <summary>Puts a Core validation error on the form's fields (camelCase field → PascalCase property).</summary>
    public static void AddHubError(this ModelStateDictionary modelState, HubError error, ApiProblems problems, string prefix = "")
    {
        if (error.FieldErrors.Count == 0)
        {
            modelState.AddModelError(string.Empty, problems.Localize(error.Message));
            return;
        }

        foreach (var (field, messages) in error.FieldErrors)
        {
            var key = prefix + char.ToUpperInvariant(field[0]) + field[1..];
            foreach (var message in messages)
                modelState.AddModelError(key, problems.Localize(message));
        }
    }

    /// <summary>
    /// After a form POST: on success to <paramref name="successUrl"/>; 404/403 as their own pages; otherwise the page
    /// again with the errors, answered 409 for a conflict and 400 for invalid input. Nothing the user typed is lost.
    /// </summary>
    public static async Task<IActionResult> AfterPostAsync<T>(
        this Controller controller, Result<T> result, string successUrl, ApiProblems problems, Func<Task<IActionResult>> rerender)
    {
        if (result.IsSuccess)
            return controller.Redirect(successUrl);
        if (result.Error is NotFound or Forbidden)
            return StatusFor(result.Error);
        controller.ModelState.AddHubError(result.Error, problems);
        var page = await rerender();
        controller.Response.StatusCode = result.Error is Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return page;
    }

    /// <summary>The page answer for an error that is not about a form field.</summary>
    public static IActionResult StatusFor(HubError error) => error switch
    {
        NotFound => new NotFoundResult(),
        Forbidden => new StatusCodeResult(StatusCodes.Status403Forbidden),
        Conflict => new StatusCodeResult(StatusCodes.Status409Conflict),
        _ => new BadRequestResult(),
    };
}
