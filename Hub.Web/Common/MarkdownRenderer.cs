using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace Hub.Web.Common;

/// <summary>
/// The one Markdown renderer of the hub: raw HTML disabled, no extensions that allow attributes, embeds or
/// containers, and every link, image and autolink URL checked against an allow-list. A URL that fails is
/// rendered inert (its text stays, the link goes). Heading ids are GitHub-style and made unique in linear time
/// (<see cref="HeadingIds"/>). Text over <see cref="MarkdownLimits"/> or nested deeper than Markdig's limit (128
/// levels of lists, quotes or brackets) is refused by <see cref="Check"/> when written and shown as plain text if it
/// was stored before.
/// </summary>
public sealed class MarkdownRenderer : Hub.Core.Common.IMarkdown
{
    private static readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .Build();

    public HtmlString Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
            return HtmlString.Empty;
        if (TryParse(markdown) is not { } document)
            return new HtmlString("<pre class=\"hub-markdown-plain\">" + System.Net.WebUtility.HtmlEncode(markdown) + "</pre>");
        Sanitize(document);
        return new HtmlString(document.ToHtml(_pipeline));
    }

    public string ToSafeHtml(string? markdown) => Render(markdown).Value ?? "";

    public Hub.Core.Common.ErrorMessage? Check(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? null
        : !MarkdownLimits.Allow(markdown) ? new Hub.Core.Common.ErrorMessage(MarkdownLimits.TooManyMessage, MarkdownLimits.MaxBrackets, MarkdownLimits.MaxDelimiters)
        : TryParse(markdown) is null ? new Hub.Core.Common.ErrorMessage(TooDeepMessage, MaxNesting)
        : null;

    public const int MaxNesting = 128;

    public const string TooDeepMessage = "Der Text ist zu tief verschachtelt: höchstens {0} Ebenen von Listen, Zitaten oder Klammern.";

    public IReadOnlyList<Hub.Core.Common.MarkdownHeading> Headings(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown) || TryParse(markdown) is not { } document)
            return [];
        return document.Descendants<HeadingBlock>()
            .Where(h => h.TryGetAttributes()?.Id is { Length: > 0 })
            .Select(h => new Hub.Core.Common.MarkdownHeading(
                h.TryGetAttributes()!.Id!,
                string.Concat(h.Inline?.Descendants<LiteralInline>().Select(l => l.Content.ToString()) ?? []),
                h.Level))
            .ToList();
    }

    /// <summary>The parsed document with its heading ids, or null for a shape over the limits or nested too deeply.</summary>
    private static MarkdownDocument? TryParse(string markdown)
    {
        if (!MarkdownLimits.Allow(markdown))
            return null;
        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(markdown, _pipeline);
        }
        catch (ArgumentException e) when (e.Message.Contains("too deeply nested", StringComparison.Ordinal))
        {
            return null;
        }

        HeadingIds.Assign(document);
        return document;
    }

    private static void Sanitize(MarkdownDocument document)
    {
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!UrlPolicy.IsAllowed(autolink.Url))
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
        }

        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (UrlPolicy.IsAllowed(link.Url))
                continue;
            if (link.IsImage)
            {
                link.ReplaceBy(new LiteralInline(link.FirstChild is LiteralInline alt ? alt.Content.ToString() : ""));
                continue;
            }

            var container = new ContainerInline();
            foreach (var child in link.ToList())
            {
                child.Remove();
                container.AppendChild(child);
            }

            link.ReplaceBy(container);
        }
    }
}

/// <summary>http, https, mailto and relative URLs; everything else (javascript:, data:, vbscript:, …) is refused.</summary>
public static class UrlPolicy
{
    private static readonly string[] _allowedSchemes = ["http", "https", "mailto"];

    public static bool IsAllowed(string? url)
    {
        if (url is null)
            return true;
        // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:"): do the same before checking.
        var cleaned = new string(url.Where(c => c > ' ' && c != '\u007f').ToArray());
        var colon = cleaned.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
            return true;
        var firstDelimiter = cleaned.IndexOfAny(['/', '?', '#']);
        if (firstDelimiter >= 0 && firstDelimiter < colon)
            return true; // the colon is in the path or query of a relative URL
        var scheme = cleaned[..colon];
        return _allowedSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase);
    }
}
