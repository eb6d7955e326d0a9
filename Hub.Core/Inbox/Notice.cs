using Hub.Core.Tenancy;

namespace Hub.Core.Inbox;

/// <summary>
/// Who hears of a change: the members of <see cref="OrganizationIds"/> who hold one of <see cref="Roles"/>, and
/// <see cref="UserIds"/>. Never the person who made the change (<see cref="Notice.ActorUserId"/>).
/// </summary>
public sealed record Recipients(IReadOnlyCollection<Guid> OrganizationIds, RoleSet? Roles, IReadOnlyCollection<Guid> UserIds)
{
    public static Recipients Members(IEnumerable<Guid> organizationIds, RoleSet roles) => new(organizationIds.Distinct().ToArray(), roles, []);

    public static Recipients Users(IEnumerable<Guid> userIds) => new([], null, userIds.Distinct().ToArray());
}

/// <summary>An in-app notification a decider orders with a change, written in the change's transaction (texts: <see cref="Notification.Text"/>).</summary>
public sealed record Notice(string Kind, Recipients To, Guid DraftId, string Subject, int Revision, DateTimeOffset At, Guid ActorUserId)
{
    public string? Version { get; init; }

    public Guid? CommentId { get; init; }
}
