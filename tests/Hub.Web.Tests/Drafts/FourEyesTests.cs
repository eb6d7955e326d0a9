using System.Net;
using System.Net.Http.Json;
using Dapper;
using Hub.Testing.Scenarios;
using Hub.Testing.Web;

namespace Hub.Web.Tests.Drafts;

/// <summary>
/// Attack finding 11: a person in the owner and a partner organization approved their own draft as the partner. The
/// store now loads who wrote and who submitted the revision under review, and the lifecycle refuses their approval.
/// </summary>
public sealed class FourEyesTests(HubWebFactory app) : IClassFixture<HubWebFactory>
{
    [Fact]
    public async Task Approval_ByTheAuthorWhoAlsoReviewsForAPartner_Is409AndCountsNothing()
    {
        var s = await Given.CooperationAsync(app);
        await using (var conn = await app.DataSource.OpenConnectionAsync())
        {
            await conn.ExecuteAsync("insert into memberships (organization_id, user_id, role) values (@org, @user, 'reviewer')",
                new { org = s.Partners[0].Id, user = s.Editor.Id });
        }

        var draft = await Given.DraftInReviewAsync(app, cooperation: s); // written and submitted by s.Editor
        var author = await app.ApiAsync(s.Editor);

        var own = await author.PostAsJsonAsync($"/api/v1/drafts/{draft.DraftId}/reviews", new { verdict = "approve", organizationId = s.Partners[0].Id });
        var colleague = await (await app.ApiAsync(s.Reviewers[0])).PostAsJsonAsync($"/api/v1/drafts/{draft.DraftId}/reviews", new { verdict = "approve" });

        Assert.Equal("four_eyes", (await Problem.ReadAsync(own, HttpStatusCode.Conflict)).Code);
        Assert.Equal(HttpStatusCode.Created, colleague.StatusCode);
        Assert.Equal(0, await app.Data.CountAsync("reviews", "draft_id = @id and reviewer_user_id = @user", new { id = draft.DraftId, user = s.Editor.Id }));
    }

    [Fact]
    public async Task Withdraw_StoresItsReasonInTheHistory()
    {
        var draft = await Given.DraftAsync(app);
        var editor = await app.ApiAsync(draft.Editor);

        var response = await editor.PostAsJsonAsync($"/api/v1/drafts/{draft.DraftId}/withdraw", new { reason = "Die Landeslösung kommt 2027." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await app.Data.CountAsync("audit_events",
            "entity_id = @id and action = 'withdrawn' and after ->> 'reason' = 'Die Landeslösung kommt 2027.'", new { id = draft.DraftId }));
    }
}
