using System.Net;
using Dapper;
using Hub.Testing.Web;

namespace Hub.Web.Tests.Drafts;

public sealed class DraftPageTests(HubWebFactory app) : IClassFixture<HubWebFactory>
{
    private async Task<Guid> DemoDraftAsync(string title)
    {
        await using var conn = await app.DataSource.OpenConnectionAsync();
        return await conn.QuerySingleAsync<Guid>("select id from drafts where title = @title", new { title });
    }

    [Fact]
    public async Task Edit_StaleBaseRevision_Is409AndKeepsTheUsersText()
    {
        var id = await DemoDraftAsync("Ehrenamtskarte");
        var editor = await app.SignedInAsync("editor@viernheim.demo");
        var path = $"/entwuerfe/{id}/bearbeiten";
        // Somebody else saved in between: revision 1 is no longer current.
        var other = await HubWebFactory.PostFormAsync(await app.SignedInAsync("editor@viernheim.demo"), path, path,
            new() { ["Form.Title"] = "Ehrenamtskarte", ["Form.Body"] = "Fremde Änderung", ["Form.BaseRevision"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);

        var mine = await HubWebFactory.PostFormAsync(editor, path, path,
            new() { ["Form.Title"] = "Ehrenamtskarte", ["Form.Body"] = "Meine lange Beschreibung", ["Form.BaseRevision"] = "1" });

        Assert.Equal(HttpStatusCode.Conflict, mine.StatusCode);
        var doc = await Html.ParseAsync(mine);
        Assert.Equal("Meine lange Beschreibung", doc.QuerySelector("textarea[name='Form.Body']")!.TextContent.Trim());
        Assert.Contains("veraltet", doc.QuerySelector(".kern-alert--danger")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, await app.Data.CountAsync("draft_revisions", "draft_id = @id", new { id }));
    }

    [Fact]
    public async Task DraftPages_OutsideTheCooperation_Are404()
    {
        var id = await DemoDraftAsync("Ehrenamtskarte");
        var wetzlar = await app.SignedInAsync("editor@wetzlar.demo");

        Assert.Equal(HttpStatusCode.NotFound, (await wetzlar.GetAsync($"/entwuerfe/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await wetzlar.GetAsync($"/entwuerfe/{id}/bearbeiten")).StatusCode);
        Assert.DoesNotContain("Ehrenamtskarte", await wetzlar.GetStringAsync("/entwuerfe"), StringComparison.Ordinal);
        var post = await HubWebFactory.PostFormAsync(wetzlar, "/entwuerfe", $"/entwuerfe/{id}/zurueckziehen", new() { ["reason"] = "weg damit" });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(0, await app.Data.CountAsync("drafts", "id = @id and status = 'withdrawn'", new { id }));
    }

    [Fact]
    public async Task Create_MissingTitle_ShowsFieldError_ThenCreates()
    {
        var editor = await app.SignedInAsync("digital@bensheim.demo");
        var form = await editor.GetStringAsync("/entwuerfe/neu");
        var choice = Html.Parse(form).QuerySelector("select[name='Form.Choice'] option")!.GetAttribute("value")!;

        var bad = await HubWebFactory.PostFormAsync(editor, "/entwuerfe/neu", "/entwuerfe/neu", new() { ["Form.Choice"] = choice, ["Form.Title"] = "" });
        var good = await HubWebFactory.PostFormAsync(editor, "/entwuerfe/neu", "/entwuerfe/neu", new() { ["Form.Choice"] = choice, ["Form.Title"] = "Hundesteuer an- und abmelden" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotEmpty((await Html.ParseAsync(bad)).QuerySelector("[data-valmsg-for='Form.Title']")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Contains("Hundesteuer", await editor.GetStringAsync(good.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_WithoutAntiforgeryToken_IsRejected()
    {
        var id = await DemoDraftAsync("Gewerbeanmeldung");
        var reviewer = await app.SignedInAsync("reviewer@mrn.demo");

        var response = await reviewer.PostAsync($"/entwuerfe/{id}/pruefen", new FormUrlEncodedContent(new Dictionary<string, string> { ["verdict"] = "approve" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await app.Data.CountAsync("reviews", "draft_id = @id", new { id }));
    }
}
