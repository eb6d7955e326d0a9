namespace Hub.Web.Common;

/// <summary>Refuses bodies over the documented limit with 413 before anything reads them.</summary>
public sealed class RequestLimits(RequestDelegate next, IConfiguration config)
{
    /// <summary>1 MiB: a long Markdown description is a few hundred kB; anything larger is a mistake or an attack.</summary>
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    private readonly long _max = config.GetValue("Hub:MaxRequestBodyBytes", DefaultMaxBodyBytes);

    public Task InvokeAsync(HttpContext context)
    {
        // The status-code page re-executes this request (body and all): let that pass to render the 413.
        if (context.Request.ContentLength > _max && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }

        return next(context);
    }
}
