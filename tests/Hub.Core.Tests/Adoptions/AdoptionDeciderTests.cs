using Hub.Core.Adoptions;
using Hub.Core.Common;
using Hub.Core.Drafts;
using Hub.Core.Releases;
using Hub.Core.Tenancy;
using Hub.Core.Tests.Common;
using Hub.Core.Tests.Releases;
using static Hub.Core.Tests.Common.World;

namespace Hub.Core.Tests.Adoptions;

/// <summary>Adopting, moving the rollout and upgrading: every state × action × role against the tables below.</summary>
public sealed class AdoptionDeciderTests
{
    /// <summary>Who acts on an adoption of the adopting organization (a partner of the owner, not in the cooperation).</summary>
    public enum Who
    {
        AdopterEditor,
        AdopterAdmin,
        AdopterReviewer,
        PartnerEditor,
        Observer,
        Outsider,
        PlatformAdmin,
    }

    private static readonly Guid _adopter = Guid.NewGuid();
    private static readonly Guid _partner = Guid.NewGuid();

    private static readonly Who[] _edit = [Who.AdopterEditor, Who.AdopterAdmin];
    private static readonly Who[] _see = [.. _edit, Who.AdopterReviewer, Who.PartnerEditor, Who.Observer, Who.PlatformAdmin];

    /// <summary>Forward along the rollout, back one step, drop from anywhere, and from dropped only a new plan.</summary>
    private static readonly Dictionary<AdoptionStatus, AdoptionStatus[]> _moves = new()
    {
        [AdoptionStatus.Planned] = [AdoptionStatus.Planned, AdoptionStatus.InProgress, AdoptionStatus.Live, AdoptionStatus.Dropped],
        [AdoptionStatus.InProgress] = [AdoptionStatus.Planned, AdoptionStatus.InProgress, AdoptionStatus.Live, AdoptionStatus.Dropped],
        [AdoptionStatus.Live] = [AdoptionStatus.InProgress, AdoptionStatus.Live, AdoptionStatus.Dropped],
        [AdoptionStatus.Dropped] = [AdoptionStatus.Planned, AdoptionStatus.Dropped],
    };

    private static Actor Acting(Who who) => who switch
    {
        Who.AdopterEditor => Person([new(_adopter, "Z", MembershipRole.Editor)]),
        Who.AdopterAdmin => Person([new(_adopter, "Z", MembershipRole.Admin)]),
        Who.AdopterReviewer => Person([new(_adopter, "Z", MembershipRole.Reviewer)]),
        Who.PartnerEditor => Person([new(_partner, "P", MembershipRole.Editor)]),
        Who.Observer => Person(observes: "06"),
        Who.Outsider => Make(Role.Outsider),
        _ => Make(Role.PlatformAdmin),
    };

    private static AdoptionState State(AdoptionStatus status, int rowVersion = 4, DateOnly? liveSince = null) =>
        new(new Adoption(Guid.NewGuid(), _adopter, "Z", "06", Guid.NewGuid(), "Urkunde", "Owner", Guid.NewGuid(), new ReleaseVersion(1, 0), 2,
            ReleaseStatus.Active, status, null, liveSince, "alt", "<p>alt</p>", rowVersion, DateTimeOffset.UnixEpoch, null, null), [_partner]);

    private static ReleaseInfo NewerOf(AdoptionState state, ReleaseStatus status = ReleaseStatus.Active, int minor = 1) =>
        ReleaseDeciderTests.Release(status, minor, state.Adoption.DraftId);

    /// <summary>For which organization the actor adopts: their own (with the role they have there) or the owner.</summary>
    public enum For
    {
        Adopter,
        Owner,
    }

    public static TheoryData<ReleaseStatus, Who, For> EveryAdoption() => Every<ReleaseStatus, Who, For>();

