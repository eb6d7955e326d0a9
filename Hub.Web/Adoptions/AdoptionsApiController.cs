using AutoMapper;
using Hub.Core.Adoptions;
using Hub.Core.Common;
using Hub.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Adoptions;

public sealed record AdoptionDto(
    Guid Id, Guid OrganizationId, string OrganizationName, Guid DraftId, string Title, string OwnerOrganizationName, Guid ReleaseId, string Version,
    string ReleaseStatus, string Status, DateOnly? PlannedFor, DateOnly? LiveSince, string Notes, string NotesHtml, int RowVersion, DateTimeOffset UpdatedAt,
    bool UpdateAvailable, Guid? NewestReleaseId, string? NewestVersion);

public sealed record AdoptRequest(Guid? ReleaseId, Guid? OrganizationId);

public sealed record AdoptionPatch(string? Status, string? Notes, DateOnly? PlannedFor, DateOnly? LiveSince, int? BaseRowVersion);

public sealed record UpgradeRequest(Guid? ReleaseId, int? BaseRowVersion);

public sealed class AdoptionMappingProfile : Profile
{
    public AdoptionMappingProfile() =>
        CreateMap<Adoption, AdoptionDto>()
            .ForCtorParam(nameof(AdoptionDto.Version), o => o.MapFrom(s => s.Version.ToString()))
            .ForCtorParam(nameof(AdoptionDto.ReleaseStatus), o => o.MapFrom(s => Hub.Core.Releases.ReleaseStatusCodes.ToCode(s.ReleaseStatus)))
            .ForCtorParam(nameof(AdoptionDto.Status), o => o.MapFrom(s => s.Status.ToCode()))
            .ForCtorParam(nameof(AdoptionDto.NewestVersion), o => o.MapFrom(s => s.NewestVersion == null ? null : s.NewestVersion.ToString()));
}

/// <summary>Nachnutzung over JSON: adopt a release, move the rollout along, upgrade to a newer release.</summary>
[Route("api/v1/adoptions")]
public sealed class AdoptionsApiController(ManageAdoptions adoptions, IMapper mapper) : ApiControllerBase
{
    [HttpPost]
    [ProducesResponseType<AdoptionDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Adopt(AdoptRequest request, CancellationToken ct)
    {
        var result = await adoptions.AdoptAsync(await ActorAsync(), request.ReleaseId, request.OrganizationId, ct);
        return result.IsSuccess ? Created($"/api/v1/adoptions/{result.Value.Id}", mapper.Map<AdoptionDto>(result.Value)) : Problem(result.Error);
    }

    [HttpGet]
    [ProducesResponseType<List<AdoptionDto>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(Guid? organizationId, CancellationToken ct)
    {
        if (organizationId is null)
            return Problem(ValidationFailed.For("organizationId", new ErrorMessage(FieldValidator.RequiredMessage)));
        var result = await adoptions.ListAsync(await ActorAsync(), organizationId.Value, ct);
        return result.IsSuccess ? Ok(mapper.Map<List<AdoptionDto>>(result.Value)) : Problem(result.Error);
    }

    [HttpGet("{id:guid}")]
    [ProducesResponseType<AdoptionDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(Guid id, CancellationToken ct) => Answer(await adoptions.GetAsync(await ActorAsync(), id, ct));

    [HttpPatch("{id:guid}")]
    [ProducesResponseType<AdoptionDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Change(Guid id, AdoptionPatch patch, CancellationToken ct) =>
        Answer(await adoptions.ChangeAsync(await ActorAsync(), id, patch.Status, patch.Notes, patch.PlannedFor, patch.LiveSince, patch.BaseRowVersion, ct));

    [HttpPost("{id:guid}/upgrade")]
    [ProducesResponseType<AdoptionDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Upgrade(Guid id, UpgradeRequest request, CancellationToken ct) =>
        Answer(await adoptions.UpgradeAsync(await ActorAsync(), id, request.ReleaseId, request.BaseRowVersion, ct));

    private IActionResult Answer(Result<Adoption> result) => result.IsSuccess ? Ok(mapper.Map<AdoptionDto>(result.Value)) : Problem(result.Error);
}
