using Hub.Core.Common;
using Hub.Core.Drafts;
using Hub.Core.Tenancy;
using Hub.Core.Tests.Common;
using Xunit;

namespace Hub.Core.Tests.Drafts;

/// <summary>Attack findings 11 (four eyes) and 15 (the reason for withdrawing a draft was stored nowhere).</summary>
public sealed class FourEyesAndWithdrawTests
{
    // An editor of the owner who also reviews for partner A: the situation the attack used.
    private static readonly Actor _both = World.Person(memberships:
        [new(World.Owner, "Owner", MembershipRole.Editor), new(World.PartnerA, "A", MembershipRole.Reviewer)]);

    private static DraftState State(params Guid[] roundAuthors) =>
        new(World.Draft() with { RoundAuthorIds = roundAuthors }, "Urkunde", Guid.NewGuid(), []);

    [Fact]
    public void Approve_BySomeoneWhoWroteOrSubmittedTheRevision_IsRefused()
    {
        var result = DraftChanges.Decide(State(_both.UserId), new DraftCommand(DraftAction.Approve), new TransitionPayload(), _both, World.Clock);

        Assert.False(result.IsSuccess);
        Assert.Equal("four_eyes", result.Error.Code);
    }

    [Fact]
    public void Approve_ByTheSamePersonForADraftSomeoneElseWrote_Counts()
    {
        var result = DraftChanges.Decide(State(Guid.NewGuid()), new DraftCommand(DraftAction.Approve), new TransitionPayload(), _both, World.Clock);

        Assert.True(result.IsSuccess);
        Assert.Equal(World.PartnerA, result.Value.Review!.OrganizationId);
    }

    [Theory]
    [InlineData(DraftAction.RequestChanges)]
    [InlineData(DraftAction.Comment)]
    public void OtherVerdicts_ByTheAuthor_AreStillTheirsToGive(DraftAction action)
    {
        var result = DraftChanges.Decide(State(_both.UserId), new DraftCommand(action), new TransitionPayload(Text: "Bitte prüfen", TextHtml: "<p>Bitte prüfen</p>"), _both, World.Clock);

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public void Withdraw_KeepsItsReasonInTheAuditEvent()
    {
        var editor = World.Make(Role.OwnerEditor);

        var result = DraftChanges.Decide(State(), new DraftCommand(DraftAction.Withdraw), new TransitionPayload(Text: "Die Landeslösung kommt 2027."), editor, World.Clock);

        Assert.True(result.IsSuccess);
        Assert.Equal("withdrawn", result.Value.Audit.Action);
        var after = System.Text.Json.JsonDocument.Parse(result.Value.Audit.AfterJson!).RootElement;
        Assert.Equal("Die Landeslösung kommt 2027.", after.GetProperty("reason").GetString());
    }
}
