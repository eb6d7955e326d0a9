using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace Hub.Web.Common;

/// <summary>
/// The one Markdown renderer of the hub: raw HTML disabled, no extensions that allow attributes, embeds or
/// containers, and every link, image and autolink URL checked against an allow-list. A URL that fails is
/// rendered inert (its text stays, the link goes).
/// </summary>
public sealed class MarkdownRenderer : Hub.Core.Common.IMarkdown
{
    private static readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .Build();

    public HtmlString Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
            return HtmlString.Empty;
        var document = Markdig.Markdown.Parse(markdown, _pipeline);
        Sanitize(document);
        return new HtmlString(document.ToHtml(_pipeline));
    }

    public string ToSafeHtml(string? markdown) => Render(markdown).Value ?? "";

    public IReadOnlyList<Hub.Core.Common.MarkdownHeading> Headings(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
            return [];
        return Markdig.Markdown.Parse(markdown, _pipeline).Descendants<HeadingBlock>()
            .Where(h => h.TryGetAttributes()?.Id is { Length: > 0 })
            .Select(h => new Hub.Core.Common.MarkdownHeading(
                h.TryGetAttributes()!.Id!,
                string.Concat(h.Inline?.Descendants<LiteralInline>().Select(l => l.Content.ToString()) ?? []),
                h.Level))
            .ToList();
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
