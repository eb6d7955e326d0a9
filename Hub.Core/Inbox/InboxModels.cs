using Hub.Core.Common;
using Hub.Core.Tenancy;

namespace Hub.Core.Inbox;

/// <summary>An in-app notification: kind + subject, rendered in the reader's language when shown.</summary>
public sealed record Notification(
    Guid Id, string Kind, Guid? DraftId, string Subject, int? Revision, string? Version, Guid? CommentId, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    /// <summary>The German template (the localization key) and its arguments.</summary>
    public (string Template, object[] Args) Text() => Kind switch
    {
        "review_requested" => ("„{0}“ (Fassung {1}) wartet auf Ihre Prüfung.", [Subject, Revision ?? 0]),
        "approved" => ("„{0}“ hat genug Zustimmungen und kann freigegeben werden.", [Subject]),
        "changes_requested" => ("Für „{0}“ wurden Änderungen angefordert.", [Subject]),
        "released" => ("„{0}“ ist als Version {1} freigegeben.", [Subject, Version ?? ""]),
        "commented" => ("Neuer Kommentar zu „{0}“.", [Subject]),
        "replied" => ("Neue Antwort in einer Diskussion zu „{0}“.", [Subject]),
        "release_deprecated" => ("Version {1} von „{0}“ ist veraltet.", [Subject, Version ?? ""]),
        "release_withdrawn" => ("Version {1} von „{0}“ wurde zurückgezogen.", [Subject, Version ?? ""]),
        "update_available" => ("Update verfügbar: „{0}“ gibt es jetzt als Version {1}.", [Subject, Version ?? ""]),
        _ => ("{0}", [Subject]),
    };

    /// <summary>Release news go to the service's releases (adopters outside the cooperation cannot see the draft).</summary>
    public string? Link => DraftId is not { } d ? null
        : Kind is "update_available" or "release_deprecated" or "release_withdrawn" ? $"/freigaben?dienst={d}"
        : $"/entwuerfe/{d}" + (CommentId is { } c ? $"#kommentar-{c}" : "");
}

public sealed record TaskItem(Guid DraftId, string Title, string OwnerOrganizationName, string? ForOrganizationName, int Revision, DateTimeOffset Since);

public sealed record CommentTask(Guid CommentId, Guid DraftId, string DraftTitle, string AuthorName, DateTimeOffset CreatedAt, int Replies);

/// <summary>"Meine Aufgaben": what waits for the signed-in user, each list newest first and capped.</summary>
public sealed record MyTasks(
    IReadOnlyList<TaskItem> AwaitingMyReview,
    IReadOnlyList<TaskItem> ChangesRequested,
    IReadOnlyList<TaskItem> ReadyToRelease,
    IReadOnlyList<CommentTask> OpenComments)
{
    public const int Cap = 50;

    public int Total => AwaitingMyReview.Count + ChangesRequested.Count + ReadyToRelease.Count + OpenComments.Count;
}

public interface IInboxStore
{
    Task<Page<Notification>> ListAsync(Guid userId, bool unreadOnly, PageRequest page, CancellationToken ct);

    Task<int> CountUnreadAsync(Guid userId, CancellationToken ct);

    /// <summary>One notification of this user (null for anybody else's).</summary>
    Task<Notification?> GetAsync(Guid userId, Guid id, CancellationToken ct);

    /// <summary>Marks the given notifications of this user read (all unread ones when ids is empty); returns how many changed.</summary>
    Task<int> MarkReadAsync(Guid userId, IReadOnlyCollection<Guid> ids, DateTimeOffset at, CancellationToken ct);

    /// <summary>The queue of one actor, from their roles: reviewer/admin, editor/admin, coordinator, and as comment author.</summary>
    Task<MyTasks> TasksAsync(Actor actor, CancellationToken ct);
}
