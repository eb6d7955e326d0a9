using System.Text.Json;
using AutoMapper;
using Hub.Core.Audit;
using Hub.Core.Common;
using Hub.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Audit;

public sealed record AuditEventDto(
    Guid Id, DateTimeOffset OccurredAt, Guid? ActorUserId, string? ActorName, Guid? ActingOrganizationId, string? ActingOrganizationName,
    string EntityType, Guid EntityId, string Action, JsonElement? Before, JsonElement? After);

public sealed class AuditMappingProfile : Profile
{
    public AuditMappingProfile() =>
        CreateMap<AuditEntry, AuditEventDto>()
            .ForCtorParam(nameof(AuditEventDto.Before), o => o.MapFrom(s => Json(s.BeforeJson)))
            .ForCtorParam(nameof(AuditEventDto.After), o => o.MapFrom(s => Json(s.AfterJson)));

    private static JsonElement? Json(string? text) => text is null ? null : JsonDocument.Parse(text).RootElement.Clone();
}

/// <summary>The audit trail of one entity (draft — with its releases —, release, organization, cooperation), newest first.</summary>
[Route("api/v1/audit")]
public sealed class AuditApiController(ReadAudit audit, IMapper mapper) : ApiControllerBase
{
    [HttpGet]
    [ProducesResponseType<PageDto<AuditEventDto>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(string? entityType, Guid? entityId, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        var v = new FieldValidator().Paging(page, pageSize);
        if (v.HasErrors)
            return Problem(v.ToError());
        var result = await audit.ListAsync(await ActorAsync(), entityType, entityId, new PageRequest(page, pageSize), ct);
        return result.IsSuccess ? Ok(PageDto.From<AuditEntry, AuditEventDto>(mapper, result.Value)) : Problem(result.Error);
    }
}
