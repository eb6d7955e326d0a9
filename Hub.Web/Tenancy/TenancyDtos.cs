namespace Hub.Web.Tenancy;

public sealed record OrganizationDto(Guid Id, string Name, string Kind, string? Ags, string LandCode, string Land, string? Kreis, string? Description);

public sealed record CooperationSummaryDto(Guid Id, string Name, string LeadOrganizationName, int MemberCount, decimal? FundingAmount);

public sealed record CooperationMemberDto(Guid OrganizationId, string Name, string Kind, string? Ags, bool IsLead);

public sealed record CoordinatorDto(Guid UserId, string DisplayName);

public sealed record CooperationDto(
    Guid Id,
    string Name,
    string? Description,
    Guid LeadOrganizationId,
    decimal? FundingAmount,
    string? Funder,
    DateOnly? AgreementDate,
    int RequiredApprovals,
    IReadOnlyList<CooperationMemberDto> Members,
    IReadOnlyList<CoordinatorDto> Coordinators);

public sealed record MembershipDto(Guid OrganizationId, string OrganizationName, string Role);

public sealed record ObserverScopeDto(string LandCode, string Land, Guid? OrganizationId, string? OrganizationName);

public sealed record MeDto(
    Guid Id,
    string Email,
    string DisplayName,
    bool IsPlatformAdmin,
    IReadOnlyList<MembershipDto> Memberships,
    IReadOnlyList<Guid> CoordinatedCooperationIds,
    IReadOnlyList<ObserverScopeDto> ObserverScopes);

public sealed record ReviewPolicyDto(int? RequiredApprovals, int? BaseRequiredApprovals);
