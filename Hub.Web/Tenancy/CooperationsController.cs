using AutoMapper;
using Hub.Core.Common;
using Hub.Core.Tenancy;
using Hub.Web.Accounts;
using Hub.Web.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Tenancy;

[Authorize]
public sealed class CooperationsController(
    ICooperationStore cooperations, AssignCoordinator assign, ChangeReviewPolicy changePolicy, CurrentActor current, MarkdownRenderer markdown,
    ApiProblems problems, IMapper mapper)
    : Controller
{
    [HttpGet("/verbuende")]
    public async Task<IActionResult> Index(string? q, int page = 1, CancellationToken ct = default)
    {
        q = q?.Trim();
        if (q?.Length > 200)
            q = q[..200];
        var result = await cooperations.ListAsync(new CooperationQuery(q, null), new PageRequest(page, 50), ct);
        return View(new CooperationListPage(
            mapper.Map<List<CooperationListItemViewModel>>(result.Items),
            PagerViewModel.From(result, "/verbuende", new Dictionary<string, string?> { ["q"] = q }),
            q));
    }

    [HttpGet("/verbuende/{id:guid}")]
    public Task<IActionResult> Show(Guid id, CancellationToken ct) => RenderAsync(id, new AssignCoordinatorForm(), ct);

    [HttpPost("/verbuende/{id:guid}/koordination")]
    public async Task<IActionResult> AddCoordinator(Guid id, AssignCoordinatorForm form, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await assign.ExecuteAsync(await current.RequireAsync(ct), id, form.Email, ct);
            if (result.IsSuccess)
                return Redirect($"/verbuende/{id}");
            if (result.Error is not ValidationFailed)
                return PageErrors.StatusFor(result.Error);
            ModelState.AddHubError(result.Error, problems, nameof(CooperationPage.Form) + ".");
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await RenderAsync(id, form, ct);
    }

    [HttpPost("/verbuende/{id:guid}/pruefregel")]
    public async Task<IActionResult> ChangePolicy(Guid id, int? requiredApprovals, int? baseRequiredApprovals, CancellationToken ct)
    {
        var result = await changePolicy.ExecuteAsync(await current.RequireAsync(ct), id, requiredApprovals, baseRequiredApprovals, ct);
        return await this.AfterPostAsync(result, $"/verbuende/{id}", problems, () => RenderAsync(id, new AssignCoordinatorForm(), ct));
    }

    private async Task<IActionResult> RenderAsync(Guid id, AssignCoordinatorForm form, CancellationToken ct)
    {
        var details = await cooperations.GetAsync(id, ct);
        if (details is null)
            return NotFound();
        var model = mapper.Map<CooperationViewModel>(details);
        model.DescriptionHtml = markdown.Render(details.Cooperation.Description);
        var actor = await current.RequireAsync(ct);
        return View("Show", new CooperationPage(model, TenancyPolicy.CanAssignCoordinators(actor), form,
            TenancyPolicy.CanChangeReviewPolicy(actor, id), Math.Max(1, details.Members.Count - 1)));
    }
}
