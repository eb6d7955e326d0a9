using Hub.Core.Common;

namespace Hub.Core.Progress;

public enum ImplementationState
{
    NotStarted,
    Planned,
    InProgress,
    Live,
    NoSolution,
    NotRelevant,
}

public static class ImplementationCodes
{
    public static CodeMap<ImplementationState> Map { get; } = new(
        (ImplementationState.NotStarted, "not_started"),
        (ImplementationState.Planned, "planned"),
        (ImplementationState.InProgress, "in_progress"),
        (ImplementationState.Live, "live"),
        (ImplementationState.NoSolution, "no_solution"),
        (ImplementationState.NotRelevant, "not_relevant"));

    public static string ToCode(this ImplementationState state) => Map.Code(state);

    /// <summary>The German label (the localization key).</summary>
    public static string Label(this ImplementationState state) => state switch
    {
        ImplementationState.NotStarted => "nicht begonnen",
        ImplementationState.Planned => "geplant",
        ImplementationState.InProgress => "in Umsetzung",
        ImplementationState.Live => "live",
        ImplementationState.NoSolution => "keine Lösung auf der Plattform",
        ImplementationState.NotRelevant => "nicht relevant",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static bool TryParse(string? code, out ImplementationState state) => Map.TryParse(code, out state);
}

/// <summary>One organization's Umsetzungsstand for one OZG-Leistung (the default when nothing was recorded).</summary>
public sealed record ImplementationStatus(
    string OzgId,
    string ServiceName,
    int ThemenfeldId,
    string ThemenfeldName,
    bool Responsible,
    ImplementationState State,
    int? Reifegrad,
    string? Reason,
    Guid? AdoptionId,
    Guid? DraftId,
    bool Recorded,
    DateTimeOffset? UpdatedAt,
    int RowVersion);

/// <summary>One row of a bulk change (API PUT or CSV import).</summary>
public sealed record ImplementationInput(string OzgId, bool Responsible, ImplementationState State, int? Reifegrad, string? Reason);

public sealed record ImplementationChange(ImplementationInput Before, ImplementationInput After);

public interface IImplementationStore
{
    /// <summary>Every OZG-Leistung with the organization's recorded status or the default.</summary>
    Task<IReadOnlyList<ImplementationStatus>> ListAsync(Guid organizationId, CancellationToken ct);

    /// <summary>Upserts the rows in one transaction with one audit event (the changes as before/after).</summary>
    Task UpsertAsync(Guid organizationId, IReadOnlyList<ImplementationInput> rows, Guid userId, DateTimeOffset at, Audit.AuditEvent audit, CancellationToken ct);
}

public static class ImplementationRules
{
    public const int ReasonMax = 2000;

    /// <summary>Checks one row; the field names are the API's (with the row index or CSV line as prefix by the caller).</summary>
    public static IEnumerable<string> Problems(string? ozgId, string? status, int? reifegrad, string? reason, IReadOnlySet<string> knownServices)
    {
        if (ozgId is null || !knownServices.Contains(ozgId))
            yield return $"unknown ozg_id '{ozgId}'";
        if (!ImplementationCodes.TryParse(status, out var state))
            yield return $"unknown status '{status}' ({string.Join(", ", ImplementationCodes.Map.Codes)})";
        if (reifegrad is < 0 or > 4)
            yield return "reifegrad must be 0 to 4";
        if (state == ImplementationState.NotRelevant && string.IsNullOrWhiteSpace(reason))
            yield return "not_relevant needs a reason";
        if (reason?.Length > ReasonMax)
            yield return $"reason has more than {ReasonMax} characters";
    }
}
