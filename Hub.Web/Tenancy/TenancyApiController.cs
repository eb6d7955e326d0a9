using AutoMapper;
using Hub.Core.Common;
using Hub.Core.Tenancy;
using Hub.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Tenancy;

[Route("api/v1")]
public sealed class TenancyApiController(
    IOrganizationStore organizations, ICooperationStore cooperations, CreateOrganization createOrganization, CreateCooperation createCooperation,
    ChangeReviewPolicy changePolicy, IMapper mapper) : ApiControllerBase
{
    /// <summary>The signed-in user with memberships and roles, coordinated cooperations and observer scope.</summary>
    [HttpGet("me")]
    public async Task<MeDto> Me() => mapper.Map<MeDto>(await ActorAsync());

    [HttpGet("organizations")]
    [ProducesResponseType<PageDto<OrganizationDto>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Organizations(string? q, string? land, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        var v = new FieldValidator().MaxLength("q", q, 200);
        if (land is not null && !Lands.IsValid(land))
            v.Add("land", "Unbekannter Landesschlüssel; erlaubt sind 01 bis 16.");
        v.Paging(page, pageSize);
        if (v.HasErrors)
            return Problem(v.ToError());
        var result = await organizations.ListAsync(new OrganizationQuery(q, land), new PageRequest(page, pageSize), ct);
        return Ok(PageDto.From<Organization, OrganizationDto>(mapper, result));
    }

    [HttpGet("organizations/{id:guid}")]
    [ProducesResponseType<OrganizationDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Organization(Guid id, CancellationToken ct) =>
        await organizations.GetAsync(id, ct) is { } organization ? Ok(mapper.Map<OrganizationDto>(organization)) : Problem(Hub.Core.Common.NotFound.Instance);

    [HttpGet("cooperations")]
    [ProducesResponseType<PageDto<CooperationSummaryDto>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Cooperations(string? q, Guid? organizationId, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        var v = new FieldValidator().MaxLength("q", q, 200).Paging(page, pageSize);
        if (v.HasErrors)
            return Problem(v.ToError());
        var result = await cooperations.ListAsync(new CooperationQuery(q, organizationId is { } org ? [org] : null), new PageRequest(page, pageSize), ct);
        return Ok(PageDto.From<CooperationSummary, CooperationSummaryDto>(mapper, result));
    }

    [HttpGet("cooperations/{id:guid}")]
    [ProducesResponseType<CooperationDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Cooperation(Guid id, CancellationToken ct) =>
        await cooperations.GetAsync(id, ct) is { } details ? Ok(mapper.Map<CooperationDto>(details)) : Problem(Hub.Core.Common.NotFound.Instance);

    /// <summary>Coordinators: how many partner approvals a draft needs; baseRequiredApprovals guards against overwriting a concurrent change.</summary>
    [HttpPut("cooperations/{id:guid}/policy")]
    [ProducesResponseType<ReviewPolicyDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> ChangePolicy(Guid id, ReviewPolicyDto request, CancellationToken ct)
    {
        var result = await changePolicy.ExecuteAsync(await ActorAsync(), id, request.RequiredApprovals, request.BaseRequiredApprovals, ct);
        return result.IsSuccess ? Ok(new ReviewPolicyDto(result.Value, null)) : Problem(result.Error);
    }

    /// <summary>Platform admins: a new organization.</summary>
    [HttpPost("organizations")]
    [ProducesResponseType<OrganizationDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> CreateOrganization(OrganizationRequest request, CancellationToken ct)
    {
        var input = new OrganizationInput(request.Name, request.Kind, request.Ags, request.LandCode, request.Kreis, request.Description);
        var result = await createOrganization.ExecuteAsync(await ActorAsync(), input, ct);
        return result.IsSuccess
            ? Created($"/api/v1/organizations/{result.Value.Id}", mapper.Map<OrganizationDto>(result.Value))
            : Problem(result.Error);
    }

    /// <summary>Platform admins: a new cooperation; the lead must be one of the members.</summary>
    [HttpPost("cooperations")]
    [ProducesResponseType<CooperationDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> CreateCooperation(CooperationRequest request, CancellationToken ct)
    {
        var input = new CooperationInput(request.Name, request.Description, request.LeadOrganizationId, request.MemberIds,
            request.FundingAmount, request.Funder, request.AgreementDate, request.RequiredApprovals);
        var result = await createCooperation.ExecuteAsync(await ActorAsync(), input, ct);
        if (!result.IsSuccess)
            return Problem(result.Error);
        var details = await cooperations.GetAsync(result.Value.Id, ct);
        return Created($"/api/v1/cooperations/{result.Value.Id}", mapper.Map<CooperationDto>(details));
    }
}

public sealed record OrganizationRequest(string? Name, string? Kind, string? Ags, string? LandCode, string? Kreis, string? Description);

public sealed record CooperationRequest(
    string? Name,
    string? Description,
    Guid? LeadOrganizationId,
    IReadOnlyCollection<Guid>? MemberIds,
    decimal? FundingAmount,
    string? Funder,
    DateOnly? AgreementDate,
    int? RequiredApprovals);
