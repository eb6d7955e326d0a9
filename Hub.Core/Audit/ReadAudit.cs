using Hub.Core.Common;
using Hub.Core.Drafts;
using Hub.Core.Tenancy;

namespace Hub.Core.Audit;

public sealed record AuditEntry(
    Guid Id,
    DateTimeOffset OccurredAt,
    Guid? ActorUserId,
    string? ActorName,
    Guid? ActingOrganizationId,
    string? ActingOrganizationName,
    string EntityType,
    Guid EntityId,
    string Action,
    string? BeforeJson,
    string? AfterJson);

public interface IAuditStore
{
    /// <summary>Newest first. A draft's history includes the events of its releases.</summary>
    Task<Page<AuditEntry>> ListAsync(string entityType, Guid entityId, PageRequest page, CancellationToken ct);
}

/// <summary>The history of one entity, for those who may see the entity (everyone else: not found).</summary>
public sealed class ReadAudit(IAuditStore audit, ReadDraft drafts, Hub.Core.Releases.IReleaseStore releases, ICooperationStore cooperations)
{
    public static readonly IReadOnlyList<string> EntityTypes = ["draft", "release", "organization", "cooperation"];

    public async Task<Result<Page<AuditEntry>>> ListAsync(Actor actor, string? entityType, Guid? entityId, PageRequest page, CancellationToken ct)
    {
        var v = new FieldValidator();
        if (entityType is null || !EntityTypes.Contains(entityType))
            v.Add("entityType", "Erlaubt sind {0}.", string.Join(", ", EntityTypes));
        if (entityId is null)
            v.Add("entityId", FieldValidator.RequiredMessage);
        if (v.HasErrors)
            return v.ToError();
        var id = entityId!.Value;
        var visible = entityType switch
        {
            "draft" => (await drafts.GetAsync(actor, id, ct)).IsSuccess,
            "release" => await releases.GetAsync(id, ct) is not null,
            "organization" => actor.IsPlatformAdmin || actor.IsMemberOf(id),
            _ => actor.IsPlatformAdmin || actor.Coordinates(id)
                || (await cooperations.GetAsync(id, ct))?.Members.Any(m => actor.IsMemberOf(m.OrganizationId)) == true,
        };
        if (!visible)
            return NotFound.Instance;
        return await audit.ListAsync(entityType!, id, page, ct);
    }
}
