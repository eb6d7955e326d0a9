using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Hub.Core.Accounts;
using Hub.Core.Common;
using Hub.Web.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Accounts;

public sealed class SignInForm
{
    [Required(ErrorMessage = "Bitte geben Sie Ihre E-Mail-Adresse ein.")]
    [StringLength(254, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "E-Mail-Adresse")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie Ihr Passwort ein.")]
    [StringLength(1024, ErrorMessage = "Höchstens {1} Zeichen.")]
    [DataType(DataType.Password)]
    [Display(Name = "Passwort")]
    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class AccountController(SignIn signIn, SignInPolicy policy, ISessionStore sessions, IClock clock, ApiProblems problems) : Controller
{
    public const string SessionClaim = "hub:sid";

    public static Guid? SessionId(ClaimsPrincipal principal) => Guid.TryParse(principal.FindFirstValue(SessionClaim), out var id) ? id : null;

    /// <summary>A new server-side session and a new cookie naming it: nothing from before carries over.</summary>
    internal static async Task StartSessionAsync(HttpContext http, ISessionStore sessions, IClock clock, UserAccount user, CancellationToken ct)
    {
        var sid = await sessions.StartAsync(user.Id, clock.UtcNow, ct);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()), new Claim(ClaimTypes.Name, user.DisplayName), new Claim(ClaimTypes.Email, user.Email),
             new Claim(SessionClaim, sid.ToString())],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity),
            new AuthenticationProperties { IsPersistent = false, IssuedUtc = clock.UtcNow });
    }

    [HttpGet("/anmelden")]
    public IActionResult SignIn(string? returnUrl) =>
        View(new SignInForm { ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null });

    [HttpPost("/anmelden")]
    public async Task<IActionResult> SignIn(SignInForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return View(form);
        var result = await signIn.ExecuteAsync(form.Email, form.Password, SignInSource.Of(HttpContext), ct);
        if (!result.IsSuccess)
        {
            ModelState.AddModelError(string.Empty, problems.Localize(result.Error.Message));
            form.Password = null;
            if (result.Error is RateLimited)
                SignInSource.Refuse(HttpContext, policy);
            return View(form);
        }

        await StartSessionAsync(HttpContext, sessions, clock, result.Value, ct);
        return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? LocalUrls.AsciiOrNull(form.ReturnUrl) ?? "/" : "/");
    }

    [HttpPost("/abmelden")]
    public async Task<IActionResult> SignOutPost(CancellationToken ct)
    {
        // The session ends on the server: a copy of the cookie is worth nothing afterwards.
        if (SessionId(User) is { } sid)
            await sessions.EndAsync(sid, clock.UtcNow, "signed_out", ct);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/");
    }

    /// <summary>The language switch: a form post that sets the culture cookie and returns to the page.</summary>
    [HttpPost("/sprache")]
    public IActionResult SetLanguage(string? culture, string? returnUrl)
    {
        var chosen = HubSetup.Cultures.FirstOrDefault(c => c.Name == culture || c.TwoLetterISOLanguageName == culture) ?? HubSetup.Cultures[0];
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? LocalUrls.AsciiOrNull(returnUrl) ?? "/" : "/");
    }
}
