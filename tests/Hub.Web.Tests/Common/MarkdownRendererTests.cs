using AngleSharp.Dom;
using Hub.Web.Common;
using Hub.Testing.Web;

namespace Hub.Web.Tests.Common;

/// <summary>The renderer's safety, checked on the parsed HTML (not by regex). The full attack corpus grows with the drafts.</summary>
public sealed class MarkdownRendererTests
{
    private static IDocument Render(string markdown) => Html.Parse("<body>" + new MarkdownRenderer().Render(markdown).Value + "</body>");

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x](java\tscript:alert(1))")]
    [InlineData("[x](jav&#x61;script:alert(1))")]
    [InlineData("[x](&#106;avascript:alert(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[x][ref]\n\n[ref]: javascript:alert(1)")]
    [InlineData("[x](https://ok.example){onclick=alert(1)}")]
    public void Render_AttackInput_HasNoScriptHandlerOrDangerousUrl(string markdown)
    {
        var doc = Render(markdown);

        Assert.Empty(doc.QuerySelectorAll("script, iframe, object, embed, style"));
        foreach (var element in doc.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"event handler {attribute.Name} in {markdown}");
                if (attribute.Name is "href" or "src")
                    Assert.True(UrlPolicy.IsAllowed(attribute.Value), $"{attribute.Name}={attribute.Value} from {markdown}");
            }
        }
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
