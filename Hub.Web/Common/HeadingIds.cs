using System.Globalization;
using Markdig.Helpers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Hub.Web.Common;

/// <summary>
/// GitHub-style ids for every heading ("Zuständige Stelle" → "zuständige-stelle"; a repeated one gets "-1", "-2", …),
/// the ids comment anchors point at. Markdig's own auto-identifier extension probes "-1", "-2", … from the start for
/// every repeated heading, which is quadratic: 30,000 equal headings took 22 s. Here each base id remembers the last
/// suffix it gave, so every heading costs a constant number of probes; the ids are the same.
/// </summary>
public static class HeadingIds
{
    /// <summary>Gives each heading of <paramref name="document"/> its id; returns how many ids were tried in all.</summary>
    public static int Assign(MarkdownDocument document)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var lastSuffix = new Dictionary<string, int>(StringComparer.Ordinal);
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        var plain = new HtmlRenderer(writer) { EnableHtmlForInline = false, EnableHtmlEscape = false };
        var probes = 0;
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            if (heading.Inline is null)
                continue;
            var attributes = heading.GetAttributes();
            if (attributes.Id is not null)
                continue;
            writer.GetStringBuilder().Clear();
            plain.Render(heading.Inline);
            var slug = LinkHelper.UrilizeAsGfm(writer.ToString());
            var baseId = slug.Length == 0 ? "section" : slug;

            var id = baseId;
            probes++;
            if (!used.Add(id))
            {
                var suffix = lastSuffix.GetValueOrDefault(baseId);
                do
                {
                    suffix++;
                    probes++;
                    id = baseId + "-" + suffix.ToString(CultureInfo.InvariantCulture);
                }
                while (!used.Add(id));
                lastSuffix[baseId] = suffix;
            }

            attributes.Id = id;
        }

        return probes;
    }
}
