using System.Text.Json;
using Hub.Core.Common;
using Hub.Core.Tenancy;

namespace Hub.Core.Audit;

/// <summary>An append-only record of one change: who, acting for which organization, what, when, before/after.</summary>
public sealed record AuditEvent(
    Guid Id,
    DateTimeOffset OccurredAt,
    Guid? ActorUserId,
    Guid? ActingOrganizationId,
    string EntityType,
    Guid EntityId,
    string Action,
    string? BeforeJson,
    string? AfterJson)
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public static AuditEvent Create(
        IClock clock, Actor? actor, Guid? actingOrganizationId, string entityType, Guid entityId, string action,
        object? before = null, object? after = null) =>
        Create(clock.UtcNow, actor, actingOrganizationId, entityType, entityId, action, before, after);

    public static AuditEvent Create(
        DateTimeOffset at, Actor? actor, Guid? actingOrganizationId, string entityType, Guid entityId, string action,
        object? before = null, object? after = null) =>
        new(
            Ids.New(),
            at,
            actor?.UserId,
            actingOrganizationId,
            entityType,
            entityId,
            action,
            before is null ? null : JsonSerializer.Serialize(before, _json),
            after is null ? null : JsonSerializer.Serialize(after, _json));
}
