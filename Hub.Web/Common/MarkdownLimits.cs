namespace Hub.Web.Common;

/// <summary>
/// Shapes Markdig parses in quadratic time, refused before parsing. Inline parsing works per paragraph, and within one
/// paragraph unclosed link openers ("[a](" repeated) and long runs of unmatched emphasis or code delimiters make every
/// opener scan the rest of the paragraph: 200 kB of "[a](" took 15 s. Real text has a handful per paragraph, so a
/// paragraph may hold at most <see cref="MaxBrackets"/> "[" and <see cref="MaxDelimiters"/> of "*_~`" (list markers do
/// not count; code blocks do, so the count never sees smaller paragraphs than the parser). With these limits and the 200,000-character body, no text renders for longer than
/// a fraction of a second (docs/performance.md, ./hub bench markdown).
/// </summary>
public static class MarkdownLimits
{
    public const int MaxBrackets = 500;

    public const int MaxDelimiters = 1_000;

    public const string TooManyMessage =
        "Ein Absatz enthält zu viele Klammern oder Hervorhebungszeichen: höchstens {0} „[“ und {1} der Zeichen * _ ~ ` je Absatz.";

    /// <summary>
    /// True when no paragraph of <paramref name="markdown"/> holds more openers than the limits allow. Linear. Lines end
    /// where Markdig's do (line feed, carriage return), not at U+2028 and the like, and code blocks count too: the
    /// count must never see smaller paragraphs than the parser does.
    /// </summary>
    public static bool Allow(string markdown)
    {
        int brackets = 0, delimiters = 0;
        var start = 0;
        for (var i = 0; i <= markdown.Length; i++)
        {
            if (i < markdown.Length && markdown[i] is not ('\n' or '\r'))
                continue;
            var line = markdown.AsSpan(start, i - start);
            if (i + 1 < markdown.Length && markdown[i] == '\r' && markdown[i + 1] == '\n')
                i++; // CR LF is one line break
            start = i + 1;
            if (line.TrimStart(" \t").IsEmpty)
            {
                // Blank for Markdig: only spaces and tabs. (U+2028, U+0085 and the like are text to it.)
                brackets = delimiters = 0;
                continue;
            }

            foreach (var c in WithoutContainerMarkers(line))
            {
                if (c == '[')
                    brackets++;
                else if (c is '*' or '_' or '~' or '`')
                    delimiters++;
            }

            if (brackets > MaxBrackets || delimiters > MaxDelimiters)
                return false;
        }

        return true;
    }

    /// <summary>The line without its leading quote and list markers ("> - * text" → "text").</summary>
    private static ReadOnlySpan<char> WithoutContainerMarkers(ReadOnlySpan<char> line)
    {
        while (true)
        {
            line = line.TrimStart();
            if (line.Length >= 1 && line[0] == '>')
                line = line[1..];
            else if (line.Length >= 2 && line[0] is '*' or '-' or '+' && line[1] == ' ')
                line = line[2..];
            else
                return line;
        }
    }
}
