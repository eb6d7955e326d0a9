namespace Hub.Core.Drafts;

public sealed record DraftSummary(
    Guid Id,
    string Title,
    DraftStatus Status,
    Guid OwnerOrganizationId,
    string OwnerOrganizationName,
    Guid CooperationId,
    string CooperationName,
    int CurrentRevision,
    DateTimeOffset UpdatedAt);

public sealed record DraftRevision(
    Guid DraftId,
    int Revision,
    string Title,
    string? Summary,
    string Body,
    string BodyHtml,
    Steckbrief Steckbrief,
    string AuthorName,
    DateTimeOffset CreatedAt);

/// <summary>A revision in a list of revisions: who made it when, without its content.</summary>
public sealed record RevisionEntry(int Revision, string Title, string AuthorName, DateTimeOffset CreatedAt);

public sealed record Approval(Guid OrganizationId, string OrganizationName, string ReviewerName, int Revision, DateTimeOffset At);

/// <param name="ChangeSeq">The draft's change counter as read with the rest (see <see cref="IDraftStore.ChangeSeqAsync"/>).</param>
public sealed record DraftDetails(
    DraftSummary Summary,
    DraftSnapshot Snapshot,
    DraftRevision Content,
    IReadOnlyList<string> CatalogServiceIds,
    IReadOnlyList<Approval> Approvals,
    long ChangeSeq = 0);

public sealed record ReviewEntry(
    Guid Id,
    int Revision,
    Guid OrganizationId,
    string OrganizationName,
    string ReviewerName,
    ReviewVerdict Verdict,
    string Body,
    string BodyHtml,
    DateTimeOffset CreatedAt);

/// <summary>The cooperations and owner organizations among the drafts one actor may see, to filter by.</summary>
public sealed record DraftFacets(IReadOnlyList<(Guid Id, string Name)> Cooperations, IReadOnlyList<(Guid Id, string Name)> Organizations);

public sealed record DraftQuery(DraftStatus? Status, Guid? CooperationId, Guid? OrganizationId);

/// <summary>What a transition writes besides the status: a new revision, a review, release notes or a reason.</summary>
public sealed record TransitionPayload(
    DraftContent? Content = null,
    string? BodyHtml = null,
    string? Text = null,
    string? TextHtml = null);

/// <summary>What a transition did to the draft: the decision it carried out, the revision it left, the release or review it wrote.</summary>
public sealed record TransitionOutcome(Guid DraftId, DraftDecision Decision, int Revision, Guid? ReleaseId, Guid? ReviewId);

public sealed record NewDraft(Guid Id, Guid OwnerOrganizationId, Guid CooperationId, DraftContent Content, string BodyHtml, Guid CreatedBy, DateTimeOffset At);
