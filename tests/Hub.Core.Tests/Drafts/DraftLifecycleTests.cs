using Hub.Core.Common;
using Hub.Core.Drafts;
using Hub.Core.Tenancy;
using Hub.Core.Tests.Common;

namespace Hub.Core.Tests.Drafts;

public sealed class DraftLifecycleTests
{
    private static readonly Guid _owner = World.Owner;
    private static readonly Guid _partnerA = World.PartnerA;
    private static readonly Guid _partnerB = World.PartnerB;
    private static readonly Guid _outsideOrg = World.OutsideOrg;
    private static readonly Guid _coop = World.CooperationId;

    private static Actor Make(Role role) => World.Make(role);

    private static Actor Actor(Membership[]? memberships = null, Guid[]? coordinated = null, string? observes = null, bool platformAdmin = false) =>
        World.Person(memberships, coordinated, observes, platformAdmin);

    private static DraftSnapshot Draft(DraftStatus status, int required = 1, Guid[]? approvals = null, int revision = 3, ReleaseVersion? latest = null) =>
        new(Guid.NewGuid(), _owner, "06", _coop, [_owner, _partnerA, _partnerB], status, revision,
            status == DraftStatus.InReview ? revision : null, required, approvals ?? [], latest);

    // The rules as two readable tables; the matrix test below checks every state × action × role against them.
    private static readonly Dictionary<Role, DraftAction[]> _mayDo = new()
    {
        [Role.OwnerEditor] = [DraftAction.Edit, DraftAction.Submit, DraftAction.Recall, DraftAction.Release, DraftAction.Withdraw],
        [Role.OwnerAdmin] = [DraftAction.Edit, DraftAction.Submit, DraftAction.Recall, DraftAction.Release, DraftAction.Withdraw],
        [Role.OwnerReviewer] = [],
        [Role.PartnerReviewer] = [DraftAction.Approve, DraftAction.RequestChanges, DraftAction.Comment],
        [Role.PartnerEditor] = [],
        [Role.Coordinator] = [DraftAction.Release],
        [Role.Observer] = [],
    };

    private static readonly Dictionary<DraftAction, (DraftStatus[] From, DraftStatus To)> _transitions = new()
    {
        [DraftAction.Edit] = ([DraftStatus.Draft, DraftStatus.ChangesRequested, DraftStatus.Approved, DraftStatus.Released], DraftStatus.Draft),
        [DraftAction.Submit] = ([DraftStatus.Draft, DraftStatus.ChangesRequested], DraftStatus.InReview),
        [DraftAction.Recall] = ([DraftStatus.InReview], DraftStatus.Draft),
        [DraftAction.Approve] = ([DraftStatus.InReview], DraftStatus.Approved),
        [DraftAction.RequestChanges] = ([DraftStatus.InReview], DraftStatus.ChangesRequested),
        [DraftAction.Comment] = ([DraftStatus.InReview], DraftStatus.InReview),
        [DraftAction.Release] = ([DraftStatus.Approved], DraftStatus.Released),
        [DraftAction.Withdraw] = ([DraftStatus.Draft, DraftStatus.InReview, DraftStatus.ChangesRequested, DraftStatus.Approved], DraftStatus.Withdrawn),
    };

    public static TheoryData<DraftStatus, DraftAction, Role> EveryCombination() => World.Every<DraftStatus, DraftAction, Role>();

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void Decide_EveryStateActionAndRole_MatchesTheTables(DraftStatus status, DraftAction action, Role role)
    {
        var result = DraftLifecycle.Decide(Draft(status), new DraftCommand(action), Make(role));

        if (!_mayDo.TryGetValue(role, out var allowed))
        {
            Assert.IsType<NotFound>(result.Error);
        }
        else if (!allowed.Contains(action))
        {
            Assert.IsType<Forbidden>(result.Error);
        }
        else if (!_transitions[action].From.Contains(status))
        {
            var error = Assert.IsType<Conflict>(result.Error);
            Assert.Equal("illegal_transition", error.Code);
            Assert.Equal(status.ToCode(), error.Details["currentStatus"]);
        }
        else
        {
            Assert.True(result.IsSuccess, result.Error?.Code);
            Assert.Equal(_transitions[action].To, result.Value.To);
            Assert.Equal(status, result.Value.From);
        }
    }

    [Fact]
    public void Approve_QuorumOfTwo_NeedsTwoDistinctPartnerOrganizations()
    {
        var reviewerA = Make(Role.PartnerReviewer);
        var reviewerB = Actor(memberships: [new(_partnerB, "B", MembershipRole.Reviewer)]);

        var first = DraftLifecycle.Decide(Draft(DraftStatus.InReview, required: 2), new DraftCommand(DraftAction.Approve), reviewerA);
        var sameAgain = DraftLifecycle.Decide(Draft(DraftStatus.InReview, required: 2, approvals: [_partnerA]), new DraftCommand(DraftAction.Approve), reviewerA);
        var second = DraftLifecycle.Decide(Draft(DraftStatus.InReview, required: 2, approvals: [_partnerA]), new DraftCommand(DraftAction.Approve), reviewerB);

        Assert.Equal(DraftStatus.InReview, first.Value!.To);
        Assert.False(first.Value.ClosesRound);
        Assert.Equal(_partnerA, first.Value.ActingOrganizationId);
        Assert.Equal("already_approved", sameAgain.Error!.Code);
        Assert.Equal(DraftStatus.Approved, second.Value!.To);
        Assert.True(second.Value.ClosesRound);
    }

