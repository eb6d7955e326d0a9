using Hub.Core.Drafts;
using Hub.Core.Inbox;
using Hub.Core.Releases;
using Hub.Core.Tenancy;

namespace Hub.Core.Tests.Drafts;

/// <summary>Who may comment and resolve, how threads are built, which release changes are legal, how notifications read.</summary>
public sealed class DiscussionRulesTests
{
    private static readonly Guid _owner = Guid.NewGuid();
    private static readonly Guid _partner = Guid.NewGuid();
    private static readonly Guid _coop = Guid.NewGuid();

    private static DraftSnapshot Draft() =>
        new(Guid.NewGuid(), _owner, "06", _coop, [_owner, _partner], DraftStatus.InReview, 1, 1, 2, [], null);

    private static Actor Actor(Guid? org = null, MembershipRole role = MembershipRole.Editor, bool coordinator = false, bool observer = false) =>
        new(Guid.NewGuid(), "x@y.de", "X", false, org is { } o ? [new Membership(o, "Org", role)] : [], coordinator ? [_coop] : [],
            observer ? [new ObserverScope("06", null, null)] : []);

    [Theory]
    [InlineData("owner-editor", true, true)]
    [InlineData("owner-reviewer", true, false)]
    [InlineData("partner-reviewer", true, false)]
    [InlineData("partner-editor", true, false)]
    [InlineData("coordinator", true, true)]
    [InlineData("observer", false, false)]
    public void Comment_And_ResolveOthersThreads_ByRole(string who, bool canComment, bool canResolveOthers)
    {
        var actor = who switch
        {
            "owner-editor" => Actor(_owner),
            "owner-reviewer" => Actor(_owner, MembershipRole.Reviewer),
            "partner-reviewer" => Actor(_partner, MembershipRole.Reviewer),
            "partner-editor" => Actor(_partner),
            "coordinator" => Actor(coordinator: true),
            _ => Actor(observer: true),
        };

        var access = DraftAccess.For(actor, Draft());

        Assert.True(access.CanSee);
        Assert.Equal(canComment, access.CanComment);
        Assert.Equal(canResolveOthers, access.CanResolve(Guid.NewGuid(), actor));
        Assert.Equal(canComment, access.CanResolve(actor.UserId, actor));
    }

    [Fact]
    public void SpeaksFor_IsTheOwnerFirst_ThenTheCooperationOrganization_ElseNone()
    {
        var both = new Actor(Guid.NewGuid(), "x@y.de", "X", false,
            [new Membership(_partner, "Partner", MembershipRole.Reviewer), new Membership(_owner, "Owner", MembershipRole.Reviewer)], [], []);

        Assert.Equal(_owner, DraftAccess.For(both, Draft()).SpeaksFor);
        Assert.Equal(_partner, DraftAccess.For(Actor(_partner), Draft()).SpeaksFor);
        Assert.Null(DraftAccess.For(Actor(coordinator: true), Draft()).SpeaksFor);
    }

    [Fact]
    public void Threads_AreBuiltInOrder_WithRepliesUnderTheirRoot()
    {
        var t0 = DateTimeOffset.UnixEpoch;
        CommentEntry C(Guid id, Guid? parent, int minutes) =>
            new(id, Guid.Empty, 1, null, parent, Guid.Empty, "A", null, null, "b", "b", t0.AddMinutes(minutes), null, null);
        Guid a = Guid.NewGuid(), b = Guid.NewGuid();

        var threads = CommentThread.Build([C(Guid.NewGuid(), b, 5), C(b, null, 2), C(a, null, 1), C(Guid.NewGuid(), a, 3)]);

        Assert.Equal([a, b], threads.Select(t => t.Root.Id));
        Assert.All(threads, t => Assert.Single(t.Replies));
        Assert.False(threads[0].IsResolved);
    }