    [Theory]
    [MemberData(nameof(EveryAdoption))]
    public void Adopt_EveryReleaseStatusAndRole_ForTheirOrganizationOrTheOwner(ReleaseStatus status, Who who, For target)
    {
        var forOwner = target == For.Owner;
        var actor = Acting(who);
        if (forOwner)
            actor = actor with { Memberships = [.. actor.Memberships.Select(m => m.OrganizationId == _adopter ? m with { OrganizationId = Owner } : m)] };
        var release = ReleaseDeciderTests.Release(status);
        var organization = forOwner ? Owner : _adopter;

        var result = AdoptionDecider.Adopt(release, new AdoptCommand(release.Id, organization), actor, Clock);

        if (!_edit.Contains(who))
        {
            Assert.Equal("not_an_editor", Assert.IsType<Forbidden>(result.Error).Code);
        }
        else if (forOwner)
        {
            Assert.True(Assert.IsType<ValidationFailed>(result.Error).FieldErrors.ContainsKey("organizationId"));
        }
        else if (status != ReleaseStatus.Active)
        {
            Assert.Equal(status.ToCode(), Assert.IsType<Conflict>(result.Error).Details["currentStatus"]);
        }
        else
        {
            var insert = result.Value!;
            Assert.Equal((organization, release.DraftId, release.Id, actor.UserId, Clock.UtcNow),
                (insert.Adoption.OrganizationId, insert.Adoption.DraftId, insert.Adoption.ReleaseId, insert.Adoption.CreatedBy, insert.Adoption.At));
            Assert.Equal(("adoption", insert.Adoption.Id, "adopted", (Guid?)organization), (insert.Audit.EntityType, insert.Audit.EntityId, insert.Audit.Action, insert.Audit.ActingOrganizationId));
        }
    }

    [Theory]
    [InlineData(false, true, "releaseId")]
    [InlineData(true, false, "organizationId")]
    [InlineData(false, false, "releaseId,organizationId")]
    public void Adopt_MissingInput_NamesTheFields_BeforeAnythingElse(bool release, bool organization, string fields)
    {
        var result = AdoptionDecider.Adopt(null, new AdoptCommand(release ? Guid.NewGuid() : null, organization ? _adopter : null), Make(Role.Outsider), Clock);

        Assert.Equal(fields.Split(','), Assert.IsType<ValidationFailed>(result.Error).FieldErrors.Keys);
    }

    [Fact]
    public void Adopt_UnknownRelease_IsNotFound()
    {
        Assert.IsType<NotFound>(AdoptionDecider.Adopt(null, new AdoptCommand(Guid.NewGuid(), _adopter), Acting(Who.AdopterEditor), Clock).Error);
    }

    public static TheoryData<AdoptionStatus, AdoptionStatus, Who> EveryMove() => Every<AdoptionStatus, AdoptionStatus, Who>();

    [Theory]
    [MemberData(nameof(EveryMove))]
    public void Change_EveryStatusPairAndRole_MatchesTheTables(AdoptionStatus from, AdoptionStatus to, Who who)
    {
        var actor = Acting(who);
        var state = State(from);

        var result = AdoptionDecider.Change(state, new ChangeAdoptionCommand(to.ToCode(), null, null, null, 4), actor, Markdown, Clock);

        if (!_see.Contains(who))
        {
            Assert.IsType<NotFound>(result.Error);
        }
        else if (!_edit.Contains(who))
        {
            Assert.Equal("not_an_editor", Assert.IsType<Forbidden>(result.Error).Code);
        }
        else if (!_moves[from].Contains(to))
        {
            var error = Assert.IsType<Conflict>(result.Error);
            Assert.Equal(("illegal_transition", from.ToCode()), (error.Code, error.Details["currentStatus"]));
        }
        else
        {
            var update = result.Value!;
            Assert.Equal((state.Adoption.Id, to, state.Adoption.ReleaseId, "alt", Clock.UtcNow), (update.Id, update.Change.Status, update.Change.ReleaseId, update.Change.Notes, update.Change.At));
            Assert.Equal(to == AdoptionStatus.Live ? new DateOnly(2026, 11, 23) : (DateOnly?)null, update.Change.LiveSince);
            Assert.Equal(("adoption_changed", (Guid?)state.Adoption.OrganizationId, Clock.UtcNow), (update.Audit.Action, update.Audit.ActingOrganizationId, update.Audit.OccurredAt));
        }
    }

    [Fact]
    public void Change_NotesAndDates_AreKeptUnlessGiven_AndLiveSinceStaysOnceSet()
    {
        var live = new DateOnly(2025, 1, 2);
        var state = State(AdoptionStatus.InProgress, liveSince: live);

        var kept = AdoptionDecider.Change(state, new ChangeAdoptionCommand("live", null, null, null, null), Acting(Who.AdopterEditor), Markdown, Clock).Value!.Change;
        var given = AdoptionDecider.Change(state, new ChangeAdoptionCommand(null, "  neu  ", new DateOnly(2027, 1, 1), null, null), Acting(Who.AdopterEditor), Markdown, Clock).Value!.Change;

        Assert.Equal((AdoptionStatus.Live, live, "alt", "<p>alt</p>"), (kept.Status, kept.LiveSince!.Value, kept.Notes, kept.NotesHtml));
        Assert.Equal((AdoptionStatus.InProgress, "neu", "<p>neu</p>", new DateOnly(2027, 1, 1)), (given.Status, given.Notes, given.NotesHtml, given.PlannedFor!.Value));
    }

