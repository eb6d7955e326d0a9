using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Hub.Core.Accounts;
using Hub.Core.Common;
using Hub.Web.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Hub.Web.Accounts;

/// <summary>Authenticates /api/v1 calls by "Authorization: Bearer ikz_…"; answers 401/403 as problem details.</summary>
public sealed class BearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ITokenStore tokens,
    IClock clock,
    IStringLocalizer<SharedResource> localizer)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header) || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        if (token.Length is < 10 or > 200)
            return AuthenticateResult.Fail("Malformed token.");

        var actor = await tokens.FindActorAsync(ApiTokens.Hash(token), clock.UtcNow, Context.RequestAborted);
        if (actor is null)
            return AuthenticateResult.Fail("Unknown, expired or revoked token, or a disabled account.");

        CurrentActor.Remember(Context, actor);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, actor.UserId.ToString()), new Claim(ClaimTypes.Name, actor.Email)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return WriteProblemAsync(StatusCodes.Status401Unauthorized, "unauthorized",
            localizer["Bitte melden Sie sich mit einem gültigen Token an (Authorization: Bearer …)."]);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "forbidden", localizer["Dafür fehlt Ihnen die Berechtigung."]);

    private Task WriteProblemAsync(int status, string code, string title)
    {
        Response.StatusCode = status;
        Response.ContentType = "application/problem+json";
        return Response.WriteAsync(JsonSerializer.Serialize(ApiProblems.Create(status, code, title), _json));
    }
}
