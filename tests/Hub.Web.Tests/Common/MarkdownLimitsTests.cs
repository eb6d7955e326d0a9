using Hub.Web.Common;

namespace Hub.Web.Tests.Common;

/// <summary>The shapes refused before parsing, counted per paragraph; list markers and fenced code do not count.</summary>
public sealed class MarkdownLimitsTests
{
    private static string Times(string unit, int n) => string.Concat(Enumerable.Repeat(unit, n));

    [Fact]
    public void Allow_AtTheLimitInOneParagraph_OverItNot()
    {
        Assert.True(MarkdownLimits.Allow(Times("[a](", MarkdownLimits.MaxBrackets)));
        Assert.False(MarkdownLimits.Allow(Times("[a](", MarkdownLimits.MaxBrackets + 1)));
        Assert.True(MarkdownLimits.Allow(Times("*", MarkdownLimits.MaxDelimiters)));
        Assert.False(MarkdownLimits.Allow(Times("a`", MarkdownLimits.MaxDelimiters + 1)));
    }

    [Fact]
    public void Allow_CountsPerParagraph_NotPerText()
    {
        var paragraph = Times("[Link](https://example.org) ", MarkdownLimits.MaxBrackets);

        Assert.True(MarkdownLimits.Allow(string.Join("\n\n", Enumerable.Repeat(paragraph, 20))));
        Assert.False(MarkdownLimits.Allow(paragraph + "\n" + paragraph));
    }

    [Fact]
    public void Allow_ListMarkersAndFencedCode_DoNotCount()
    {
        var list = string.Join('\n', Enumerable.Repeat("* Punkt", 3 * MarkdownLimits.MaxDelimiters));
        var code = "```\n" + string.Join('\n', Enumerable.Repeat("a[i] = b[i] * c_d;", 2 * MarkdownLimits.MaxBrackets)) + "\n```";

        Assert.True(MarkdownLimits.Allow(list));
        Assert.True(MarkdownLimits.Allow(code));
        Assert.False(MarkdownLimits.Allow(code + "\n" + Times("[a](", MarkdownLimits.MaxBrackets + 1)), "after the closing fence, text counts again");
    }
}