    [Theory]
    [InlineData("gone", null, "status")]
    [InlineData(null, 20_001, "notes")]
    [InlineData(null, -1, "notes")]
    public void Change_BadInput_NamesTheField(string? status, int? notesLength, string field)
    {
        var notes = notesLength switch
        {
            null => null,
            -1 => "Liste " + TooDeep,
            var n => new string('x', n.Value),
        };
        var command = new ChangeAdoptionCommand(status, notes, null, null, null);

        var result = AdoptionDecider.Change(State(AdoptionStatus.Planned), command, Acting(Who.AdopterEditor), Markdown, Clock);

        Assert.True(Assert.IsType<ValidationFailed>(result.Error).FieldErrors.ContainsKey(field));
    }

    [Fact]
    public void ChangeAndUpgrade_FromAnOlderRowVersion_AreStale_NamingTheCurrentOne()
    {
        var state = State(AdoptionStatus.Planned, rowVersion: 7);
        var newer = NewerOf(state);

        var change = AdoptionDecider.Change(state, new ChangeAdoptionCommand("live", null, null, null, 6), Acting(Who.AdopterEditor), Markdown, Clock);
        var upgrade = AdoptionDecider.Upgrade(state, newer, new UpgradeCommand(newer.Id, 6), Acting(Who.AdopterEditor), Clock);

        Assert.Equal(("stale_adoption", 7), (change.Error!.Code, change.Error.Details["currentRowVersion"]));
        Assert.Equal("stale_adoption", upgrade.Error!.Code);
        Assert.IsType<NotFound>(AdoptionDecider.Change(null, new ChangeAdoptionCommand(null, null, null, null, null), Acting(Who.AdopterEditor), Markdown, Clock).Error);
    }

    public static TheoryData<AdoptionStatus, ReleaseStatus, Who> EveryUpgrade() => Every<AdoptionStatus, ReleaseStatus, Who>();

    [Theory]
    [MemberData(nameof(EveryUpgrade))]
    public void Upgrade_EveryAdoptionStatusTargetStatusAndRole_MatchesTheTables(AdoptionStatus status, ReleaseStatus target, Who who)
    {
        var state = State(status);
        var newer = NewerOf(state, target);

        var result = AdoptionDecider.Upgrade(state, newer, new UpgradeCommand(newer.Id, null), Acting(who), Clock);

        if (!_see.Contains(who))
        {
            Assert.IsType<NotFound>(result.Error);
        }
        else if (!_edit.Contains(who))
        {
            Assert.IsType<Forbidden>(result.Error);
        }
        else if (target != ReleaseStatus.Active)
        {
            Assert.Equal(target.ToCode(), Assert.IsType<Conflict>(result.Error).Details["currentStatus"]);
        }
        else
        {
            var update = result.Value!;
            Assert.Equal((status, newer.Id, "alt"), (update.Change.Status, update.Change.ReleaseId, update.Change.Notes));
            Assert.Equal(("upgraded", Clock.UtcNow), (update.Audit.Action, update.Audit.OccurredAt));
        }
    }

    [Theory]
    [InlineData("older")]
    [InlineData("same")]
    [InlineData("other service")]
    [InlineData("missing")]
    public void Upgrade_OnlyToANewerReleaseOfTheSameService(string which)
    {
        var state = State(AdoptionStatus.Live);
        var target = which switch
        {
            "same" => NewerOf(state, minor: 0),
            "other service" => ReleaseDeciderTests.Release(minor: 5),
            "missing" => null,
            _ => NewerOf(state, minor: 0) with { Version = new ReleaseVersion(0, 9) },
        };

        var result = AdoptionDecider.Upgrade(state, target, new UpgradeCommand(target?.Id ?? Guid.NewGuid(), null), Acting(Who.AdopterEditor), Clock);

        Assert.True(Assert.IsType<ValidationFailed>(result.Error).FieldErrors.ContainsKey("releaseId"));
    }
}
