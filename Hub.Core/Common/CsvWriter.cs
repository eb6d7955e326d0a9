using System.Buffers;
using System.Text;

namespace Hub.Core.Common;

/// <summary>
/// The one writer of CSV fields for every export. Safe to open in a spreadsheet whichever separator it splits on
/// (German Excel splits a comma-separated file on ";", even inside quotes that do not open the cell):
/// - a field holding a separator (comma or semicolon), a quote, a tab or a line break is quoted (RFC 4180);
/// - a formula character (= + - @, their full-width forms ＝ ＋ － ＠, and a leading tab or carriage return) that could
///   open a cell — at the start of the field, or after a comma, semicolon, tab or line break inside it, spaces between
///   — gets an apostrophe before it, so no cell starts a formula (CWE-1236).
/// </summary>
public static class CsvWriter
{
    private static readonly SearchValues<char> _quoteWhen = SearchValues.Create(",;\"\n\r\t");

    public static string Field(string? value)
    {
        var v = value ?? "";
        var text = new StringBuilder(v.Length + 4);
        var cellStart = true;
        foreach (var c in v)
        {
            if (cellStart && c is ' ' or '"')
            {
                // Spaces, and a quote that may open the cell for a reader splitting on another separator, keep the cell's start.
                text.Append(c);
                continue;
            }

            if (cellStart && (IsFormulaStart(c) || (text.Length == 0 && c is '\t' or '\r')))
                text.Append('\'');
            text.Append(c);
            cellStart = c is ',' or ';' or '\t' or '\n' or '\r';
        }

        var field = text.ToString();
        return field.AsSpan().IndexOfAny(_quoteWhen) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }

    /// <summary>One line of fields, comma-separated, with its line feed.</summary>
    public static string Line(params string?[] fields) => string.Join(',', fields.Select(Field)) + "\n";

    private static bool IsFormulaStart(char c) => c is '=' or '+' or '-' or '@' or '＝' or '＋' or '－' or '＠';
}
