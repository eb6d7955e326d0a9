using Hub.Core.Tenancy;

namespace Hub.Core.Accounts;

/// <summary>How long a session lives: <see cref="Idle"/> without a request, <see cref="Absolute"/> after sign-in whatever happens.</summary>
public sealed record SessionPolicy(TimeSpan Idle, TimeSpan Absolute)
{
    public static SessionPolicy Default { get; } = new(TimeSpan.FromMinutes(30), TimeSpan.FromHours(8));
}

/// <summary>What a valid session's check gives every page: who acts, and the unread notifications for the layout's badge.</summary>
public sealed record SessionCheck(Actor Actor, int UnreadNotifications);

public interface ISessionStore
{
    Task<Guid> StartAsync(Guid userId, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// The session's user as an actor, with the count of their unread notifications, while the session is open, within
    /// both limits and its user enabled, else null; records the request (at most once a minute). One round trip for
    /// every signed-in request, which also begins the request's reads as that user.
    /// </summary>
    Task<SessionCheck?> TouchAsync(Guid sessionId, Guid userId, DateTimeOffset now, SessionPolicy policy, CancellationToken ct);

    Task EndAsync(Guid sessionId, DateTimeOffset now, string reason, CancellationToken ct);
}
