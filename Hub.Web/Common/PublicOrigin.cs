namespace Hub.Web.Common;

/// <summary>
/// The hub's public address for absolute URLs (Atom feeds, the OpenAPI document): Hub:PublicOrigin, for example
/// "https://ikzhub.hessen.de"; without it the first of ASPNETCORE_URLS, then http://127.0.0.1:5080. Never the request's
/// Host header, which any client can set (the outside test's finding: feed and document links pointed where it said).
/// </summary>
public static class PublicOrigin
{
    public static string Of(IConfiguration configuration) =>
        (configuration["Hub:PublicOrigin"] is { Length: > 0 } configured ? configured
            : configuration["ASPNETCORE_URLS"] ?? configuration["urls"] ?? "http://127.0.0.1:5080").Split(';')[0].TrimEnd('/');
}
