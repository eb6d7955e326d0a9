namespace Hub.Web.Drafts;

public sealed record SteckbriefDto(
    string? Platform, int? TargetReifegrad, string? PaymentMethods, string? Evidence, string? LegalBasis, string? Fees, string? Contact);

public sealed record DraftSummaryDto(
    Guid Id, string Title, string Status, Guid OwnerOrganizationId, string OwnerOrganizationName, Guid CooperationId, string CooperationName,
    int Revision, DateTimeOffset UpdatedAt);

public sealed record ApprovalDto(Guid OrganizationId, string OrganizationName, string ReviewerName, int Revision, DateTimeOffset At);

public sealed record DraftDto(
    Guid Id,
    string Status,
    int Revision,
    Guid OwnerOrganizationId,
    string OwnerOrganizationName,
    Guid CooperationId,
    string CooperationName,
    string Title,
    string? Summary,
    string Body,
    string BodyHtml,
    SteckbriefDto Steckbrief,
    IReadOnlyList<string> CatalogServiceIds,
    IReadOnlyList<ApprovalDto> Approvals,
    int RequiredApprovals,
    string? LatestVersion,
    DateTimeOffset UpdatedAt);

public sealed record RevisionDto(int Revision, string Title, string? Summary, string Body, string BodyHtml, SteckbriefDto Steckbrief, string AuthorName, DateTimeOffset CreatedAt);

public sealed record ReviewDto(Guid Id, int Revision, Guid OrganizationId, string OrganizationName, string ReviewerName, string Verdict, string Body, string BodyHtml, DateTimeOffset CreatedAt);

public sealed record TransitionDto(Guid Id, string Status, int Revision, string? Version, Guid? ReleaseId, Guid? ReviewId);

/// <summary>Incoming JSON for a new draft or a save. Mapped by hand into Core's content: nothing else can be posted.</summary>
public sealed record DraftRequest(
    Guid? OrganizationId,
    Guid? CooperationId,
    string? Title,
    string? Summary,
    string? Body,
    string? Platform,
    int? TargetReifegrad,
    string? PaymentMethods,
    string? Evidence,
    string? LegalBasis,
    string? Fees,
    string? Contact,
    IReadOnlyCollection<string>? CatalogServiceIds,
    int? BaseRevision)
{
    public Hub.Core.Drafts.DraftContent ToContent() => new(Title, Summary, Body,
        new Hub.Core.Drafts.Steckbrief(Platform, TargetReifegrad, PaymentMethods, Evidence, LegalBasis, Fees, Contact), CatalogServiceIds);
}

public sealed record SubmitRequest(int? Revision);

public sealed record ReviewRequest(Guid? OrganizationId, string? Verdict, string? Body);

public sealed record ReleaseRequest(string? Notes, bool? Breaking);

public sealed record WithdrawRequest(string? Reason);
