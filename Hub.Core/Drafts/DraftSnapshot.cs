namespace Hub.Core.Drafts;

/// <summary>Everything the rules need to decide about one draft, loaded (and locked) by the store.</summary>
public sealed record DraftSnapshot(
    Guid Id,
    Guid OwnerOrganizationId,
    string OwnerLandCode,
    Guid CooperationId,
    IReadOnlyCollection<Guid> CooperationMemberIds,
    DraftStatus Status,
    int CurrentRevision,
    int? RoundRevision,
    int RequiredApprovals,
    IReadOnlyCollection<Guid> ApprovingOrganizationIds,
    ReleaseVersion? LatestRelease)
{
    /// <summary>Who wrote the revision under review and who submitted it: their approval does not count (four eyes).</summary>
    public IReadOnlyCollection<Guid> RoundAuthorIds { get; init; } = [];
}