    [Fact]
    public void Approve_ReviewerActingForTheOwner_IsForbidden()
    {
        // A person who reviews for the owner and for a partner may approve only for the partner.
        var both = Actor(memberships: [new(_owner, "Owner", MembershipRole.Reviewer), new(_partnerA, "A", MembershipRole.Reviewer)]);

        var forOwner = DraftLifecycle.Decide(Draft(DraftStatus.InReview), new DraftCommand(DraftAction.Approve, ActingOrganizationId: _owner), both);
        var forPartner = DraftLifecycle.Decide(Draft(DraftStatus.InReview), new DraftCommand(DraftAction.Approve, ActingOrganizationId: _partnerA), both);

        Assert.Equal("not_a_reviewer", forOwner.Error!.Code);
        Assert.True(forPartner.IsSuccess);
    }

    [Fact]
    public void Review_ReviewerOfTwoPartners_MustSayForWhich()
    {
        var twoHats = Actor(memberships: [new(_partnerA, "A", MembershipRole.Reviewer), new(_partnerB, "B", MembershipRole.Admin)]);

        var unspecified = DraftLifecycle.Decide(Draft(DraftStatus.InReview), new DraftCommand(DraftAction.Approve), twoHats);
        var outsider = DraftLifecycle.Decide(Draft(DraftStatus.InReview), new DraftCommand(DraftAction.Approve, ActingOrganizationId: _outsideOrg), twoHats);

        Assert.IsType<ValidationFailed>(unspecified.Error);
        Assert.True(unspecified.Error.FieldErrors.ContainsKey("organizationId"));
        Assert.IsType<Forbidden>(outsider.Error);
    }

    [Theory]
    [InlineData(DraftAction.Edit, DraftStatus.Draft)]
    [InlineData(DraftAction.Submit, DraftStatus.ChangesRequested)]
    public void EditAndSubmit_FromAnOlderRevision_AreStale(DraftAction action, DraftStatus status)
    {
        var result = DraftLifecycle.Decide(Draft(status, revision: 5), new DraftCommand(action, BaseRevision: 4), Make(Role.OwnerEditor));

        var error = Assert.IsType<Conflict>(result.Error);
        Assert.Equal("stale_revision", error.Code);
        Assert.Equal(5, error.Details["currentRevision"]);
    }

    [Fact]
    public void Submit_OpensARound_RequestChanges_ClosesIt()
    {
        var submit = DraftLifecycle.Decide(Draft(DraftStatus.Draft), new DraftCommand(DraftAction.Submit, BaseRevision: 3), Make(Role.OwnerEditor));
        var changes = DraftLifecycle.Decide(Draft(DraftStatus.InReview), new DraftCommand(DraftAction.RequestChanges), Make(Role.PartnerReviewer));
        var comment = DraftLifecycle.Decide(Draft(DraftStatus.InReview), new DraftCommand(DraftAction.Comment), Make(Role.PartnerReviewer));

        Assert.True(submit.Value!.OpensRound);
        Assert.True(changes.Value!.ClosesRound);
        Assert.False(comment.Value!.ClosesRound);
    }

    [Theory]
    [InlineData(null, null, false, "1.0")]
    [InlineData(1, 0, false, "1.1")]
    [InlineData(1, 4, false, "1.5")]
    [InlineData(1, 4, true, "2.0")]
    public void Release_Version_IsMinorUnlessBreaking(int? major, int? minor, bool breaking, string expected)
    {
        var latest = major is null ? null : new ReleaseVersion(major.Value, minor!.Value);

        var result = DraftLifecycle.Decide(Draft(DraftStatus.Approved, latest: latest), new DraftCommand(DraftAction.Release, Breaking: breaking), Make(Role.Coordinator));

        Assert.Equal(expected, result.Value!.Version!.ToString());
    }

    [Fact]
    public void IllegalTransition_MessageNamesTheCurrentState()
    {
        var result = DraftLifecycle.Decide(Draft(DraftStatus.Released), new DraftCommand(DraftAction.Submit), Make(Role.OwnerEditor));

        Assert.Contains("Freigegeben", result.Error!.Message.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Access_ObserverOfAnotherLand_CannotSee()
    {
        var bavarian = Actor(observes: "09");

        Assert.IsType<NotFound>(DraftLifecycle.Decide(Draft(DraftStatus.Draft), new DraftCommand(DraftAction.Edit), bavarian).Error);
        Assert.False(DraftAccess.For(bavarian, Draft(DraftStatus.Draft)).CanSee);
        Assert.True(DraftAccess.For(Make(Role.PartnerEditor), Draft(DraftStatus.Draft)).CanSee);
    }

    [Fact]
    public void Codes_RoundTrip()
    {
        foreach (var s in Enum.GetValues<DraftStatus>())
            Assert.Equal(s, DraftCodes.ParseStatus(s.ToCode()));
        foreach (var v in Enum.GetValues<ReviewVerdict>())
            Assert.True(DraftCodes.TryParseVerdict(v.ToCode(), out var parsed) && parsed == v);
    }
}
