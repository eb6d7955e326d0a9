using Hub.Core.Common;
using Hub.Core.Drafts;

namespace Hub.Core.Releases;

public enum ReleaseStatus
{
    Active,
    Deprecated,
    Withdrawn,
}

public static class ReleaseStatusCodes
{
    public static CodeMap<ReleaseStatus> Map { get; } = new(
        (ReleaseStatus.Active, "active"),
        (ReleaseStatus.Deprecated, "deprecated"),
        (ReleaseStatus.Withdrawn, "withdrawn"));

    public static string ToCode(this ReleaseStatus status) => Map.Code(status);

    /// <summary>The status of a stored code; an unknown code reads as active.</summary>
    public static ReleaseStatus Parse(string code) => TryParse(code, out var status) ? status : ReleaseStatus.Active;

    public static bool TryParse(string? code, out ReleaseStatus status) => Map.TryParse(code, out status);

    /// <summary>The German label (the localization key).</summary>
    public static string Label(this ReleaseStatus status) => status switch
    {
        ReleaseStatus.Deprecated => "veraltet",
        ReleaseStatus.Withdrawn => "zurückgezogen",
        _ => "aktiv",
    };
}

public sealed record ReleaseInfo(
    Guid Id,
    Guid DraftId,
    string Title,
    ReleaseVersion Version,
    int Revision,
    bool Breaking,
    string Notes,
    string NotesHtml,
    Guid OwnerOrganizationId,
    string OwnerOrganizationName,
    Guid CooperationId,
    string ReleasedByName,
    ReleaseStatus Status,
    string? StatusReason,
    Guid? SuccessorReleaseId,
    DateTimeOffset? StatusChangedAt,
    DateTimeOffset ReleasedAt);

/// <summary>A release page: the released revision, who approved it, and the release before it to compare with.</summary>
public sealed record ReleaseDetails(
    ReleaseInfo Release,
    DraftRevision Content,
    IReadOnlyList<string> CatalogServiceIds,
    IReadOnlyList<Approval> Approvals,
    ReleaseInfo? Previous,
    DraftRevision? PreviousContent,
    ReleaseInfo? Successor,
    IReadOnlyList<ReleaseInfo> OtherVersions);

public sealed record ReleaseQuery(
    string? Text, int? ThemenfeldId, ReleaseStatus? Status, Guid? DraftId = null, Guid? OwnerId = null, Guid? CooperationId = null, int? MinReifegrad = null,
    string? LandCode = null);

public enum ReleaseAction
{
    Deprecate,
    Withdraw,
}
