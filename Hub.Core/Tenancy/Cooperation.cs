namespace Hub.Core.Tenancy;

public sealed record Cooperation(
    Guid Id,
    string Name,
    string? Description,
    Guid LeadOrganizationId,
    decimal? FundingAmount,
    string? Funder,
    DateOnly? AgreementDate,
    int RequiredApprovals,
    DateTimeOffset CreatedAt)
{
    public const int DefaultRequiredApprovals = 2;
}

public sealed record CooperationSummary(Guid Id, string Name, string LeadOrganizationName, int MemberCount, decimal? FundingAmount);

public sealed record CooperationMember(Guid OrganizationId, string Name, OrganizationKind Kind, string? Ags, bool IsLead);

public sealed record Coordinator(Guid UserId, string DisplayName, string Email);

public sealed record CooperationDetails(
    Cooperation Cooperation,
    IReadOnlyList<CooperationMember> Members,
    IReadOnlyList<Coordinator> Coordinators)
{
    public CooperationMember Lead => Members.Single(m => m.IsLead);
}

public sealed record CooperationQuery(string? Text, Guid? OrganizationId);
