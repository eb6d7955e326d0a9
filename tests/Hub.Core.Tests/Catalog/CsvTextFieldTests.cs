using Hub.Core.Catalog;
using Xunit;

namespace Hub.Core.Tests.Catalog;

/// <summary>CSV exports never hand a spreadsheet a formula (CWE-1236): a leading =, +, -, @, tab or CR is defused with a quote.</summary>
public sealed class CsvTextFieldTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\",\"x\")", "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("Viernheim, Stadt", "\"Viernheim, Stadt\"")]
    [InlineData("Lorsch", "Lorsch")]
    [InlineData(null, "")]
    public void Field_FormulaStartsAndSeparators_AreDefused(string? value, string expected) => Assert.Equal(expected, CsvText.Field(value));
}
