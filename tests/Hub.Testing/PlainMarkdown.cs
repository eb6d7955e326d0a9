using Hub.Core.Common;

namespace Hub.Testing;

/// <summary>Markdown as encoded text in one paragraph, without headings: for tests of stores and use cases that only keep the HTML.</summary>
public sealed class PlainMarkdown : IMarkdown
{
    public string ToSafeHtml(string? markdown) => "<p>" + System.Net.WebUtility.HtmlEncode(markdown ?? "") + "</p>";

    public ErrorMessage? Check(string? markdown) => null;

    public IReadOnlyList<MarkdownHeading> Headings(string? markdown) => [];
}
