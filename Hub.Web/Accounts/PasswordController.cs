using System.ComponentModel.DataAnnotations;
using Hub.Core.Accounts;
using Hub.Core.Common;
using Hub.Web.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Accounts;

public sealed class PasswordForm
{
    [Display(Name = "Bisheriges Passwort")]
    [DataType(DataType.Password)]
    public string? CurrentPassword { get; set; }

    [Display(Name = "Neues Passwort")]
    [DataType(DataType.Password)]
    public string? NewPassword { get; set; }

    [Display(Name = "Neues Passwort wiederholen")]
    [DataType(DataType.Password)]
    public string? RepeatPassword { get; set; }

    public bool Changed { get; set; }
}

/// <summary>The signed-in user changes the password; every other session and API token ends, this browser gets a new session.</summary>
[Authorize]
public sealed class PasswordController(
    ChangePassword change, CurrentActor current, IUserStore users, ISessionStore sessions, IClock clock, ApiProblems problems) : Controller
{
    [HttpGet("/konto/passwort")]
    public IActionResult Show(bool geaendert = false) => View("~/Views/Account/Password.cshtml", new PasswordForm { Changed = geaendert });

    [HttpPost("/konto/passwort")]
    public async Task<IActionResult> Change(PasswordForm form, CancellationToken ct)
    {
        var actor = await current.RequireAsync(ct);
        var result = await change.ExecuteAsync(actor, form.CurrentPassword, form.NewPassword, form.RepeatPassword, SignInSource.Of(HttpContext), ct);
        if (result.IsSuccess)
            await AccountController.StartSessionAsync(HttpContext, sessions, clock, (await users.FindByEmailAsync(actor.Email, ct))!, ct);
        form.CurrentPassword = form.NewPassword = form.RepeatPassword = null;
        return await this.AfterPostAsync(result, "/konto/passwort?geaendert=true", problems,
            () => Task.FromResult<IActionResult>(View("~/Views/Account/Password.cshtml", form)));
    }
}
