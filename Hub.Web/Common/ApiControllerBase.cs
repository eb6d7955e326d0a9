using Hub.Core.Common;
using Hub.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Common;

/// <summary>
/// Base of every /api/v1 controller: bearer tokens only (so no cookie can be ridden across sites, hence no
/// antiforgery), JSON in and out, problem details for errors.
/// </summary>
[ApiController]
[Authorize(AuthenticationSchemes = BearerAuthenticationHandler.SchemeName)]
[IgnoreAntiforgeryToken]
public abstract class ApiControllerBase : ControllerBase
{
    protected ObjectResult Problem(HubError error) => HttpContext.RequestServices.GetRequiredService<ApiProblems>().From(error);

    protected Task<Hub.Core.Tenancy.Actor> ActorAsync() =>
        HttpContext.RequestServices.GetRequiredService<CurrentActor>().RequireAsync(HttpContext.RequestAborted);
}
