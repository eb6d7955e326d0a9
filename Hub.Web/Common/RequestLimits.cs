namespace Hub.Web.Common;

/// <summary>
/// Refuses bodies over the documented limit with 413: a declared length before anything reads the body, a chunked body
/// (no length) as soon as it is read past the limit (<see cref="LengthLimitedStream"/>).
/// </summary>
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

        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } kestrel)
            kestrel.MaxRequestBodySize = _max;
        if (context.Request.ContentLength is null && context.Request.Body != Stream.Null)
            context.Request.Body = new LengthLimitedStream(context.Request.Body, _max);
        return next(context);
    }
}
