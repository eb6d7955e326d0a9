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
    public static string ToCode(this DraftStatus status) => status switch
    {
        DraftStatus.Draft => "draft",
        DraftStatus.InReview => "in_review",
        DraftStatus.ChangesRequested => "changes_requested",
        DraftStatus.Approved => "approved",
        DraftStatus.Released => "released",
        DraftStatus.Withdrawn => "withdrawn",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static bool TryParseStatus(string? code, out DraftStatus status)
    {
        foreach (var candidate in Enum.GetValues<DraftStatus>())
        {
            if (string.Equals(candidate.ToCode(), code, StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }

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

    public static string ToCode(this ReviewVerdict verdict) => verdict switch
    {
        ReviewVerdict.Approve => "approve",
        ReviewVerdict.RequestChanges => "request_changes",
        ReviewVerdict.Comment => "comment",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict)),
    };

    public static bool TryParseVerdict(string? code, out ReviewVerdict verdict)
    {
        foreach (var candidate in Enum.GetValues<ReviewVerdict>())
        {
            if (string.Equals(candidate.ToCode(), code, StringComparison.Ordinal))
            {
                verdict = candidate;
                return true;
            }
        }

        verdict = default;
        return false;
    }
}

public enum ReviewVerdict
{
    Approve,
    RequestChanges,
    Comment,
}
