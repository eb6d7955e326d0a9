using AutoMapper;
using Hub.Core.Common;
using Hub.Core.Tenancy;
using Hub.Web.Accounts;
using Hub.Web.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Tenancy;

/// <summary>Platform-admin pages: new organizations and cooperations (coordinators are assigned on the cooperation page).</summary>
[Authorize]
public sealed class AdminController(
    CreateOrganization createOrganization, CreateCooperation createCooperation, IOrganizationStore organizations,
    CurrentActor current, ApiProblems problems, IMapper mapper) : Controller
{
    [HttpGet("/admin/organisationen/neu")]
    public async Task<IActionResult> NewOrganization(CancellationToken ct) =>
        await IsAdminAsync(ct) ? View(new OrganizationFormPage(new OrganizationForm())) : StatusCode(StatusCodes.Status403Forbidden);

    [HttpPost("/admin/organisationen/neu")]
    public async Task<IActionResult> NewOrganization(OrganizationForm form, CancellationToken ct)
    {
        if (!await IsAdminAsync(ct))
            return StatusCode(StatusCodes.Status403Forbidden);
        if (ModelState.IsValid)
        {
            var input = new OrganizationInput(form.Name, form.Kind, form.Ags, form.LandCode, form.Kreis, form.Description);
            var result = await createOrganization.ExecuteAsync(await current.RequireAsync(ct), input, ct);
            if (result.IsSuccess)
                return Redirect($"/organisationen/{result.Value.Id}");
            ModelState.AddHubError(result.Error, problems, nameof(OrganizationFormPage.Form) + ".");
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(new OrganizationFormPage(form));
    }

    [HttpGet("/admin/verbuende/neu")]
    public async Task<IActionResult> NewCooperation(CancellationToken ct) =>
        await IsAdminAsync(ct) ? View(await FormPageAsync(new CooperationForm(), ct)) : StatusCode(StatusCodes.Status403Forbidden);

    [HttpPost("/admin/verbuende/neu")]
    public async Task<IActionResult> NewCooperation(CooperationForm form, CancellationToken ct)
    {
        if (!await IsAdminAsync(ct))
            return StatusCode(StatusCodes.Status403Forbidden);
        if (ModelState.IsValid)
        {
            var input = new CooperationInput(form.Name, form.Description, form.LeadOrganizationId, form.MemberIds,
                form.FundingAmount, form.Funder, form.AgreementDate, form.RequiredApprovals);
            var result = await createCooperation.ExecuteAsync(await current.RequireAsync(ct), input, ct);
            if (result.IsSuccess)
                return Redirect($"/verbuende/{result.Value.Id}");
            ModelState.AddHubError(result.Error, problems, nameof(CooperationFormPage.Form) + ".");
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(await FormPageAsync(form, ct));
    }

    private async Task<bool> IsAdminAsync(CancellationToken ct) => TenancyPolicy.CanCreateOrganizations(await current.RequireAsync(ct));

    private async Task<CooperationFormPage> FormPageAsync(CooperationForm form, CancellationToken ct)
    {
        // Until the state-wide import lands the directory is small; a searchable picker replaces this list then.
        var all = await organizations.ListAsync(new OrganizationQuery(null, null), new PageRequest(1, PageRequest.MaxPageSize), ct);
        return new CooperationFormPage(form, mapper.Map<List<OrganizationViewModel>>(all.Items));
    }
}
