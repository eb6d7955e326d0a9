using Hub.Core.Progress;
using Hub.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Progress;

[Route("api/v1/progress")]
public sealed class ProgressApiController(ReadProgress progress) : ApiControllerBase
{
    [HttpGet("organizations/{id:guid}")]
    [ProducesResponseType<OrganizationProgress>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Organization(Guid id, CancellationToken ct)
    {
        var result = await progress.OrganizationAsync(await ActorAsync(), id, ct);
        if (!result.IsSuccess)
            return Problem(result.Error);
        var p = result.Value;
        return Ok(new
        {
            p.OrganizationId, p.Name, p.Responsible,
            states = Enum.GetValues<ImplementationState>().Select(s => new { state = s.ToCode(), count = p.Count(s), share = p.Share(s) }),
            p.Themenfelder, p.Adoptions, p.AdoptionsLive, p.AdoptionsBehind,
        });
    }

    [HttpGet("cooperations/{id:guid}")]
    [ProducesResponseType<CooperationProgress>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Cooperation(Guid id, CancellationToken ct)
    {
        var result = await progress.CooperationAsync(await ActorAsync(), id, ct);
        if (!result.IsSuccess)
            return Problem(result.Error);
        var p = result.Value;
        return Ok(new
        {
            p.CooperationId, p.Name, p.FundingAmount, p.Funder, p.FundingPerReleasedService, p.Members,
            drafts = p.Drafts.Select(d => new { status = d.Status, count = d.Count }), p.Releases, p.ReleasedServices, p.OutsideAdopters, p.OutsideLive, p.OutsideAdopterNames,
        });
    }

    [HttpGet("states/{landCode}")]
    [ProducesResponseType<StateProgress>(StatusCodes.Status200OK)]
    public async Task<IActionResult> State(string landCode, CancellationToken ct)
    {
        var result = await progress.StateAsync(await ActorAsync(), landCode, ct);
        return result.IsSuccess ? Ok(result.Value) : Problem(result.Error);
    }
}
