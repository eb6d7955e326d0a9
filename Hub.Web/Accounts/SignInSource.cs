namespace Hub.Web.Accounts;

/// <summary>The source address the sign-in limits count: the connection's, or the one a configured proxy forwarded.</summary>
public static class SignInSource
{
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>429 with Retry-After for a source with too many failures across accounts.</summary>
    public static void Refuse(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = "60";
    }
}
