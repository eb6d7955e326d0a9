using System.Globalization;
using Hub.Core.Audit;
using Hub.Core.Catalog;
using Hub.Core.Common;
using Hub.Core.Tenancy;

namespace Hub.Core.Progress;

public sealed record ImplementationImport(IReadOnlyList<ImplementationChange> Changes, IReadOnlyList<string> Errors, bool Applied);

/// <summary>
/// The Umsetzungsstand of one organization: read by those who may see its progress, written only by its editors,
/// in bulk (API) or from CSV (with a dry run that lists what would change). Bad rows change nothing.
/// </summary>
public sealed class ManageImplementation(IImplementationStore store, IOrganizationStore organizations, ICooperationStore cooperations, IClock clock)
{
    public const int MaxRows = 5000;
    private static readonly string[] _header = ["ags", "ozg_id", "name", "responsible", "status", "reifegrad", "reason"];

    public static string CsvHeader => string.Join(',', _header);

    public async Task<Result<(Organization Organization, IReadOnlyList<ImplementationStatus> Rows)>> GetAsync(Actor actor, Guid organizationId, CancellationToken ct)
    {
        var organization = await VisibleAsync(actor, organizationId, ct);
        if (organization is null)
            return NotFound.Instance;
        return (organization, await store.ListAsync(organizationId, ct));
    }

    /// <summary>
    /// Bulk upsert. A row that carries the row version it was based on and meanwhile changed in the database is a conflict
    /// (409 stale_status, nothing written) unless it already holds the same values: concurrent editors never overwrite each other.
    /// </summary>
    public async Task<Result<int>> PutAsync(
        Actor actor, Guid organizationId, IReadOnlyList<(string? OzgId, bool? Responsible, string? Status, int? Reifegrad, string? Reason, int? BaseRowVersion)> rows,
        CancellationToken ct)
    {
        var editable = await EditableAsync(actor, organizationId, ct);
        if (!editable.IsSuccess)
            return editable.Error;
        var (_, current) = editable.Value;
        var v = new FieldValidator();
        if (rows.Count is 0 or > MaxRows)
            v.Add("rows", "Bitte 1 bis {0} Zeilen senden.", MaxRows);
        var inputs = new List<ImplementationInput>();
        var known = current.Keys.ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            foreach (var problem in ImplementationRules.Problems(r.OzgId, r.Status, r.Reifegrad, r.Reason, known))
                v.Add($"rows[{i}]", "{0}", problem);
            if (!v.HasErrors && ImplementationCodes.TryParse(r.Status, out var state))
                inputs.Add(new ImplementationInput(r.OzgId!, r.Responsible ?? current[r.OzgId!].Responsible, state, r.Reifegrad, FieldValidator.Trim(r.Reason)));
        }

        if (v.HasErrors)
            return v.ToError();
        var changes = Changes(current, inputs);
        var stale = rows.Where(r => r.BaseRowVersion is { } b && current[r.OzgId!].RowVersion != b)
            .Select(r => r.OzgId!).Intersect(changes.Select(c => c.After.OzgId)).Order(StringComparer.Ordinal).ToList();
        if (stale.Count > 0)
        {
            return new Conflict("stale_status", new ErrorMessage(
                "Inzwischen hat jemand anderes den Stand geändert ({0}). Nichts wurde überschrieben; bitte laden Sie neu.", string.Join(", ", stale)))
            {
                Details = new Dictionary<string, object> { ["ozgIds"] = stale },
            };
        }

