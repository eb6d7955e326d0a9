using System.Text.RegularExpressions;

namespace Hub.Core.Catalog;

public sealed record ThemenfeldRow(int Id, string Name);

public sealed record LebenslageRow(int Id, int ThemenfeldId, string Name);

public sealed record ServiceRow(string OzgId, string Name, int? LebenslageId, int ThemenfeldId);

public sealed record LeikaRow(string? Key, string Name, string OzgId, string LeikaTyp, bool SdgRelevant);

/// <summary>A whole, consistent catalogue ready to be written.</summary>
public sealed record CatalogImportSet(
    IReadOnlyList<ThemenfeldRow> Themenfelder,
    IReadOnlyList<LebenslageRow> Lebenslagen,
    IReadOnlyList<ServiceRow> Services,
    IReadOnlyList<LeikaRow> Leika,
    int DuplicatesSkipped,
    IReadOnlyList<string> Warnings);

public sealed record TableImportCount(string Table, int Read, int Inserted, int Updated)
{
    public int Unchanged => Read - Inserted - Updated;
}

public sealed record CatalogImportSummary(IReadOnlyList<TableImportCount> Tables)
{
    public bool ChangedAnything => Tables.Any(t => t.Inserted + t.Updated > 0);
}

/// <summary>
/// Reads the catalogue files (the format of data/ozg-*.csv and data/leika-leistungen.csv), checks every row
/// and every reference, and either returns a consistent set or every problem with file and line. Pure: the caller reads the files.
/// </summary>
public static partial class CatalogImport
{
    public const string ThemenfelderFile = "ozg-themenfelder.csv";
    public const string LebenslagenFile = "ozg-lebenslagen.csv";
    public const string ServicesFile = "ozg-leistungen.csv";
    public const string LeikaFile = "leika-leistungen.csv";

    public static readonly IReadOnlyList<string> Files = [ThemenfelderFile, LebenslagenFile, ServicesFile, LeikaFile];

    public static (CatalogImportSet? Set, IReadOnlyList<string> Errors) Parse(IReadOnlyDictionary<string, string> files)
    {
        var errors = new List<string>();
        foreach (var missing in Files.Where(f => !files.ContainsKey(f)))
            errors.Add($"{missing}: file missing.");
        if (errors.Count > 0)
            return (null, errors);

        var themenfelder = Rows(files, ThemenfelderFile, ["themenfeld_id", "themenfeld"], errors, (f, e) =>
            Int(f[0], "themenfeld_id", e) is { } id && Name(f[1], "themenfeld", 200, e) is { } name ? new ThemenfeldRow(id, name) : null);
        var lebenslagen = Rows(files, LebenslagenFile, ["lebenslage_id", "themenfeld_id", "lebenslage"], errors, (f, e) =>
            Int(f[0], "lebenslage_id", e) is { } id && Int(f[1], "themenfeld_id", e) is { } tf && Name(f[2], "lebenslage", 200, e) is { } name
                ? new LebenslageRow(id, tf, name) : null);
        var services = Rows(files, ServicesFile, ["ozg_id", "name", "lebenslage_id", "themenfeld_id"], errors, (f, e) =>
        {
            if (!OzgId().IsMatch(f[0]))
                e.Add("ozg_id must have 5 digits");
            var ll = f[2].Length == 0 ? null : Int(f[2], "lebenslage_id", e);
            return Name(f[1], "name", 500, e) is { } name && Int(f[3], "themenfeld_id", e) is { } tf && OzgId().IsMatch(f[0])
                ? new ServiceRow(f[0], name, ll, tf) : null;
        });
        var leika = Rows(files, LeikaFile, ["leika_key", "name", "ozg_id", "leika_typ", "sdg_relevant"], errors, (f, e) =>
        {
            if (f[0].Length > 0 && !LeikaKey().IsMatch(f[0]))
                e.Add("leika_key must be empty or have 14 digits");
            if (!OzgId().IsMatch(f[2]))
                e.Add("ozg_id must have 5 digits");
            if (!LeikaTyp().IsMatch(f[3]))
                e.Add("leika_typ must look like 1, 2/3 or 5");
            if (f[4] is not ("0" or "1"))
                e.Add("sdg_relevant must be 0 or 1");
            return Name(f[1], "name", 500, e) is { } name && e.Count == 0
                ? new LeikaRow(f[0].Length == 0 ? null : f[0], name, f[2], f[3].Trim(), f[4] == "1") : null;
        });
        if (errors.Count > 0)
            return (null, errors);

        var duplicates = 0;
        var warnings = new List<string>();
        var tf = Distinct(themenfelder, r => r.Row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ThemenfelderFile, errors, ref duplicates);
        var ll = Distinct(lebenslagen, r => r.Row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), LebenslagenFile, errors, ref duplicates);
        var sv = Distinct(services, r => r.Row.OzgId, ServicesFile, errors, ref duplicates);
        // A LeiKa service without a key is known by OZG-ID and name only: the published extract repeats one with
        // another SDG flag. The first row wins and the import says so, instead of refusing the whole catalogue.
        var keyed = Distinct(leika.Where(r => r.Row.Key is not null).ToList(), r => r.Row.Key!, LeikaFile, errors, ref duplicates);
        var unkeyed = Distinct(leika.Where(r => r.Row.Key is null).ToList(), r => $"{r.Row.OzgId}|{r.Row.Name}", LeikaFile, warnings, ref duplicates);
        var lk = keyed.Concat(unkeyed).OrderBy(r => r.Line).ToList();

