namespace Hub.Core.Common;

/// <summary>The one Markdown renderer (implemented with Markdig in Hub.Web); text is rendered once, when it is written.</summary>
public interface IMarkdown
{
    string ToSafeHtml(string? markdown);
}
