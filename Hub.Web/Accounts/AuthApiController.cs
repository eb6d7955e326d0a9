using System.ComponentModel.DataAnnotations;
using Hub.Core.Accounts;
using Hub.Core.Common;
using Hub.Web.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Accounts;

public sealed record TokenRequest(
    [Required, StringLength(254)] string? Email,
    [Required, StringLength(1024)] string? Password,
    [StringLength(100)] string? Name);

public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt);

[Route("api/v1/auth")]
public sealed class AuthApiController(SignIn signIn, SignInPolicy policy, ApiTokens tokens, ITokenStore tokenStore, IClock clock) : ApiControllerBase
{
    /// <summary>Exchanges e-mail and password for a bearer token (30 days). Same answer for unknown user and wrong password.</summary>
    [HttpPost("token")]
    [AllowAnonymous]
    [ProducesResponseType<TokenResponse>(StatusCodes.Status201Created)]
    public async Task<IActionResult> CreateToken(TokenRequest request, CancellationToken ct)
    {
        var result = await signIn.ExecuteAsync(request.Email, request.Password, SignInSource.Of(HttpContext), ct);
        if (result.Error is RateLimited)
        {
            SignInSource.Refuse(HttpContext, policy);
            return Problem(result.Error);
        }

        if (!result.IsSuccess)
        {
            var problem = Problem(result.Error);
            problem.StatusCode = StatusCodes.Status401Unauthorized;
            ((ProblemDetails)problem.Value!).Status = StatusCodes.Status401Unauthorized;
            return problem;
        }

        var (token, expiresAt) = await tokens.IssueAsync(result.Value.Id, request.Name ?? "api", ct);
        return StatusCode(StatusCodes.Status201Created, new TokenResponse(token, expiresAt));
    }

    /// <summary>Revokes the token this request was made with.</summary>
    [HttpDelete("token")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> RevokeToken(CancellationToken ct)
    {
        var token = Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        await tokenStore.RevokeAsync(ApiTokens.Hash(token), clock.UtcNow, ct);
        return NoContent();
    }
}
