using System.Globalization;
using System.Text.RegularExpressions;
using Hub.Core.Catalog;

namespace Hub.Core.Tenancy;

public sealed record OrganizationImportRow(string Ags, string? Ars, string Name, OrganizationKind Kind, string LandCode, string? Kreis, string KreisCode, int? Population);

public sealed record OrganizationImportSummary(int Read, int Inserted, int Updated)
{
    public int Unchanged => Read - Inserted - Updated;
}

/// <summary>
/// Reads municipalities (the format of data/gemeinden.csv) and Kreise (kreise.csv), optionally of one Land.
/// A Kreis gets the 8-digit AGS of its 5-digit code padded with 000; a kreisfreie Stadt appears in both files with the
/// same AGS and is one organization. Pure: the caller reads the files; every problem is reported with file and line.
/// </summary>
public static partial class OrganizationImport
{
    private static readonly string[] _municipalityHeader = ["ags", "ars", "name", "kind", "land_code", "land", "kreis_code", "kreis", "kreis_kind", "population", "postal_code"];
    private static readonly string[] _kreisHeader = ["kreis_code", "name", "kind", "land_code", "land"];

    public static (IReadOnlyList<OrganizationImportRow> Rows, IReadOnlyList<string> Errors) Parse(IReadOnlyList<(string Name, string Text)> files, string? landCode)
    {
        var errors = new List<string>();
        var rows = new Dictionary<string, OrganizationImportRow>(StringComparer.Ordinal);
        if (landCode is not null && !Lands.IsValid(landCode))
            errors.Add($"--land {landCode}: not a Land code (01 … 16)");
        foreach (var (name, text) in files)
        {
            List<(int Line, IReadOnlyList<string> Fields)> records;
            try
            {
                records = CsvReader.Read(text).ToList();
            }
            catch (FormatException e)
            {
                errors.Add($"{name}: {e.Message}");
                continue;
            }

            var header = records.Count == 0 ? [] : records[0].Fields.Select(f => f.Trim()).ToArray();
            var municipalities = header.SequenceEqual(_municipalityHeader);
            if (!municipalities && !header.SequenceEqual(_kreisHeader))
            {
                errors.Add($"{name}:1: expected the header of gemeinden.csv ({string.Join(',', _municipalityHeader)}) or kreise.csv ({string.Join(',', _kreisHeader)})");
                continue;
            }

            foreach (var (line, fields) in records.Skip(1))
            {
                if (fields.Count != header.Length)
                {
                    errors.Add($"{name}:{line}: expected {header.Length} fields, found {fields.Count}");
                    continue;
                }

                var f = fields.Select(x => x.Trim()).ToArray();
                var row = municipalities ? Municipality(f, out var problem) : Kreis(f, out problem);
                if (problem is not null)
                    errors.Add($"{name}:{line}: {problem}");
                else if (row is not null && (landCode is null || row.LandCode == landCode)
                         && (!rows.TryGetValue(row.Ags, out var known) || (known.Population is null && row.Population is not null)))
                    rows[row.Ags] = row; // a kreisfreie Stadt in both files: the municipality row (with population) wins
            }
        }

        return (errors.Count == 0 ? rows.Values.OrderBy(r => r.Ags, StringComparer.Ordinal).ToList() : [], errors);
    }

    private static OrganizationImportRow? Municipality(string[] f, out string? problem)
    {
        problem = !Ags().IsMatch(f[0]) ? "ags must have 8 digits"
            : f[1].Length > 0 && !Ars().IsMatch(f[1]) ? "ars must have 12 digits"
            : f[2].Length is 0 or > 200 ? "name must have 1 to 200 characters"
            : !Lands.IsValid(f[4]) || !f[0].StartsWith(f[4], StringComparison.Ordinal) ? "land_code must be the first two digits of the AGS"
            : !KreisCode().IsMatch(f[6]) ? "kreis_code must have 5 digits"
            : f[9].Length > 0 && !int.TryParse(f[9], NumberStyles.None, CultureInfo.InvariantCulture, out _) ? "population must be a whole number"
            : MunicipalityKind(f[3]) is null ? $"unknown kind '{f[3]}'"
            : null;
        if (problem is not null)
            return null;
        return new OrganizationImportRow(f[0], f[1].Length == 0 ? null : f[1], f[2], MunicipalityKind(f[3])!.Value, f[4], f[7].Length == 0 ? null : f[7], f[6],
            f[9].Length == 0 ? null : int.Parse(f[9], CultureInfo.InvariantCulture));
    }

    private static OrganizationImportRow? Kreis(string[] f, out string? problem)
    {
        problem = !KreisCode().IsMatch(f[0]) ? "kreis_code must have 5 digits"
            : f[1].Length is 0 or > 200 ? "name must have 1 to 200 characters"
            : !Lands.IsValid(f[3]) || !f[0].StartsWith(f[3], StringComparison.Ordinal) ? "land_code must be the first two digits of the kreis_code"
            : f[2] is not ("Landkreis" or "Kreis" or "kreisfreie Stadt" or "Stadtkreis") ? $"unknown kind '{f[2]}'"
            : null;
        if (problem is not null)
            return null;
        var kind = f[2] is "Landkreis" or "Kreis" ? OrganizationKind.Landkreis : OrganizationKind.KreisfreieStadt;
        return new OrganizationImportRow(f[0] + "000", null, f[1], kind, f[3], f[1], f[0], null);
    }

    private static OrganizationKind? MunicipalityKind(string kind) => kind switch
    {
        "Gemeinde" => OrganizationKind.Gemeinde,
        "Stadt" => OrganizationKind.Stadt,
        "kreisfreie Stadt" or "Stadtkreis" => OrganizationKind.KreisfreieStadt,
        _ => null,
    };

    [GeneratedRegex("^[0-9]{8}$")]
    private static partial Regex Ags();

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex Ars();

    [GeneratedRegex("^[0-9]{5}$")]
    private static partial Regex KreisCode();
}
