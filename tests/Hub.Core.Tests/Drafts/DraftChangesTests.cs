using Hub.Core.Common;
using Hub.Core.Drafts;
using Hub.Core.Tenancy;
using Hub.Core.Tests.Common;
using static Hub.Core.Tests.Common.World;

namespace Hub.Core.Tests.Drafts;

/// <summary>What every legal transition writes (and that every refused one is the lifecycle's answer), for every state × action × role.</summary>
public sealed class DraftChangesTests
{
    private static readonly Guid _adopter = Guid.NewGuid();
    private static readonly Guid _round = Guid.NewGuid();

    private static readonly Dictionary<DraftAction, string> _audit = new()
    {
        [DraftAction.Edit] = "revised",
        [DraftAction.Submit] = "submitted",
        [DraftAction.Recall] = "recalled",
        [DraftAction.Approve] = "approved",
        [DraftAction.RequestChanges] = "changes_requested",
        [DraftAction.Comment] = "review_commented",
        [DraftAction.Release] = "released",
        [DraftAction.Withdraw] = "withdrawn",
    };

    /// <summary>Who hears of it: kind, organizations, roles (the quorum is one approval, so an approval approves).</summary>
    private static readonly Dictionary<DraftAction, (string Kind, Guid[] To, RoleSet Roles)[]> _told = new()
    {
        [DraftAction.Submit] = [("review_requested", [PartnerA, PartnerB], Roles.Reviewing)],
        [DraftAction.Approve] = [("approved", [Owner], Roles.Editing)],
        [DraftAction.RequestChanges] = [("changes_requested", [Owner], Roles.Editing)],
        [DraftAction.Release] = [("released", [Owner, PartnerA, PartnerB], Roles.Editing), ("update_available", [_adopter], Roles.Editing)],
    };

    private static readonly Dictionary<DraftAction, string> _roundOutcome = new()
    {
        [DraftAction.Approve] = "approved",
        [DraftAction.RequestChanges] = "changes_requested",
        [DraftAction.Withdraw] = "withdrawn",
        [DraftAction.Recall] = "recalled",
    };

    private static DraftState State(DraftStatus status) =>
        new(Draft(status), "Urkunde", status == DraftStatus.InReview ? _round : null, [_adopter]);

    private static TransitionPayload Payload(DraftAction action) => action == DraftAction.Edit
        ? new TransitionPayload(new DraftContent("Urkunde", null, "## Neu", null, null), "<h2>Neu</h2>")
        : new TransitionPayload(Text: "Text", TextHtml: "<p>Text</p>");

    public static TheoryData<DraftStatus, DraftAction, Role> EveryCombination() => Every<DraftStatus, DraftAction, Role>();

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void Decide_EveryStateActionAndRole_WritesWhatTheTablesSay(DraftStatus status, DraftAction action, Role role)
    {
        var state = State(status);
        var actor = Make(role);
        var command = new DraftCommand(action);

        var result = DraftChanges.Decide(state, command, Payload(action), actor, Clock);

        var lifecycle = DraftLifecycle.Decide(state.Snapshot, command, actor);
        if (!lifecycle.IsSuccess)
        {
            Assert.Equal((lifecycle.Error!.GetType(), lifecycle.Error.Code, lifecycle.Error.Message.ToString()),
                (result.Error!.GetType(), result.Error.Code, result.Error.Message.ToString()));
            return;
        }

        var change = result.Value!;
        Assert.Equal(lifecycle.Value, change.Decision);
        Assert.Equal((Clock.UtcNow, actor.UserId, state.Snapshot.Id), (change.At, change.ActorUserId, change.DraftId));
        Assert.Equal((_audit[action], "draft", state.Snapshot.Id, Clock.UtcNow), (change.Audit.Action, change.Audit.EntityType, change.Audit.EntityId, change.Audit.OccurredAt));
        Assert.Equal(change.Decision.ActingOrganizationId ?? Owner, change.Audit.ActingOrganizationId);
        Assert.Equal(action == DraftAction.Edit ? 4 : 3, change.Revision);
        Assert.Equal(action == DraftAction.Edit, change.NewRevision is not null);
        Assert.Equal(action == DraftAction.Submit, change.NewRoundId is not null);
        Assert.Equal(action is DraftAction.Approve or DraftAction.RequestChanges or DraftAction.Comment, change.Review is not null);
        Assert.Equal(action == DraftAction.Release, change.Release is not null);
        Assert.Equal(change.Decision.To == DraftStatus.InReview, change.KeepsRound);
        Assert.Equal(change.Decision.ClosesRound && status == DraftStatus.InReview ? _round : null, change.ClosedRoundId);
        Assert.Equal(change.ClosedRoundId is null ? null : _roundOutcome[action], change.RoundOutcome);

        var told = _told.GetValueOrDefault(action, []);
        Assert.Equal(told.Select(t => t.Kind), change.Notices.Select(n => n.Kind));
        foreach (var (expected, notice) in told.Zip(change.Notices))
        {
            Assert.Equal(expected.To, notice.To.OrganizationIds);
            Assert.Same(expected.Roles, notice.To.Roles);
            Assert.Equal((state.Snapshot.Id, "Urkunde", 3, Clock.UtcNow, actor.UserId), (notice.DraftId, notice.Subject, notice.Revision, notice.At, notice.ActorUserId));
            Assert.Equal(change.Decision.Version?.ToString(), notice.Version);
        }
    }

    [Fact]
    public void Decide_Review_IsOfTheRoundsRevision_ForTheActingOrganization()
    {
        var change = DraftChanges.Decide(State(DraftStatus.InReview), new DraftCommand(DraftAction.RequestChanges), Payload(DraftAction.RequestChanges),
            Make(Role.PartnerReviewer), Clock).Value!;

        Assert.Equal((_round, 3, PartnerA, ReviewVerdict.RequestChanges, "Text", "<p>Text</p>"),
            (change.Review!.RoundId!.Value, change.Review.Revision, change.Review.OrganizationId, change.Review.Verdict, change.Review.Body, change.Review.BodyHtml));
        Assert.Equal(change.Review.Id, change.Outcome.ReviewId);
    }

    [Theory]
    [InlineData(false, "1.0", false)]
    [InlineData(true, "2.0", true)]
    public void Decide_Release_TakesTheTitleAndNotes_AndIsBreakingOnANewMajor(bool breaking, string version, bool expectBreaking)
    {
        var state = State(DraftStatus.Approved);
        state = state with { Snapshot = state.Snapshot with { LatestRelease = breaking ? new ReleaseVersion(1, 3) : null } };

        var change = DraftChanges.Decide(state, new DraftCommand(DraftAction.Release, Breaking: breaking), Payload(DraftAction.Release), Make(Role.Coordinator), Clock).Value!;

        Assert.Equal((version, expectBreaking, "Text", "Urkunde", Owner, CooperationId),
            (change.Release!.Version.ToString(), change.Release.Breaking, change.Release.Notes, change.Release.Title, change.Release.OwnerOrganizationId, change.Release.CooperationId));
        Assert.Equal(change.Release.Id, change.Outcome.ReleaseId);
    }

    [Fact]
    public void Decide_NoDraft_IsNotFound()
    {
        Assert.IsType<NotFound>(DraftChanges.Decide(null, new DraftCommand(DraftAction.Submit), new TransitionPayload(), Make(Role.OwnerEditor), Clock).Error);
    }
}
