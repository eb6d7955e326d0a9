using System.ComponentModel.DataAnnotations;
using Hub.Core.Drafts;

namespace Hub.Web.Drafts;

public sealed record DraftListPage(
    IReadOnlyList<DraftSummary> Items, Hub.Web.Common.PagerViewModel Pager, string? Status, Guid? CooperationId, Guid? OrganizationId, DraftFacets Facets);

/// <summary>The draft page; the Can* flags come from Core's lifecycle, asked once per action.</summary>
public sealed record DraftPage(
    DraftDetails Draft,
    IReadOnlyList<ReviewEntry> Reviews,
    IReadOnlyList<RevisionEntry> Revisions,
    IReadOnlySet<DraftAction> Allowed,
    IReadOnlyList<(Guid Id, string Name)> ReviewingFor,
    string? Message,
    DraftDiscussion Discussion,
    Hub.Core.Common.Page<Hub.Core.Audit.AuditEntry> Timeline,
    IReadOnlyList<Hub.Core.Releases.ReleaseInfo> Releases);

/// <summary>The comment threads of a draft page and what the reader may do with them.</summary>
public sealed record DraftDiscussion(
    IReadOnlyList<CommentThread> Threads,
    IReadOnlyList<Hub.Core.Common.MarkdownHeading> Headings,
    bool CanComment,
    IReadOnlySet<Guid> Resolvable)
{
    public int OpenCount => Threads.Count(t => !t.IsResolved);

    public string? HeadingText(string? anchor) => anchor is null ? null : Headings.FirstOrDefault(h => h.Id == anchor)?.Text ?? anchor;
}

public sealed record DraftDiffPage(DraftSummary Draft, RevisionDiff Diff, bool SideBySide);

public sealed record DraftRevisionPage(DraftSummary Draft, DraftRevision Revision);

public sealed record DraftTimelinePage(DraftSummary Draft, Hub.Core.Common.Page<Hub.Core.Audit.AuditEntry> Timeline, Hub.Web.Common.PagerViewModel Pager);

public sealed class DraftForm
{
    /// <summary>"organizationId|cooperationId": the owner and the cooperation are chosen together.</summary>
    [Display(Name = "Organisation und IKZ-Verbund")]
    public string? Choice { get; set; }

    public Guid? OrganizationId => Part(0);

    public Guid? CooperationId => Part(1);

    public int? BaseRevision { get; set; }

    [Required(ErrorMessage = "Bitte füllen Sie dieses Feld aus.")]
    [StringLength(200, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Titel")]
    public string? Title { get; set; }

    [StringLength(1000, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Kurzbeschreibung")]
    public string? Summary { get; set; }

    [StringLength(200_000, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Beschreibung des Prozesses (Markdown)")]
    public string? Body { get; set; }

    [StringLength(200, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Zielplattform")]
    public string? Platform { get; set; }

    [Range(0, 4, ErrorMessage = "Erlaubt ist ein Wert von {1} bis {2}.")]
    [Display(Name = "Angestrebter Reifegrad (0–4)")]
    public int? TargetReifegrad { get; set; }

    [StringLength(2000, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Gebühren")]
    public string? Fees { get; set; }

    [StringLength(2000, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Nachweise")]
    public string? Evidence { get; set; }

    [StringLength(2000, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Rechtsgrundlage")]
    public string? LegalBasis { get; set; }

    [StringLength(2000, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Bezahlverfahren")]
    public string? PaymentMethods { get; set; }

    [StringLength(2000, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Kontakt")]
    public string? Contact { get; set; }

    [StringLength(400, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "OZG-Leistungen (OZG-IDs)")]
    public string? CatalogServiceIds { get; set; }

    private Guid? Part(int index) =>
        Choice?.Split('|') is { Length: 2 } parts && Guid.TryParse(parts[index], out var id) ? id : null;

    public DraftContent ToContent() => new(Title, Summary, Body,
        new Steckbrief(Platform, TargetReifegrad, PaymentMethods, Evidence, LegalBasis, Fees, Contact),
        (CatalogServiceIds ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public static DraftForm From(DraftDetails d) => new()
    {
        BaseRevision = d.Summary.CurrentRevision,
        Title = d.Content.Title,
        Summary = d.Content.Summary,
        Body = d.Content.Body,
        Platform = d.Content.Steckbrief.Platform,
        TargetReifegrad = d.Content.Steckbrief.TargetReifegrad,
        Fees = d.Content.Steckbrief.Fees,
        Evidence = d.Content.Steckbrief.Evidence,
        LegalBasis = d.Content.Steckbrief.LegalBasis,
        PaymentMethods = d.Content.Steckbrief.PaymentMethods,
        Contact = d.Content.Steckbrief.Contact,
        CatalogServiceIds = string.Join(", ", d.CatalogServiceIds),
    };
}

public sealed record DraftFormPage(DraftForm Form, Guid? DraftId, IReadOnlyList<(Guid OrgId, string OrgName, Guid CoopId, string CoopName)> Choices, string? Preview);
