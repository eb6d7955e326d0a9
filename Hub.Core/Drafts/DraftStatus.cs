using Hub.Core.Common;

namespace Hub.Core.Drafts;

public enum DraftStatus
{
    Draft,
    InReview,
    ChangesRequested,
    Approved,
    Released,
    Withdrawn,
}

public enum DraftAction
{
    Edit,
    Submit,
    Recall,
    Approve,
    RequestChanges,
    Comment,
    Release,
    Withdraw,
}

public static class DraftCodes
{
    public static CodeMap<DraftStatus> Statuses { get; } = new(
        (DraftStatus.Draft, "draft"),
        (DraftStatus.InReview, "in_review"),
        (DraftStatus.ChangesRequested, "changes_requested"),
        (DraftStatus.Approved, "approved"),
        (DraftStatus.Released, "released"),
        (DraftStatus.Withdrawn, "withdrawn"));

    public static CodeMap<ReviewVerdict> Verdicts { get; } = new(
        (ReviewVerdict.Approve, "approve"),
        (ReviewVerdict.RequestChanges, "request_changes"),
        (ReviewVerdict.Comment, "comment"));

    public static string ToCode(this DraftStatus status) => Statuses.Code(status);

    public static bool TryParseStatus(string? code, out DraftStatus status) => Statuses.TryParse(code, out status);

    public static DraftStatus ParseStatus(string code) =>
        TryParseStatus(code, out var s) ? s : throw new FormatException($"Unknown draft status '{code}'.");

    /// <summary>German label of a status (the localization key).</summary>
    public static string Label(this DraftStatus status) => status switch
    {
        DraftStatus.Draft => "Entwurf",
        DraftStatus.InReview => "In Prüfung",
        DraftStatus.ChangesRequested => "Änderungen angefordert",
        DraftStatus.Approved => "Freigabereif",
        DraftStatus.Released => "Freigegeben",
        DraftStatus.Withdrawn => "Zurückgezogen",
        _ => status.ToString(),
    };

    public static string ToCode(this ReviewVerdict verdict) => Verdicts.Code(verdict);

    public static bool TryParseVerdict(string? code, out ReviewVerdict verdict) => Verdicts.TryParse(code, out verdict);
}

public enum ReviewVerdict
{
    Approve,
    RequestChanges,
    Comment,
}
