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
    public void Allow_ListMarkersDoNotCount_CodeBlocksDo()
    {
        var list = string.Join('\n', Enumerable.Repeat("* Punkt", 3 * MarkdownLimits.MaxDelimiters));
        var code = "```\n" + Times("[a](", MarkdownLimits.MaxBrackets + 1) + "\n```";

        Assert.True(MarkdownLimits.Allow(list));
        Assert.False(MarkdownLimits.Allow(code), "a fence the count skipped could be one Markdig does not see (review finding)");
    }

    [Theory]
    [InlineData("\u2028\u2028")]
    [InlineData("\u0085\u0085")]
    [InlineData("\f\f")]
    [InlineData("\r\n")]
    [InlineData(" \u2028 \n")]
    public void Allow_OnlyWhatMarkdigTakesForABlankLine_EndsAParagraph(string separator)
    {
        // Split into "paragraphs" by line breaks Markdig does not end a paragraph with, the openers still add up.
        var chunk = Times("[a](", MarkdownLimits.MaxBrackets / 2);

        Assert.False(MarkdownLimits.Allow(string.Join(separator, Enumerable.Repeat(chunk, 4))));
        Assert.True(MarkdownLimits.Allow(string.Join("\n\n", Enumerable.Repeat(chunk, 4))));
        Assert.True(MarkdownLimits.Allow(string.Join("\r\n\r\n", Enumerable.Repeat(chunk, 4))));
    }
}
