using AutoMapper;
using Hub.Core.Common;
using Hub.Core.Tenancy;
using Hub.Web.Accounts;
using Hub.Web.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Tenancy;

/// <summary>Member management of one organization, for its admins and platform admins.</summary>
[Authorize]
public sealed class MembersController(
    IOrganizationStore organizations, IMemberStore members, ManageMembers manage, CurrentActor current, ApiProblems problems, IMapper mapper)
    : Controller
{
    [HttpGet("/organisationen/{id:guid}/mitglieder")]
    public async Task<IActionResult> Index(Guid id, int page = 1, CancellationToken ct = default)
    {
        var actor = await current.RequireAsync(ct);
        if (!TenancyPolicy.CanManageMembers(actor, id))
            return await organizations.GetAsync(id, ct) is null ? NotFound() : StatusCode(StatusCodes.Status403Forbidden);
        return await RenderAsync(id, page, new AddMemberForm(), null, null, ct);
    }

    [HttpPost("/organisationen/{id:guid}/mitglieder")]
    public async Task<IActionResult> Add(Guid id, AddMemberForm form, CancellationToken ct)
    {
        var actor = await current.RequireAsync(ct);
        if (ModelState.IsValid)
        {
            var result = await manage.AddAsync(actor, id, new MemberInput(form.Email, form.DisplayName, form.Role), ct);
            if (result.IsSuccess)
                return await RenderAsync(id, 1, new AddMemberForm(), result.Value.InitialPassword is null ? null : result.Value.Member.Email, result.Value.InitialPassword, ct);
            if (result.Error is not ValidationFailed)
                return PageErrors.StatusFor(result.Error);
            ModelState.AddHubError(result.Error, problems, nameof(MembersPage.Form) + ".");
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await RenderAsync(id, 1, form, null, null, ct);
    }

    [HttpPost("/organisationen/{id:guid}/mitglieder/{userId:guid}/rolle")]
    public async Task<IActionResult> SetRole(Guid id, Guid userId, string? role, CancellationToken ct)
    {
        var result = await manage.SetRoleAsync(await current.RequireAsync(ct), id, userId, role, ct);
        return result.IsSuccess ? Redirect($"/organisationen/{id}/mitglieder") : await ErrorAsync(id, result.Error, ct);
    }

    [HttpPost("/organisationen/{id:guid}/mitglieder/{userId:guid}/entfernen")]
    public async Task<IActionResult> Remove(Guid id, Guid userId, CancellationToken ct)
    {
        var result = await manage.RemoveAsync(await current.RequireAsync(ct), id, userId, ct);
        return result.IsSuccess ? Redirect($"/organisationen/{id}/mitglieder") : await ErrorAsync(id, result.Error, ct);
    }

    private async Task<IActionResult> ErrorAsync(Guid id, HubError error, CancellationToken ct)
    {
        if (error is not (Hub.Core.Common.Conflict or ValidationFailed))
            return PageErrors.StatusFor(error);
        ModelState.AddHubError(error, problems);
        Response.StatusCode = error is Hub.Core.Common.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return await RenderAsync(id, 1, new AddMemberForm(), null, null, ct);
    }

    private async Task<IActionResult> RenderAsync(Guid id, int page, AddMemberForm form, string? createdEmail, string? initialPassword, CancellationToken ct)
    {
        var organization = await organizations.GetAsync(id, ct);
        if (organization is null)
            return NotFound();
        var list = await members.ListAsync(id, new PageRequest(page, 100), ct);
        return View("Index", new MembersPage(
            mapper.Map<OrganizationViewModel>(organization),
            mapper.Map<List<MemberViewModel>>(list.Items),
            PagerViewModel.From(list, $"/organisationen/{id}/mitglieder", new Dictionary<string, string?>()),
            form,
            createdEmail,
            initialPassword));
    }
}
