using Hub.Core.Common;
using Hub.Core.Drafts;
using Hub.Core.Releases;

namespace Hub.Core.Adoptions;

public enum AdoptionStatus
{
    Planned,
    InProgress,
    Live,
    Dropped,
}

public static class AdoptionCodes
{
    public static CodeMap<AdoptionStatus> Map { get; } = new(
        (AdoptionStatus.Planned, "planned"),
        (AdoptionStatus.InProgress, "in_progress"),
        (AdoptionStatus.Live, "live"),
        (AdoptionStatus.Dropped, "dropped"));

    public static string ToCode(this AdoptionStatus status) => Map.Code(status);

    public static bool TryParse(string? code, out AdoptionStatus status) => Map.TryParse(code, out status);

    /// <summary>The status of a stored code; an unknown code reads as planned.</summary>
    public static AdoptionStatus Parse(string code) => TryParse(code, out var s) ? s : AdoptionStatus.Planned;

    /// <summary>The German label (the localization key).</summary>
    public static string Label(this AdoptionStatus status) => status switch
    {
        AdoptionStatus.InProgress => "in Umsetzung",
        AdoptionStatus.Live => "live",
        AdoptionStatus.Dropped => "aufgegeben",
        _ => "geplant",
    };
}

/// <summary>One organization's adoption of a released service, with the newest release of that service for "Update verfügbar".</summary>
public sealed record Adoption(
    Guid Id,
    Guid OrganizationId,
    string OrganizationName,
    string OrganizationLandCode,
    Guid DraftId,
    string Title,
    string OwnerOrganizationName,
    Guid ReleaseId,
    ReleaseVersion Version,
    int Revision,
    ReleaseStatus ReleaseStatus,
    AdoptionStatus Status,
    DateOnly? PlannedFor,
    DateOnly? LiveSince,
    string Notes,
    string NotesHtml,
    int RowVersion,
    DateTimeOffset UpdatedAt,
    Guid? NewestReleaseId,
    ReleaseVersion? NewestVersion)
{
    public bool UpdateAvailable => NewestVersion is { } newest && newest > Version && Status != AdoptionStatus.Dropped;
}

public sealed record NewAdoption(Guid Id, Guid OrganizationId, Guid DraftId, Guid ReleaseId, Guid CreatedBy, DateTimeOffset At);

public sealed record AdoptionChange(AdoptionStatus Status, DateOnly? PlannedFor, DateOnly? LiveSince, string Notes, string NotesHtml, Guid ReleaseId, DateTimeOffset At);