        await WriteAsync(actor, organizationId, changes, ct);
        return inputs.Count;
    }

    /// <summary>CSV in the export format; every row checked first; with <paramref name="dryRun"/> nothing is written.</summary>
    public async Task<Result<ImplementationImport>> ImportCsvAsync(Actor actor, Guid organizationId, byte[] bytes, bool dryRun, CancellationToken ct)
    {
        var editable = await EditableAsync(actor, organizationId, ct);
        if (!editable.IsSuccess)
            return editable.Error;
        var (organization, current) = editable.Value;
        var (inputs, errors) = ParseCsv(bytes, organization.Ags, current.Keys.ToHashSet(StringComparer.Ordinal));
        var changes = errors.Count == 0 ? Changes(current, inputs) : [];
        var apply = !dryRun && errors.Count == 0 && changes.Count > 0;
        if (apply)
            await WriteAsync(actor, organizationId, changes, ct);
        return new ImplementationImport(changes, errors, apply);
    }

    public static (IReadOnlyList<ImplementationInput> Rows, IReadOnlyList<string> Errors) ParseCsv(byte[] bytes, string? ags, IReadOnlySet<string> knownServices)
    {
        var (text, encoding) = CsvText.Decode(bytes);
        if (text is null)
            return ([], [encoding!]);
        List<(int Line, IReadOnlyList<string> Fields)> records;
        try
        {
            records = CsvReader.Read(text).ToList();
        }
        catch (FormatException e)
        {
            return ([], [e.Message]);
        }

        if (records.Count == 0 || !records[0].Fields.Select(f => f.Trim()).SequenceEqual(_header))
            return ([], [$"line 1: expected the header {CsvHeader}"]);
        var errors = new List<string>();
        var rows = new Dictionary<string, ImplementationInput>(StringComparer.Ordinal);
        if (records.Count - 1 > MaxRows)
            errors.Add($"more than {MaxRows} rows");
        foreach (var (line, raw) in records.Skip(1))
        {
            if (raw.Count != _header.Length)
            {
                errors.Add($"line {line}: expected {_header.Length} fields, found {raw.Count}");
                continue;
            }

            var f = raw.Select(x => x.Trim()).ToArray();
            var problems = new List<string>();
            if (f[0] != (ags ?? ""))
                problems.Add($"row for another organization (AGS {f[0]}); this import is for AGS {ags ?? "–"} only");
            int? reifegrad = null;
            if (f[5].Length > 0)
            {
                if (int.TryParse(f[5], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                    reifegrad = n;
                else
                    problems.Add("reifegrad must be 0 to 4");
            }

            if (f[3] is not ("ja" or "nein" or "true" or "false" or "1" or "0"))
                problems.Add("responsible must be ja or nein");
            problems.AddRange(ImplementationRules.Problems(f[1], f[4], reifegrad, f[6].Length == 0 ? null : f[6], knownServices));
            if (rows.ContainsKey(f[1]))
                problems.Add($"ozg_id {f[1]} appears twice");
            if (problems.Count > 0)
            {
                errors.AddRange(problems.Select(p => $"line {line}: {p}"));
                continue;
            }

            var state = ImplementationCodes.TryParse(f[4], out var parsed) ? parsed : ImplementationState.NotStarted;
            rows[f[1]] = new ImplementationInput(f[1], f[3] is "ja" or "true" or "1", state, reifegrad, f[6].Length == 0 ? null : f[6]);
        }

        return errors.Count == 0 ? (rows.Values.ToList(), errors) : ([], errors);
    }

    public static string ToCsv(Organization organization, IEnumerable<ImplementationStatus> rows) =>
        CsvHeader + "\n" + string.Concat(rows.Select(r => CsvWriter.Line(
            organization.Ags, r.OzgId, r.ServiceName, r.Responsible ? "ja" : "nein", r.State.ToCode(), r.Reifegrad?.ToString(CultureInfo.InvariantCulture), r.Reason)));

    private static List<ImplementationChange> Changes(Dictionary<string, ImplementationStatus> current, IEnumerable<ImplementationInput> inputs) =>
        inputs.Select(i => (Before: current[i.OzgId], After: i))
            .Select(p => new ImplementationChange(new ImplementationInput(p.Before.OzgId, p.Before.Responsible, p.Before.State, p.Before.Reifegrad, p.Before.Reason), p.After))
            .Where(c => c.Before != c.After)
            .ToList();

    private async Task WriteAsync(Actor actor, Guid organizationId, List<ImplementationChange> changes, CancellationToken ct)
    {
        if (changes.Count == 0)
            return;
        var at = clock.UtcNow;
        var audit = AuditEvent.Create(at, actor, organizationId, "organization", organizationId, "implementation_status_changed",
            before: changes.Select(c => new { c.Before.OzgId, status = c.Before.State.ToCode(), c.Before.Responsible, c.Before.Reifegrad }),
            after: changes.Select(c => new { c.After.OzgId, status = c.After.State.ToCode(), c.After.Responsible, c.After.Reifegrad, c.After.Reason }));
        await store.UpsertAsync(organizationId, changes.Select(c => c.After).ToList(), actor.UserId, at, audit, ct);
    }

    /// <summary>The organization and its current rows for one of its editors; 404 for those who may not see it, 403 for readers.</summary>
    private async Task<Result<(Organization Organization, Dictionary<string, ImplementationStatus> Current)>> EditableAsync(
        Actor actor, Guid organizationId, CancellationToken ct)
    {
        var organization = await VisibleAsync(actor, organizationId, ct);
        if (organization is null)
            return NotFound.Instance;
        if (!OrganizationVisibility.CanEdit(actor, organizationId))
            return Forbidden.Instance;
        return (organization, (await store.ListAsync(organizationId, ct)).ToDictionary(r => r.OzgId, StringComparer.Ordinal));
    }

    private Task<Organization?> VisibleAsync(Actor actor, Guid organizationId, CancellationToken ct) =>
        OrganizationVisibility.VisibleAsync(actor, organizationId, organizations, cooperations, ct);
}