        var tfIds = tf.Select(r => r.Row.Id).ToHashSet();
        var llIds = ll.Select(r => r.Row.Id).ToHashSet();
        var svIds = sv.Select(r => r.Row.OzgId).ToHashSet(StringComparer.Ordinal);
        foreach (var (line, row) in ll.Where(r => !tfIds.Contains(r.Row.ThemenfeldId)))
            errors.Add($"{LebenslagenFile}:{line}: unknown themenfeld_id {row.ThemenfeldId}");
        foreach (var (line, row) in sv.Where(r => !tfIds.Contains(r.Row.ThemenfeldId)))
            errors.Add($"{ServicesFile}:{line}: unknown themenfeld_id {row.ThemenfeldId}");
        foreach (var (line, row) in sv.Where(r => r.Row.LebenslageId is { } id && !llIds.Contains(id)))
            errors.Add($"{ServicesFile}:{line}: unknown lebenslage_id {row.LebenslageId}");
        foreach (var (line, row) in lk.Where(r => !svIds.Contains(r.Row.OzgId)))
            errors.Add($"{LeikaFile}:{line}: unknown ozg_id {row.OzgId}");
        if (errors.Count > 0)
            return (null, errors);
        return (new CatalogImportSet(tf.Select(r => r.Row).ToList(), ll.Select(r => r.Row).ToList(), sv.Select(r => r.Row).ToList(),
            lk.Select(r => r.Row).ToList(), duplicates, warnings.Select(w => w + "; the first row is kept").ToList()), []);
    }

    private static List<(int Line, T Row)> Rows<T>(
        IReadOnlyDictionary<string, string> files, string file, string[] header, List<string> errors, Func<IReadOnlyList<string>, List<string>, T?> parse)
        where T : class
    {
        var rows = new List<(int, T)>();
        List<(int Line, IReadOnlyList<string> Fields)> records;
        try
        {
            records = CsvReader.Read(files[file]).ToList();
        }
        catch (FormatException e)
        {
            errors.Add($"{file}: {e.Message}");
            return rows;
        }

        if (records.Count == 0 || !records[0].Fields.Select(f => f.Trim()).SequenceEqual(header))
        {
            errors.Add($"{file}:1: expected the header {string.Join(',', header)}");
            return rows;
        }

        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Count != header.Length)
            {
                errors.Add($"{file}:{line}: expected {header.Length} fields, found {fields.Count}");
                continue;
            }

            var problems = new List<string>();
            var row = parse(fields.Select(f => f.Trim()).ToList(), problems);
            if (row is null || problems.Count > 0)
                errors.AddRange((problems.Count == 0 ? ["invalid row"] : problems).Select(p => $"{file}:{line}: {p}"));
            else
                rows.Add((line, row));
        }

        return rows;
    }

    /// <summary>Identical repeated rows are skipped (the published LeiKa extract has one); conflicting ones are errors.</summary>
    private static List<(int Line, T Row)> Distinct<T>(List<(int Line, T Row)> rows, Func<(int Line, T Row), string> key, string file, List<string> conflicts, ref int duplicates)
    {
        var seen = new Dictionary<string, (int Line, T Row)>(StringComparer.Ordinal);
        var result = new List<(int, T)>();
        foreach (var row in rows)
        {
            var k = key(row);
            if (seen.TryGetValue(k, out var first))
            {
                if (Equals(first.Row, row.Row))
                    duplicates++;
                else
                    conflicts.Add($"{file}:{row.Line}: key {k} already used on line {first.Line} with other values");
                continue;
            }

            seen[k] = row;
            result.Add(row);
        }

        return result;
    }

    private static int? Int(string value, string column, List<string> errors)
    {
        if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0)
            return n;
        errors.Add($"{column} must be a positive whole number");
        return null;
    }

    private static string? Name(string value, string column, int max, List<string> errors)
    {
        if (value.Length == 0 || value.Length > max)
        {
            errors.Add($"{column} must have 1 to {max} characters");
            return null;
        }

        return value;
    }

    [GeneratedRegex("^[0-9]{5}$")]
    private static partial Regex OzgId();

    [GeneratedRegex("^[0-9]{14}$")]
    private static partial Regex LeikaKey();

    [GeneratedRegex("^[0-9/, ]{0,20}$")]
    private static partial Regex LeikaTyp();
}
