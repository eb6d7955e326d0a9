using Hub.Core.Common;
using Hub.Core.Drafts;

namespace Hub.Core.Releases;

/// <summary>One released service as the public catalogue shows it: its newest active release and public figures only.</summary>
public sealed record PublicService(
    Guid DraftId,
    Guid ReleaseId,
    string Title,
    string? Summary,
    ReleaseVersion Version,
    DateTimeOffset ReleasedAt,
    string NotesHtml,
    Guid OwnerOrganizationId,
    string OwnerOrganizationName,
    string LandCode,
    Guid CooperationId,
    string CooperationName,
    int? Reifegrad,
    IReadOnlyList<string> OzgIds,
    IReadOnlyList<string> Themenfelder,
    int Adopters,
    int Live,
    string? Snippet);

/// <summary>Search hits in a snippet are wrapped in these control characters; the web layer encodes the text and turns them into &lt;mark&gt;.</summary>
public static class SnippetMarks
{
    public const string Start = "\u0002";
    public const string Stop = "\u0003";
}

/// <summary>Filters of the public catalogue; <see cref="Text"/> is a German full-text query (websearch syntax).</summary>
public sealed record PublicQuery(string? Text, int? ThemenfeldId, Guid? OwnerId, Guid? CooperationId, int? MinReifegrad, string? LandCode);

public sealed record FeedEntry(Guid ReleaseId, Guid DraftId, string Title, ReleaseVersion Version, DateTimeOffset ReleasedAt, string Notes, string OwnerOrganizationName);

public interface IPublicCatalogue
{
    /// <summary>Ranked by relevance when searching, else newest first. Released content only.</summary>
    Task<Page<PublicService>> SearchAsync(PublicQuery query, PageRequest page, CancellationToken ct);

    Task<PublicService?> GetAsync(Guid draftId, CancellationToken ct);

    /// <summary>The newest releases (any status), for Atom feeds: all, of one Themenfeld, or of one service.</summary>
    Task<IReadOnlyList<FeedEntry>> FeedAsync(int? themenfeldId, Guid? draftId, int count, CancellationToken ct);

    /// <summary>Lead organizations with an active release: all, or those of one Land.</summary>
    Task<IReadOnlyList<(Guid Id, string Name)>> OwnersAsync(string? landCode, CancellationToken ct);

    /// <summary>Cooperations with an active release: all, or those with one whose lead organization is in the Land.</summary>
    Task<IReadOnlyList<(Guid Id, string Name)>> CooperationsAsync(string? landCode, CancellationToken ct);
}
