using Hub.Core.Audit;
using Hub.Core.Common;
using Hub.Core.Inbox;
using Hub.Core.Tenancy;

namespace Hub.Core.Drafts;

/// <summary>
/// What a transition is decided on, loaded by the store under the draft's row lock: the snapshot, the title, the open
/// review round and the organizations that adopted the service and have not dropped it (they hear of a new release).
/// </summary>
public sealed record DraftState(DraftSnapshot Snapshot, string Title, Guid? OpenRoundId, IReadOnlyCollection<Guid> AdopterOrganizationIds);

/// <summary>A new revision: the content and its rendered body.</summary>
public sealed record NewRevision(DraftContent Content, string BodyHtml);

/// <summary>A review of the open round's revision, for one organization.</summary>
public sealed record NewReview(Guid Id, Guid? RoundId, int Revision, Guid OrganizationId, ReviewVerdict Verdict, string Body, string BodyHtml);

/// <summary>A release of the current revision, by the owner in the cooperation.</summary>
public sealed record NewRelease(Guid Id, Guid OwnerOrganizationId, Guid CooperationId, ReleaseVersion Version, bool Breaking, string Notes, string NotesHtml, string Title);

/// <summary>
/// Everything a legal transition writes, in one transaction: at most one of a new revision, a new review round, a review
/// or a release; the round it closes and how; the draft's new status (<see cref="Decision"/>); the audit event and the
/// notices; all at <see cref="At"/>, from the caller's clock.
/// </summary>
public sealed record DraftChange(
    Guid DraftId,
    DraftDecision Decision,
    int Revision,
    NewRevision? NewRevision,
    Guid? NewRoundId,
    NewReview? Review,
    NewRelease? Release,
    Guid? ClosedRoundId,
    string? RoundOutcome,
    Guid ActorUserId,
    DateTimeOffset At,
    AuditEvent Audit,
    IReadOnlyList<Notice> Notices)
{
    /// <summary>Whether the draft keeps its open round (it stays in review).</summary>
    public bool KeepsRound => Decision.To == DraftStatus.InReview;

    public TransitionOutcome Outcome => new(DraftId, Decision, Revision, Release?.Id, Review?.Id);
}

/// <summary>
/// A transition as one pure function: <see cref="DraftLifecycle.Decide"/> says whether and where to, and this says what
/// is written for it: what the action adds, which round closes, the audit action, who is told (a new round: the partners'
/// reviewers; approved or changes requested: the owner's editors; a release: the cooperation's editors and the adopters').
/// </summary>
public static class DraftChanges
{
    public static Result<DraftChange> Decide(DraftState? state, DraftCommand command, TransitionPayload payload, Actor actor, IClock clock)
    {
        if (state is null)
            return NotFound.Instance;
        var snapshot = state.Snapshot;
        var decided = DraftLifecycle.Decide(snapshot, command, actor);
        if (!decided.IsSuccess)
            return decided.Error;
        var decision = decided.Value;
        var at = clock.UtcNow;
        var action = command.Action;
        var revision = action == DraftAction.Edit ? snapshot.CurrentRevision + 1 : snapshot.CurrentRevision;
        var newRevision = action == DraftAction.Edit ? new NewRevision(payload.Content!, payload.BodyHtml ?? "") : null;
        var newRound = action == DraftAction.Submit ? Ids.New() : (Guid?)null;
        var review = VerdictOf(action) is { } verdict
            ? new NewReview(Ids.New(), state.OpenRoundId, snapshot.RoundRevision ?? revision, decision.ActingOrganizationId!.Value, verdict, payload.Text ?? "",
                payload.TextHtml ?? "")
            : null;
        var release = decision.Version is { } version && action == DraftAction.Release
            ? new NewRelease(Ids.New(), snapshot.OwnerOrganizationId, snapshot.CooperationId, version, snapshot.LatestRelease is { } latest && version.Major > latest.Major, payload.Text ?? "", payload.TextHtml ?? "",
                state.Title)
            : null;
        var closed = decision.ClosesRound ? state.OpenRoundId : null;

        // A withdrawal's required reason is kept in its audit event (it was checked and then dropped).
        object after = action == DraftAction.Withdraw
            ? new { status = decision.To.ToCode(), revision, reason = payload.Text ?? "" }
            : new { status = decision.To.ToCode(), revision, version = decision.Version?.ToString(), releaseId = release?.Id, reviewId = review?.Id };
        var audit = AuditEvent.Create(at, actor, decision.ActingOrganizationId ?? snapshot.OwnerOrganizationId, "draft", snapshot.Id, AuditAction(action),
            before: new { status = decision.From.ToCode(), revision = snapshot.CurrentRevision }, after: after);
        var notices = Told(state, decision, action).Select(n => new Notice(n.Kind, n.To, snapshot.Id, state.Title, revision, at, actor.UserId)
        {
            Version = decision.Version?.ToString(),
        }).ToList();
        return new DraftChange(snapshot.Id, decision, revision, newRevision, newRound, review, release, closed, closed is null ? null : RoundOutcome(action),
            actor.UserId, at, audit, notices);
    }

    private static IEnumerable<(string Kind, Recipients To)> Told(DraftState state, DraftDecision decision, DraftAction action)
    {
        var snapshot = state.Snapshot;
        if (action == DraftAction.Submit)
            yield return ("review_requested", Recipients.Members(snapshot.CooperationMemberIds.Where(m => m != snapshot.OwnerOrganizationId), Roles.Reviewing));
        if (VerdictOf(action) is not null && decision.To is DraftStatus.Approved or DraftStatus.ChangesRequested)
            yield return (decision.To == DraftStatus.Approved ? "approved" : "changes_requested", Recipients.Members([snapshot.OwnerOrganizationId], Roles.Editing));
        if (action == DraftAction.Release)
        {
            yield return ("released", Recipients.Members(snapshot.CooperationMemberIds, Roles.Editing));
            yield return ("update_available", Recipients.Members(state.AdopterOrganizationIds, Roles.Editing));
        }
    }

    private static ReviewVerdict? VerdictOf(DraftAction action) => action switch
    {
        DraftAction.Approve => ReviewVerdict.Approve,
        DraftAction.RequestChanges => ReviewVerdict.RequestChanges,
        DraftAction.Comment => ReviewVerdict.Comment,
        _ => null,
    };

    private static string AuditAction(DraftAction action) => action switch
    {
        DraftAction.Edit => "revised",
        DraftAction.Submit => "submitted",
        DraftAction.Recall => "recalled",
        DraftAction.Approve => "approved",
        DraftAction.RequestChanges => "changes_requested",
        DraftAction.Comment => "review_commented",
        DraftAction.Release => "released",
        DraftAction.Withdraw => "withdrawn",
        _ => action.ToString().ToLowerInvariant(),
    };

    private static string RoundOutcome(DraftAction action) => action switch
    {
        DraftAction.Approve => "approved",
        DraftAction.RequestChanges => "changes_requested",
        DraftAction.Withdraw => "withdrawn",
        _ => "recalled",
    };
}
