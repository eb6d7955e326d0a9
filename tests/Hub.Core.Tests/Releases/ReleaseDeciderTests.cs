using Hub.Core.Common;
using Hub.Core.Drafts;
using Hub.Core.Releases;
using Hub.Core.Tenancy;
using Hub.Core.Tests.Common;
using static Hub.Core.Tests.Common.World;

namespace Hub.Core.Tests.Releases;

public sealed class ReleaseDeciderTests
{
    private static readonly Guid _adopter = Guid.NewGuid();

    // The rules as tables; the matrix test checks every status × action × role against them.
    private static readonly Role[] _mayChange = [Role.OwnerEditor, Role.OwnerAdmin, Role.Coordinator];

    private static readonly Dictionary<ReleaseAction, (ReleaseStatus[] From, ReleaseStatus To, string Audit)> _transitions = new()
    {
        [ReleaseAction.Deprecate] = ([ReleaseStatus.Active], ReleaseStatus.Deprecated, "release_deprecated"),
        [ReleaseAction.Withdraw] = ([ReleaseStatus.Active, ReleaseStatus.Deprecated], ReleaseStatus.Withdrawn, "release_withdrawn"),
    };

    public static ReleaseInfo Release(ReleaseStatus status = ReleaseStatus.Active, int minor = 1, Guid? draftId = null) =>
        new(Guid.NewGuid(), draftId ?? Guid.NewGuid(), "Urkunde", new ReleaseVersion(1, minor), 3, false, "", "", Owner, "Owner", CooperationId, "Eva",
            status, null, null, null, DateTimeOffset.UnixEpoch);

    private static ReleaseState State(ReleaseStatus status, ReleaseInfo? successor = null) =>
        new(Release(status), Draft(DraftStatus.Released), successor, [Owner, PartnerA, PartnerB], [_adopter, PartnerA]);

    public static TheoryData<ReleaseStatus, ReleaseAction, Role> EveryCombination() => Every<ReleaseStatus, ReleaseAction, Role>();

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void Decide_EveryStatusActionAndRole_MatchesTheTables(ReleaseStatus status, ReleaseAction action, Role role)
    {
        var actor = Make(role);
        var state = State(status);

        var result = ReleaseDecider.Decide(state, new ReleaseCommand(action, " veraltet "), actor, Clock);

        if (!_mayChange.Contains(role))
        {
            Assert.Equal("not_allowed_to_change_release", Assert.IsType<Forbidden>(result.Error).Code);
        }
        else if (!_transitions[action].From.Contains(status))
        {
            var error = Assert.IsType<Conflict>(result.Error);
            Assert.Equal("illegal_transition", error.Code);
            Assert.Equal(status.ToCode(), error.Details["currentStatus"]);
        }
        else
        {
            var change = result.Value!;
            Assert.Equal((status, _transitions[action].To), (change.From, change.To));
            Assert.Equal("veraltet", change.Reason);
            Assert.Equal((Clock.UtcNow, Clock.UtcNow, Clock.UtcNow), (change.At, change.Audit.OccurredAt, change.Notice.At));
            Assert.Equal((_transitions[action].Audit, "release", state.Release.Id, (Guid?)Owner), (change.Audit.Action, change.Audit.EntityType, change.Audit.EntityId, change.Audit.ActingOrganizationId));
            Assert.Equal(_transitions[action].Audit, change.Notice.Kind);
            Assert.Equal(actor.UserId, change.Notice.ActorUserId);
        }
    }

    [Fact]
    public void Decide_Legal_TellsTheEditorsOfTheCooperationAndOfTheAdopters_OnceEach()
    {
        var state = State(ReleaseStatus.Active);

        var notice = ReleaseDecider.Decide(state, new ReleaseCommand(ReleaseAction.Withdraw, "Fehler"), Make(Role.OwnerEditor), Clock).Value!.Notice;

        Assert.Equal([Owner, PartnerA, PartnerB, _adopter], notice.To.OrganizationIds);
        Assert.Same(Roles.Editing, notice.To.Roles);
        Assert.Empty(notice.To.UserIds);
        Assert.Equal((state.Release.DraftId, "Urkunde", 3, "1.1"), (notice.DraftId, notice.Subject, notice.Revision, notice.Version));
    }

    [Fact]
    public void Decide_NoRelease_IsNotFound_NoVisibleDraft_IsForbidden()
    {
        var hidden = State(ReleaseStatus.Active) with { Draft = null };

        Assert.IsType<NotFound>(ReleaseDecider.Decide(null, new ReleaseCommand(ReleaseAction.Withdraw, "x"), Make(Role.OwnerEditor), Clock).Error);
        Assert.IsType<Forbidden>(ReleaseDecider.Decide(hidden, new ReleaseCommand(ReleaseAction.Withdraw, "x"), Make(Role.OwnerEditor), Clock).Error);
    }

    [Theory]
    [InlineData(null, "reason")]
    [InlineData("  ", "reason")]
    public void Decide_WithoutReason_NamesTheField_BeforeTheState(string? reason, string field)
    {
        var result = ReleaseDecider.Decide(State(ReleaseStatus.Withdrawn), new ReleaseCommand(ReleaseAction.Withdraw, reason), Make(Role.Coordinator), Clock);

        Assert.True(Assert.IsType<ValidationFailed>(result.Error).FieldErrors.ContainsKey(field));
    }

    [Theory]
    [InlineData("active", true)]
    [InlineData("deprecated", false)]
    [InlineData("withdrawn", false)]
    [InlineData("missing", false)]
    [InlineData("itself", false)]
    public void Decide_Successor_MustBeAnotherActiveRelease(string successor, bool legal)
    {
        var state = State(ReleaseStatus.Active);
        var other = successor switch
        {
            "missing" or "itself" => null,
            _ => Release(ReleaseStatusCodes.Parse(successor), minor: 2, draftId: state.Release.DraftId),
        };
        var named = successor == "itself" ? state.Release.Id : other?.Id ?? Guid.NewGuid();

        var result = ReleaseDecider.Decide(state with { Successor = other }, new ReleaseCommand(ReleaseAction.Deprecate, "neu", named), Make(Role.OwnerEditor), Clock);

        if (legal)
            Assert.Equal(named, result.Value!.SuccessorId);
        else
            Assert.True(Assert.IsType<ValidationFailed>(result.Error).FieldErrors.ContainsKey("successorReleaseId"));
    }
}
