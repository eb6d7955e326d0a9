using AngleSharp.Dom;
using Hub.Web.Common;
using Hub.Testing.Web;

namespace Hub.Web.Tests.Common;

/// <summary>The renderer's safety, checked on the parsed HTML (not by regex). The full attack corpus grows with the drafts.</summary>
public sealed class MarkdownRendererTests
{
    private static IDocument Render(string markdown) => Html.Parse("<body>" + new MarkdownRenderer().Render(markdown).Value + "</body>");

    /// <summary>
    /// The attack corpus: raw HTML, event handlers, javascript:/data:/vbscript: URLs in links, images, reference links and
    /// autolinks, entity- and whitespace-obfuscated schemes, attribute syntax, containers. Shared with the page test.
    /// </summary>
    public static readonly string[] Corpus =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)></svg>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<div onclick=\"alert(1)\">x</div>",
        "<style>body{display:none}</style>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<form action=javascript:alert(1)><button>x</button></form>",
        "<object data=\"javascript:alert(1)\"></object>",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](java\tscript:alert(1))",
        "[x](  javascript:alert(1)  )",
        "[x](<javascript:alert(1)>)",
        "[x](javascript:alert(1) \"Titel\")",
        "[x](jav&#x61;script:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:alert(1))",
        "[x](javascript&colon;alert(1))",
        "[x](javascript&#58;alert(1))",
        "[x](javascript&#x3A;alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x](DATA:text/html,<script>alert(1)</script>)",
        "[x](vbscript:msgbox(1))",
        "[x](file:///etc/passwd)",
        "![x](javascript:alert(1))",
        "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "![x][img]\n\n[img]: data:image/svg+xml,<svg onload=alert(1)>",
        "[![bild](javascript:alert(1))](javascript:alert(2))",
        "<javascript:alert(1)>",
        "<vbscript:msgbox(1)>",
        "<data:text/html,alert(1)>",
        "<JAVASCRIPT:alert(1)>",
        "[x][ref]\n\n[ref]: javascript:alert(1)",
        "[ref]\n\n[ref]: javascript:alert(1)",
        "[x][ref]\n\n[ref]: <javascript:alert(1)> \"t\"",
        "[x](https://ok.example){onclick=alert(1)}",
        "![x](https://ok.example/a.png){onerror=alert(1)}",
        "# Titel {onclick=alert(1) style=\"color:red\"}",
        "::: warning\n<script>alert(1)</script>\n:::",
        "| a |\n|---|\n| [x](javascript:alert(1)) |",
        "`<script>alert(1)</script>`",
        "```html\n<script>alert(1)</script>\n```",
        "```\" onmouseover=\"alert(1)\nx\n```",
        "> [x](javascript:alert(1))",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
    ];

    public static TheoryData<string> Attacks() => new(Corpus);

    private static readonly HashSet<string> _allowedElements =
    [
        "html", "head", "body", "p", "a", "img", "strong", "em", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
        "blockquote", "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "del", "ins", "mark", "sub", "sup",
    ];

    private static readonly HashSet<string> _allowedAttributes = ["href", "src", "alt", "title", "id", "start"];

    /// <summary>Only harmless elements and attributes, and every URL passes the allow-list.</summary>
    internal static void AssertInert(IEnumerable<IElement> elements, string source)
    {
        foreach (var element in elements)
        {
            Assert.True(_allowedElements.Contains(element.LocalName), $"<{element.LocalName}> rendered from {source}");
            foreach (var attribute in element.Attributes)
            {
                var alignment = attribute.Name == "style" && element.LocalName is "th" or "td" && attribute.Value.StartsWith("text-align:", StringComparison.Ordinal);
                var language = attribute.Name == "class" && element.LocalName == "code"
                    && System.Text.RegularExpressions.Regex.IsMatch(attribute.Value, "^language-\\S+$");
                Assert.True(_allowedAttributes.Contains(attribute.Name) || alignment || language, $"{attribute.Name}=\"{attribute.Value}\" on <{element.LocalName}> from {source}");
                if (attribute.Name is "href" or "src")
                    Assert.True(UrlPolicy.IsAllowed(attribute.Value), $"{attribute.Name}={attribute.Value} from {source}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public void Render_AttackInput_IsInert(string markdown) => AssertInert(Render(markdown).All, markdown);

    [Fact]
    public void Render_WholeCorpusAtOnce_IsInert()
    {
        var doc = Render(string.Join("\n\n", Corpus));

        AssertInert(doc.All, "the whole corpus");
        Assert.Contains("<script>alert(1)</script>", doc.QuerySelector("pre code")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SafeLinks_StayLinks()
    {
        var doc = Render("[Amt](https://www.viernheim.de) [Mail](mailto:info@viernheim.de) [Seite](/verbuende) **fett**");

        var hrefs = doc.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["https://www.viernheim.de", "mailto:info@viernheim.de", "/verbuende"], hrefs);
        Assert.Equal("fett", doc.QuerySelector("strong")!.TextContent);
    }

    [Fact]
    public void Render_UnsafeLink_KeepsItsTextButNotTheLink()
    {
        var doc = Render("Bitte [hier klicken](javascript:alert(1)) lesen.");

        Assert.Empty(doc.QuerySelectorAll("a"));
        Assert.Contains("hier klicken", doc.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://x.de", true)]
    [InlineData("HTTP://x.de", true)]
    [InlineData("mailto:a@b.de", true)]
    [InlineData("/relative/path", true)]
    [InlineData("relative/with:colon", true)]
    [InlineData("#anchor", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData(" javascript:alert(1)", false)]
    [InlineData("java\nscript:alert(1)", false)]
    [InlineData("data:image/png;base64,AAA", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("ftp://x.de", false)]
    public void UrlPolicy_Examples(string url, bool allowed) => Assert.Equal(allowed, UrlPolicy.IsAllowed(url));
}
