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

/// <summary>One organization's membership in one cooperation.</summary>
public sealed record CooperationMembership(Guid OrganizationId, Guid CooperationId, string CooperationName);

public sealed record CooperationMember(Guid OrganizationId, string Name, OrganizationKind Kind, string? Ags, bool IsLead);

public sealed record Coordinator(Guid UserId, string DisplayName, string Email);

public sealed record CooperationDetails(
    Cooperation Cooperation,
    IReadOnlyList<CooperationMember> Members,
    IReadOnlyList<Coordinator> Coordinators)
{
    public CooperationMember Lead => Members.Single(m => m.IsLead);
}

/// <summary>
/// Filter for cooperation lists. With <paramref name="OrganizationIds"/> given, a cooperation matches when one of the
/// organizations is a member (a user's own cooperations, with those they coordinate: <see cref="ICooperationStore.ListMineAsync"/>).
/// </summary>
public sealed record CooperationQuery(string? Text, IReadOnlyCollection<Guid>? OrganizationIds = null);
