using System.ComponentModel.DataAnnotations;
using Hub.Core.Tenancy;
using Hub.Web.Common;
using Microsoft.AspNetCore.Html;

namespace Hub.Web.Tenancy;

public sealed record OrganizationViewModel(Guid Id, string Name, string KindLabel, string? Ags, string LandName, string? Kreis, string? Description);

public sealed record CooperationListItemViewModel(Guid Id, string Name, string LeadOrganizationName, int MemberCount, decimal? FundingAmount);

public sealed record CooperationMemberViewModel(Guid OrganizationId, string Name, string KindLabel, string? Ags, bool IsLead);

public sealed record CoordinatorViewModel(Guid UserId, string DisplayName, string Email);

public sealed record MemberViewModel(Guid UserId, string Email, string DisplayName, string Role);

public sealed class CooperationViewModel
{
    public Guid Id { get; init; }

    public string Name { get; init; } = "";

    public HtmlString DescriptionHtml { get; set; } = HtmlString.Empty;

    public string LeadOrganizationName { get; init; } = "";

    public decimal? FundingAmount { get; init; }

    public string? Funder { get; init; }

    public DateOnly? AgreementDate { get; init; }

    public int RequiredApprovals { get; init; }

    public IReadOnlyList<CooperationMemberViewModel> Members { get; init; } = [];

    public IReadOnlyList<CoordinatorViewModel> Coordinators { get; init; } = [];
}

public sealed record OrganizationListPage(IReadOnlyList<OrganizationViewModel> Items, PagerViewModel Pager, string? Q, string? Land);

public sealed record OrganizationPage(
    OrganizationViewModel Organization,
    IReadOnlyList<CooperationListItemViewModel> Cooperations,
    bool CanManageMembers,
    bool IsMember,
    bool CanSeeProgress);

public sealed record CooperationListPage(IReadOnlyList<CooperationListItemViewModel> Items, PagerViewModel Pager, string? Q);

public sealed record CooperationPage(CooperationViewModel Cooperation, bool CanAssignCoordinators, AssignCoordinatorForm Form, bool CanChangePolicy, int MaxApprovals);

public sealed class AssignCoordinatorForm
{
    [Required(ErrorMessage = "Bitte füllen Sie dieses Feld aus.")]
    [StringLength(254, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "E-Mail-Adresse")]
    public string? Email { get; set; }
}

public sealed class AddMemberForm
{
    [Required(ErrorMessage = "Bitte füllen Sie dieses Feld aus.")]
    [StringLength(254, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "E-Mail-Adresse")]
    public string? Email { get; set; }

    [StringLength(200, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Name (nur für neue Konten)")]
    public string? DisplayName { get; set; }

    [Required(ErrorMessage = "Bitte wählen Sie eine Rolle.")]
    [Display(Name = "Rolle")]
    public string? Role { get; set; } = "editor";
}

public sealed record MembersPage(
    OrganizationViewModel Organization,
    IReadOnlyList<MemberViewModel> Members,
    PagerViewModel Pager,
    AddMemberForm Form,
    string? CreatedEmail,
    string? InitialPassword);

public sealed class OrganizationForm
{
    [Required(ErrorMessage = "Bitte füllen Sie dieses Feld aus.")]
    [StringLength(200, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Bitte wählen Sie eine Art der Organisation.")]
    [Display(Name = "Art")]
    public string? Kind { get; set; }

    [StringLength(8, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Amtlicher Gemeindeschlüssel (AGS)")]
    public string? Ags { get; set; }

    [Required(ErrorMessage = "Bitte wählen Sie ein Land.")]
    [Display(Name = "Land")]
    public string? LandCode { get; set; } = "06";

    [StringLength(200, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Kreis")]
    public string? Kreis { get; set; }

    [StringLength(20000, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Beschreibung (Markdown)")]
    public string? Description { get; set; }
}

public sealed class CooperationForm
{
    [Required(ErrorMessage = "Bitte füllen Sie dieses Feld aus.")]
    [StringLength(200, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Name")]
    public string? Name { get; set; }

    [StringLength(20000, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Beschreibung (Markdown)")]
    public string? Description { get; set; }

    [Required(ErrorMessage = "Bitte wählen Sie die federführende Kommune.")]
    [Display(Name = "Federführende Kommune")]
    public Guid? LeadOrganizationId { get; set; }

    [Display(Name = "Mitglieder")]
    public List<Guid> MemberIds { get; set; } = [];

    [Range(0, 1_000_000_000, ErrorMessage = "Erlaubt ist ein Wert von {1} bis {2}.")]
    [Display(Name = "Fördersumme (€)")]
    public decimal? FundingAmount { get; set; }

    [StringLength(200, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Fördergeber")]
    public string? Funder { get; set; }

    [Display(Name = "Datum der Vereinbarung")]
    [DataType(DataType.Date)]
    public DateOnly? AgreementDate { get; set; }

    [Range(1, 50, ErrorMessage = "Erlaubt ist ein Wert von {1} bis {2}.")]
    [Display(Name = "Nötige Freigaben je Prüfrunde")]
    public int? RequiredApprovals { get; set; } = Cooperation.DefaultRequiredApprovals;
}

public sealed record OrganizationFormPage(OrganizationForm Form);

public sealed record CooperationFormPage(CooperationForm Form, IReadOnlyList<OrganizationViewModel> Organizations);

public static class TenancyLabels
{
    /// <summary>German labels (localization keys) for the organization kinds.</summary>
    public static string Kind(OrganizationKind kind) => kind switch
    {
        OrganizationKind.Gemeinde => "Gemeinde",
        OrganizationKind.Stadt => "Stadt",
        OrganizationKind.Sonderstatusstadt => "Sonderstatusstadt",
        OrganizationKind.KreisfreieStadt => "Kreisfreie Stadt",
        OrganizationKind.Landkreis => "Landkreis",
        OrganizationKind.Regionalverband => "Regionalverband / GmbH",
        OrganizationKind.Ministerium => "Ministerium",
        _ => kind.ToString(),
    };

    public static string Role(MembershipRole role) => role switch
    {
        MembershipRole.Editor => "Bearbeitung",
        MembershipRole.Reviewer => "Prüfung",
        MembershipRole.Admin => "Administration",
        _ => role.ToString(),
    };
}
