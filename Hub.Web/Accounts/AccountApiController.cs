using Hub.Core.Accounts;
using Hub.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Accounts;

public sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword);

/// <summary>The account of the token's user, and platform admins disabling accounts.</summary>
[Route("api/v1")]
public sealed class AccountApiController(ChangePassword change, DisableAccount disable, CurrentActor current) : ApiControllerBase
{
    /// <summary>Changes the password; every session and API token of the user ends, this one included.</summary>
    [HttpPost("me/password")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> ChangePassword(PasswordChangeRequest request, CancellationToken ct)
    {
        var result = await change.ExecuteAsync(await current.RequireAsync(ct), request.CurrentPassword, request.NewPassword, request.NewPassword, SignInSource.Of(HttpContext), ct);
        return result.IsSuccess ? NoContent() : Problem(result.Error);
    }

    /// <summary>Platform admins: the account can no longer sign in; its sessions and tokens end at once.</summary>
    [HttpPost("admin/users/{id:guid}/disable")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public Task<IActionResult> Disable(Guid id, CancellationToken ct) => SetAsync(id, true, ct);

    [HttpPost("admin/users/{id:guid}/enable")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public Task<IActionResult> Enable(Guid id, CancellationToken ct) => SetAsync(id, false, ct);

    private async Task<IActionResult> SetAsync(Guid id, bool disabled, CancellationToken ct)
    {
        var result = await disable.ExecuteAsync(await current.RequireAsync(ct), id, disabled, ct);
        return result.IsSuccess ? NoContent() : Problem(result.Error);
    }
}
