using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Xml;
using Hub.Core.Catalog;
using Hub.Core.Common;
using Hub.Core.Releases;
using Hub.Core.Tenancy;
using Hub.Web.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hub.Web.Catalog;

public sealed record PublicListPage(
    Page<PublicService> Result, PagerViewModel Pager, PublicQuery Query, IReadOnlyList<Themenfeld> Themenfelder,
    PublicFilterChoices Choices);

/// <summary>
/// The public catalogue of released services (no sign-in): search with ranking and highlighted snippets, filters,
/// one page per service, and Atom feeds of new releases. Only released content is read here.
/// </summary>
[AllowAnonymous]
public sealed class PublicCatalogueController(IPublicCatalogue catalogue, ICatalogStore catalog, PublicFilterOptions filters, IStringLocalizer<SharedResource> localizer, IConfiguration configuration) : Controller
{
    [HttpGet("/dienste")]
    public async Task<IActionResult> Index(string? q, int? themenfeld, Guid? federfuehrend, Guid? verbund, int? reifegrad, string? land, int page = 1, CancellationToken ct = default)
    {
        q = FieldValidator.Trim(q);
        if (q?.Length > 200)
            q = q[..200];
        var query = new PublicQuery(q, themenfeld, federfuehrend, verbund, reifegrad is >= 0 and <= 4 ? reifegrad : null, Lands.IsValid(land) ? land : null);
        var result = await catalogue.SearchAsync(query, new PageRequest(page, 20), ct);
        var pager = PagerViewModel.From(result, "/dienste", new Dictionary<string, string?>
        {
            ["q"] = q, ["themenfeld"] = Str(query.ThemenfeldId), ["federfuehrend"] = query.OwnerId?.ToString(), ["verbund"] = query.CooperationId?.ToString(),
            ["reifegrad"] = Str(query.MinReifegrad), ["land"] = query.LandCode,
        });
        return View("~/Views/Catalog/Services.cshtml", new PublicListPage(result, pager, query, await catalog.ListThemenfelderAsync(ct),
            await filters.ChoicesAsync(query, ct)));
    }

    [HttpGet("/dienste/{draftId:guid}")]
    public async Task<IActionResult> Show(Guid draftId, CancellationToken ct) =>
        await catalogue.GetAsync(draftId, ct) is { } service ? View("~/Views/Catalog/Service.cshtml", service) : NotFound();

    [HttpGet("/dienste/feed.atom")]
    public async Task<IActionResult> Feed(int? themenfeld, CancellationToken ct)
    {
        var name = themenfeld is null ? null : (await catalog.ListThemenfelderAsync(ct)).FirstOrDefault(t => t.Id == themenfeld)?.Name;
        var title = name is null ? localizer["IKZ Hub: neue Freigaben"] : localizer["IKZ Hub: neue Freigaben im Themenfeld {0}", name];
        return Atom(title, Request.Path + Request.QueryString, await catalogue.FeedAsync(themenfeld, null, 50, ct));
    }

    [HttpGet("/dienste/{draftId:guid}/feed.atom")]
    public async Task<IActionResult> ServiceFeed(Guid draftId, CancellationToken ct)
    {
        var entries = await catalogue.FeedAsync(null, draftId, 50, ct);
        return entries.Count == 0 ? NotFound() : Atom($"IKZ Hub: {entries[0].Title}", Request.Path, entries);
    }

    /// <summary>The snippet as HTML: the text encoded, only the search hits marked.</summary>
    public static HtmlString Snippet(string? snippet) => new(HtmlEncoder.Default.Encode(snippet ?? "")
        .Replace(HtmlEncoder.Default.Encode(SnippetMarks.Start), "<mark>", StringComparison.Ordinal)
        .Replace(HtmlEncoder.Default.Encode(SnippetMarks.Stop), "</mark>", StringComparison.Ordinal));

    private FileContentResult Atom(string title, string self, IReadOnlyList<FeedEntry> entries)
    {
        var origin = PublicOrigin.Of(configuration);
        var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = false }))
        {
            const string ns = "http://www.w3.org/2005/Atom";
            xml.WriteStartElement("feed", ns);
            xml.WriteElementString("title", ns, title);
            xml.WriteElementString("id", ns, origin + self);
            xml.WriteElementString("updated", ns, (entries.Count == 0 ? DateTimeOffset.UnixEpoch : entries[0].ReleasedAt).ToString("o", CultureInfo.InvariantCulture));
            xml.WriteStartElement("link", ns);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("href", origin + self);
            xml.WriteEndElement();
            foreach (var e in entries)
            {
                xml.WriteStartElement("entry", ns);
                xml.WriteElementString("title", ns, $"{e.Title} {e.Version}");
                xml.WriteElementString("id", ns, $"urn:uuid:{e.ReleaseId}");
                xml.WriteElementString("updated", ns, e.ReleasedAt.ToString("o", CultureInfo.InvariantCulture));
                xml.WriteStartElement("author", ns);
                xml.WriteElementString("name", ns, e.OwnerOrganizationName);
                xml.WriteEndElement();
                xml.WriteStartElement("link", ns);
                xml.WriteAttributeString("href", $"{origin}/dienste/{e.DraftId}");
                xml.WriteEndElement();
                xml.WriteStartElement("summary", ns);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(e.Notes);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return File(buffer.ToArray(), "application/atom+xml; charset=utf-8");
    }

    private static string? Str(int? n) => n?.ToString(CultureInfo.InvariantCulture);
}
