using Hub.Web.Common;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Hub.Web.Tests.Common;

/// <summary>Heading ids: the same as Markdig's GitHub-style auto-identifiers gave (comment anchors point at them), in linear work.</summary>
public sealed class HeadingIdsTests
{
    private static readonly MarkdownPipeline _markdigIds = new MarkdownPipelineBuilder()
        .DisableHtml().UsePipeTables().UseEmphasisExtras()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub).Build();

    private static readonly MarkdownPipeline _plain = new MarkdownPipelineBuilder().DisableHtml().UsePipeTables().UseEmphasisExtras().Build();

    private static List<string?> Ids(MarkdownDocument document) => document.Descendants<HeadingBlock>().Select(h => h.TryGetAttributes()?.Id).ToList();

    [Theory]
    [InlineData("# Zuständige Stelle\n\n## Gebühren & Kosten\n\n# Zuständige Stelle\n\n# zuständige stelle")]
    [InlineData("# a\n# a-1\n# a\n# a\n# a-2\n# a")]
    [InlineData("# a-1\n# a-2\n# a-3\n# a\n# a\n# a")]
    [InlineData("#\n# \n## *\n# section\n# ")]
    [InlineData("Setext\n======\n\n# Setext\n\n> # Zitat\n\n- # Liste\n\n# [Link](https://example.org) *betont* `Code`")]
    [InlineData("# Ärger über Öffnungszeiten\n# 1. Schritt\n# Schritt 1.\n# Ärger über Öffnungszeiten")]
    public void Assign_GivesTheIdsMarkdigsExtensionGave(string markdown)
    {
        var expected = Ids(Markdown.Parse(markdown, _markdigIds));
        var document = Markdown.Parse(markdown, _plain);

        HeadingIds.Assign(document);

        Assert.Equal(expected, Ids(document));
    }

    [Fact]
    public void Assign_ThirtyThousandEqualHeadings_TriesEachIdOnce()
    {
        // The attack: 30,000 "# a" took 22 s when each repeat probed -1, -2, … from the start (n²/2 ≈ 450 million probes).
        var document = Markdown.Parse(string.Join('\n', Enumerable.Repeat("# a", 30_000)), _plain);

        var probes = HeadingIds.Assign(document);

        Assert.Equal(30_000 + 29_999, probes);
        var ids = Ids(document);
        Assert.Equal("a", ids[0]);
        Assert.Equal("a-29999", ids[^1]);
        Assert.Equal(30_000, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Assign_LiteralSuffixesFirst_StaysLinear()
    {
        // "a-1" … "a-1000" taken by their own headings before 1,000 repeats of "a": each of those ids is skipped once, not per repeat.
        var markdown = string.Join('\n', Enumerable.Range(1, 1_000).Select(i => "# a-" + i).Concat(Enumerable.Repeat("# a", 1_001)));
        var document = Markdown.Parse(markdown, _plain);

        var probes = HeadingIds.Assign(document);

        Assert.Equal(1_000 + 1_001 + 1_000 + 1_000, probes);
        Assert.Equal("a-2000", Ids(document)[^1]);
    }

    [Fact]
    public void Render_NestedPastTheLimit_IsPlainTextAndCheckSaysWhy()
    {
        var renderer = new MarkdownRenderer();
        var deep = new string('>', 1_000) + " tief";

        var html = renderer.Render(deep).Value!;

        Assert.StartsWith("<pre class=\"hub-markdown-plain\">&gt;&gt;&gt;", html, StringComparison.Ordinal);
        Assert.EndsWith(" tief</pre>", html, StringComparison.Ordinal);
        Assert.NotNull(renderer.Check(deep));
        Assert.Empty(renderer.Headings("# x\n" + deep));
        Assert.Null(renderer.Check(new string('>', 20) + " flach"));
    }
}
