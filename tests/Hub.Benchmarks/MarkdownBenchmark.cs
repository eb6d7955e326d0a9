using System.Diagnostics;
using System.Globalization;
using System.Text;
using Hub.Web.Common;

namespace Hub.Benchmarks;

/// <summary>
/// ./hub bench markdown: render time and allocated memory of the hub's Markdown renderer against input size, for the
/// worst shapes found (equal headings, deep nesting, long emphasis runs, many links, wide tables). Linear growth means
/// the time per kB stays flat as the size doubles. Figures, not assertions.
/// </summary>
internal static class MarkdownBenchmark
{
    private static readonly (string Name, Func<int, string> Make)[] _shapes =
    [
        ("equal headings", size => Repeat("# a\n", size)),
        ("numbered headings", size => Lines(size, i => "# a-" + i.ToString(CultureInfo.InvariantCulture))),
        ("nested quotes (127)", size => Repeat(new string('>', 127) + " x\n", size)),
        ("nested lists", size => Lines(size, i => new string(' ', 2 * (i % 60)) + "- x")),
        ("emphasis run (refused)", size => Repeat("*a **b ***c", size)),
        ("open brackets (refused)", size => Repeat("[a](", size)),
        ("open brackets at the limit", size => Repeat(Repeat("[a](", 4 * MarkdownLimits.MaxBrackets) + "\n\n", size)),
        ("emphasis at the limit", size => Repeat(Repeat("*a **b ***c", 11 * MarkdownLimits.MaxDelimiters / 6) + "\n\n", size)),
        ("backticks at the limit", size => Repeat(Repeat("`a ``b ", 7 * MarkdownLimits.MaxDelimiters / 3) + "\n\n", size)),
        ("many links (400 per paragraph)", size => Repeat(Repeat("[Link](https://example.org/a) ", 400 * 30) + "\n\n", size)),
        ("wide table", size => "| " + Repeat("a | ", 200) + "\n|" + Repeat("---|", 200) + "\n" + Repeat("| " + Repeat("x | ", 200) + "\n", size)),
        ("prose", size => Repeat("Die Gemeinde stellt die Urkunde aus, sobald die Gebühr bezahlt ist. ", size)),
    ];

    public static Task<int> RunAsync(string[] args)
    {
        var maxKb = Measure.Option(args, "--max-kb", 800);
        var renderer = new MarkdownRenderer();
        Console.WriteLine("shape | size kB | ms | ms per 100 kB | allocated MB");
        foreach (var (name, make) in _shapes)
        {
            for (var kb = 25; kb <= maxKb; kb *= 2)
            {
                var text = make(kb * 1024);
                renderer.Render(text); // warm-up
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var watch = Stopwatch.StartNew();
                renderer.Render(text);
                var ms = watch.Elapsed.TotalMilliseconds;
                var mb = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0 / 1024.0;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name} | {text.Length / 1024} | {ms:F1} | {ms * 100 / (text.Length / 1024.0):F1} | {mb:F1}"));
            }
        }

        return Task.FromResult(0);
    }

    private static string Repeat(string unit, int size)
    {
        var sb = new StringBuilder(size + unit.Length);
        while (sb.Length < size)
            sb.Append(unit);
        return sb.ToString(0, Math.Min(sb.Length, size));
    }

    private static string Lines(int size, Func<int, string> line)
    {
        var sb = new StringBuilder(size + 64);
        for (var i = 0; sb.Length < size; i++)
            sb.Append(line(i)).Append('\n');
        return sb.ToString();
    }
}
