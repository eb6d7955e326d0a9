using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Testing.Web;
using Hub.Web.Tests.Drafts;

namespace Hub.Web.Tests.Tenancy;

/// <summary>The coordinator changes the cooperation's review policy; the quorum follows it.</summary>
public sealed class ReviewPolicyTests(HubWebFactory app) : IClassFixture<HubWebFactory>
{
    [Fact]
    public async Task Coordinator_LowersTheQuorum_AndOneApprovalThenApproves()
    {
        var (_, coop) = await DraftApi.ViernheimAsync(app);
        var coordinator = await app.ApiAsync("coordinator@viernheim.demo");

        var changed = await DraftApi.JsonAsync(await coordinator.PutAsJsonAsync($"/api/v1/cooperations/{coop}/policy",
            new { requiredApprovals = 1, baseRequiredApprovals = 2 }), HttpStatusCode.OK);
        var stale = await Problem.ReadAsync(await coordinator.PutAsJsonAsync($"/api/v1/cooperations/{coop}/policy",
            new { requiredApprovals = 3, baseRequiredApprovals = 2 }), HttpStatusCode.Conflict);
        var (editor, id) = await DraftApi.NewDraftAsync(app, "Ein Ja genügt");
        await DraftApi.JsonAsync(await editor.PostAsJsonAsync($"/api/v1/drafts/{id}/submit", new { revision = 1 }), HttpStatusCode.OK);
        var approved = await DraftApi.JsonAsync(await (await app.ApiAsync("reviewer@bensheim.demo")).PostAsJsonAsync($"/api/v1/drafts/{id}/reviews",
            new { verdict = "approve" }), HttpStatusCode.Created);
        await DraftApi.JsonAsync(await coordinator.PutAsJsonAsync($"/api/v1/cooperations/{coop}/policy", new { requiredApprovals = 2 }), HttpStatusCode.OK);

        Assert.Equal(1, changed.GetProperty("requiredApprovals").GetInt32());
        Assert.Equal("stale_policy", stale.Code);
        Assert.Equal(1, stale.Root.GetProperty("currentRequiredApprovals").GetInt32());
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        var audit = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityType=cooperation&entityId={coop}");
        var last = audit.GetProperty("items").EnumerateArray().First(e => e.GetProperty("action").GetString() == "review_policy_changed");
        Assert.Equal(1, last.GetProperty("before").GetProperty("requiredApprovals").GetInt32());
        Assert.Equal(2, last.GetProperty("after").GetProperty("requiredApprovals").GetInt32());
    }

    [Theory]
    [InlineData("editor@viernheim.demo", 1, HttpStatusCode.Forbidden)]
    [InlineData("observer@hmdis.demo", 1, HttpStatusCode.Forbidden)]
    [InlineData("coordinator@viernheim.demo", 0, HttpStatusCode.BadRequest)]
    [InlineData("coordinator@viernheim.demo", 99, HttpStatusCode.BadRequest)]
    public async Task ChangePolicy_WrongRoleOrValue_IsRefusedAndNothingChanges(string email, int value, HttpStatusCode expected)
    {
        var (_, coop) = await DraftApi.ViernheimAsync(app);
        var before = await app.Data.CountAsync("audit_events", "entity_id = @coop and action = 'review_policy_changed'", new { coop });

        var problem = await Problem.ReadAsync(await (await app.ApiAsync(email)).PutAsJsonAsync($"/api/v1/cooperations/{coop}/policy",
            new { requiredApprovals = value }), expected);

        if (expected == HttpStatusCode.BadRequest)
            Assert.NotEmpty(problem.FieldErrors("requiredApprovals"));
        Assert.Equal(before, await app.Data.CountAsync("audit_events", "entity_id = @coop and action = 'review_policy_changed'", new { coop }));
    }

    [Fact]
    public async Task CooperationPage_CoordinatorChangesThePolicy_OthersSeeNoForm()
    {
        var (_, coop) = await DraftApi.ViernheimAsync(app);
        var coordinator = await app.SignedInAsync("coordinator@viernheim.demo");
        var editor = await app.SignedInAsync("editor@viernheim.demo");
        var path = $"/verbuende/{coop}";

        Assert.Null(Html.Parse(await editor.GetStringAsync(path)).QuerySelector("form[action$='/pruefregel']"));
        var bad = await HubWebFactory.PostFormAsync(coordinator, path, $"{path}/pruefregel", new() { ["requiredApprovals"] = "0", ["baseRequiredApprovals"] = "2" });
        var good = await HubWebFactory.PostFormAsync(coordinator, path, $"{path}/pruefregel", new() { ["requiredApprovals"] = "3", ["baseRequiredApprovals"] = "2" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Contains("3 Freigaben von Partnerkommunen", await editor.GetStringAsync(path), StringComparison.Ordinal);
        await HubWebFactory.PostFormAsync(coordinator, path, $"{path}/pruefregel", new() { ["requiredApprovals"] = "2", ["baseRequiredApprovals"] = "3" });
    }
}