    [Theory]
    [InlineData(ReleaseAction.Deprecate, ReleaseStatus.Active, true)]
    [InlineData(ReleaseAction.Deprecate, ReleaseStatus.Deprecated, false)]
    [InlineData(ReleaseAction.Deprecate, ReleaseStatus.Withdrawn, false)]
    [InlineData(ReleaseAction.Withdraw, ReleaseStatus.Active, true)]
    [InlineData(ReleaseAction.Withdraw, ReleaseStatus.Deprecated, true)]
    [InlineData(ReleaseAction.Withdraw, ReleaseStatus.Withdrawn, false)]
    public void ReleaseStatusChanges_EveryStateAndAction(ReleaseAction action, ReleaseStatus from, bool legal) =>
        Assert.Equal(legal, ChangeRelease.AllowedFrom(action).Contains(from));

    [Fact]
    public void ReleaseIllegalTransition_NamesTheCurrentState()
    {
        var error = ChangeRelease.IllegalTransition(ReleaseStatus.Withdrawn);

        Assert.Equal("illegal_transition", error.Code);
        Assert.Equal("withdrawn", error.Details["currentStatus"]);
        Assert.Equal("zurückgezogen", error.Message.Args[0]);
    }

    [Theory]
    [InlineData("review_requested", "„Urkunde“ (Fassung 3) wartet auf Ihre Prüfung.")]
    [InlineData("released", "„Urkunde“ ist als Version 1.1 freigegeben.")]
    [InlineData("release_withdrawn", "Version 1.1 von „Urkunde“ wurde zurückgezogen.")]
    [InlineData("commented", "Neuer Kommentar zu „Urkunde“.")]
    [InlineData("update_available", "Update verfügbar: „Urkunde“ gibt es jetzt als Version 1.1.")]
    public void Notification_TextAndLink(string kind, string german)
    {
        var draft = Guid.NewGuid();
        var comment = Guid.NewGuid();
        var n = new Notification(Guid.NewGuid(), kind, draft, "Urkunde", 3, "1.1", kind == "commented" ? comment : null, default, null);

        var (template, args) = n.Text();

        Assert.Equal(german, string.Format(System.Globalization.CultureInfo.InvariantCulture, template, args));
        var expected = kind switch
        {
            "commented" => $"/entwuerfe/{draft}#kommentar-{comment}",
            "update_available" or "release_withdrawn" => $"/freigaben?dienst={draft}",
            _ => $"/entwuerfe/{draft}",
        };
        Assert.Equal(expected, n.Link);
    }
}

public sealed class AdoptionRulesTests
{
    private static readonly Hub.Core.Adoptions.AdoptionStatus[] _all = Enum.GetValues<Hub.Core.Adoptions.AdoptionStatus>();

    /// <summary>Every status pair: forward along the rollout, back one step, drop from anywhere, and from dropped only a new plan.</summary>
    [Theory]
    [InlineData("planned", "in_progress,live,dropped")]
    [InlineData("in_progress", "planned,live,dropped")]
    [InlineData("live", "in_progress,dropped")]
    [InlineData("dropped", "planned")]
    public void StatusMoves_EveryPair(string from, string allowed)
    {
        Assert.True(Hub.Core.Adoptions.AdoptionCodes.TryParse(from, out var source));
        var expected = allowed.Split(',').ToHashSet();

        foreach (var to in _all.Where(t => t != source))
            Assert.Equal(expected.Contains(Hub.Core.Adoptions.AdoptionCodes.ToCode(to)), Hub.Core.Adoptions.ManageAdoptions.MayMove(source, to));
        Assert.True(Hub.Core.Adoptions.ManageAdoptions.MayMove(source, source));
    }

    [Fact]
    public void UpdateAvailable_OnlyForANewerReleaseAndNotWhenDropped()
    {
        Hub.Core.Adoptions.Adoption Make(string status, ReleaseVersion? newest) => new(Guid.NewGuid(), Guid.NewGuid(), "Z", "06", Guid.NewGuid(), "T", "V",
            Guid.NewGuid(), new ReleaseVersion(1, 0), 1, ReleaseStatus.Active, Hub.Core.Adoptions.AdoptionCodes.Parse(status), null, null, "", "", 1, default,
            null, newest);

        Assert.True(Make("live", new ReleaseVersion(1, 1)).UpdateAvailable);
        Assert.False(Make("live", new ReleaseVersion(1, 0)).UpdateAvailable);
        Assert.False(Make("live", null).UpdateAvailable);
        Assert.False(Make("dropped", new ReleaseVersion(2, 0)).UpdateAvailable);
    }
}
