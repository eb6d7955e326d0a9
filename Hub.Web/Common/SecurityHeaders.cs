using System.Security.Cryptography;

namespace Hub.Web.Common;

/// <summary>
/// CSP with a per-request nonce (no unsafe-inline), and the other headers every response carries; HSTS over HTTPS;
/// no-store for everything a signed-in user or an API client receives.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string NonceKey = "csp-nonce";

    public Task InvokeAsync(HttpContext context)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        // Taken now: an error page re-executed later changes the request path.
        var isApi = context.Request.Path.StartsWithSegments("/api");
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy =
                $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
                "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers.Remove("Server");
            if (context.Request.IsHttps)
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            // Whatever a signed-in user or an API client sees may be unreleased work: never kept by a browser or proxy.
            if (context.User.Identity?.IsAuthenticated == true || isApi)
                headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(context);
    }
}

public static class CspNonceExtensions
{
    public static string CspNonce(this HttpContext context) => context.Items[SecurityHeadersMiddleware.NonceKey] as string ?? "";
}
