using Hub.Core.Catalog;
using Hub.Core.Common;
using Hub.Core.Progress;
using Hub.Core.Tenancy;
using Xunit;

namespace Hub.Core.Tests.Common;

/// <summary>
/// Attack finding 5: CSV exports never hand a spreadsheet a formula (CWE-1236), whether it splits on "," or — as
/// German Excel does with a comma-separated file — on ";". Checked by reading the file back both ways.
/// </summary>
public sealed class CsvWriterTests
{
    public static readonly string[] Hostile =
    [
        "=HYPERLINK(\"http://evil\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "a;@SUM(1+1)", "a,=1+1", "x; =2*3",
        "Zeile\n+A1", "＝1+1", "ok;＠SUM(1)", "\"; -1", "  =1", "a;\"=HYPERLINK(1)", "b,\" \"@x", "Viernheim, Stadt", "Lorsch",
    ];

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\",\"x\")", "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "\"'\t'=1\"")]
    [InlineData("\r=1", "\"'\r'=1\"")]
    [InlineData("a;@SUM(1+1)", "\"a;'@SUM(1+1)\"")]
    [InlineData("x; =2*3", "\"x; '=2*3\"")]
    [InlineData("＝1+1", "'＝1+1")]
    [InlineData("Viernheim, Stadt", "\"Viernheim, Stadt\"")]
    [InlineData("Lorsch", "Lorsch")]
    [InlineData("E-Mail an Bürger-Service", "E-Mail an Bürger-Service")]
    [InlineData(null, "")]
    public void Field_DefusesEveryCellStartAndQuotesSeparators(string? value, string expected) => Assert.Equal(expected, CsvWriter.Field(value));

    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    public void ImplementationExport_ReadBackWithEitherSeparator_HasNoCellThatStartsAFormula(char separator)
    {
        var organization = new Organization(Guid.NewGuid(), "=Gemeinde;@x", OrganizationKind.Gemeinde, "06431020", "06", null, null, DateTimeOffset.UnixEpoch);
        var rows = Hostile.Select((reason, i) => new ImplementationStatus("1" + i.ToString("0000", System.Globalization.CultureInfo.InvariantCulture),
            reason, 1, "Themenfeld", true, ImplementationState.NotRelevant, null, reason, null, null, true, null, 1)).ToList();

        var csv = ManageImplementation.ToCsv(organization, rows);

        var cells = CsvReader.Read(csv, separator).SelectMany(r => r.Fields).ToList();
        Assert.True(cells.Count > Hostile.Length);
        Assert.DoesNotContain(cells, c => c.TrimStart(' ').Length > 0 && c.TrimStart(' ')[0] is '=' or '+' or '-' or '@' or '＝' or '＋' or '－' or '＠' or '\t' or '\r');
        if (separator == ',')
        {
            // Read as it was written, every reason comes back with only the apostrophes added.
            var reasons = CsvReader.Read(csv).Skip(1).Select(r => r.Fields[^1]).ToList();
            Assert.Equal(Hostile.Select(h => h.Replace("'", "", StringComparison.Ordinal)), reasons.Select(r => r.Replace("'", "", StringComparison.Ordinal)));
        }
    }
}
