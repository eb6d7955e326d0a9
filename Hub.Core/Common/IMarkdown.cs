namespace Hub.Core.Common;

/// <summary>The one Markdown renderer (implemented with Markdig in Hub.Web); text is rendered once, when it is written.</summary>
public interface IMarkdown
{
    string ToSafeHtml(string? markdown);

    /// <summary>Why the text cannot be rendered as Markdown (nested too deeply), or null: checked before text is written.</summary>
    ErrorMessage? Check(string? markdown);

    /// <summary>The section headings with the ids the rendered HTML gives them (comment anchors point at these).</summary>
    IReadOnlyList<MarkdownHeading> Headings(string? markdown);
}

public sealed record MarkdownHeading(string Id, string Text, int Level);
