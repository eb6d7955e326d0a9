using System.Net;
using System.Net.Http.Json;
using Hub.Testing.Web;
using Hub.Web.Tests.Drafts;

namespace Hub.Web.Tests.Security;

/// <summary>
/// Attack finding 1 (high): Markdown whose cost grew faster than its size, and an edit-form preview that checked no
/// access. The renderer's own shapes are in HeadingIdsTests and MarkdownLimitsTests; here the routes.
/// </summary>
public sealed class MarkdownCostTests(HubWebFactory app) : IClassFixture<HubWebFactory>
{
    private static Dictionary<string, string> Form(string body, int baseRevision = 1) =>
        new() { ["Form.Title"] = "Vorschau", ["Form.Body"] = body, ["Form.BaseRevision"] = baseRevision.ToString(System.Globalization.CultureInfo.InvariantCulture), ["preview"] = "1" };

    [Fact]
    public async Task Preview_AnswersLikeTheEditForm_404OutsideAnd403ForReadersWhoMayNotEdit()
    {
        var (_, id) = await DraftApi.NewDraftAsync(app, "Vorschau geschützt");
        var path = $"/entwuerfe/{id}/bearbeiten";
        var editor = await app.SignedInAsync("editor@viernheim.demo");
        var outsider = await app.SignedInAsync("editor@wetzlar.demo");
        var observer = await app.SignedInAsync("observer@hmdis.demo");

        var own = await HubWebFactory.PostFormAsync(editor, path, path, Form("# Eigene Vorschau"));
        // The form page itself is refused to these two, so the token comes from a page they may open.
        var foreign = await HubWebFactory.PostFormAsync(outsider, "/entwuerfe", path, Form("# Fremde Vorschau"));
        var missing = await HubWebFactory.PostFormAsync(outsider, "/entwuerfe", $"/entwuerfe/{Guid.NewGuid()}/bearbeiten", Form("# Nirgends"));
        var readOnly = await HubWebFactory.PostFormAsync(observer, "/entwuerfe", path, Form("# Beobachtet"));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("Eigene Vorschau", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.DoesNotContain("Fremde Vorschau", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, readOnly.StatusCode);
    }

    [Fact]
    public async Task Save_ThirtyThousandEqualHeadings_IsSavedWithUniqueSectionIds()
    {
        var (editor, id) = await DraftApi.NewDraftAsync(app, "Viele Überschriften");
        var body = string.Join('\n', Enumerable.Repeat("# a", 30_000));

        await DraftApi.JsonAsync(await editor.PutAsJsonAsync($"/api/v1/drafts/{id}", new { title = "Viele Überschriften", body, baseRevision = 1 }), HttpStatusCode.OK);

        var page = await (await app.SignedInAsync("editor@viernheim.demo")).GetStringAsync($"/entwuerfe/{id}");
        Assert.Contains("id=\"a-29999\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("deep", "verschachtelt")]
    [InlineData("brackets", "zu viele Klammern")]
    public async Task Save_ShapesOverTheLimits_Are400WithTheFieldNamedAndNothingWritten(string shape, string message)
    {
        var (editor, id) = await DraftApi.NewDraftAsync(app, "Zu teuer");
        var body = shape == "deep" ? new string('>', 500) + " tief" : string.Concat(Enumerable.Repeat("[a](", 2_000));

        var api = await editor.PutAsJsonAsync($"/api/v1/drafts/{id}", new { title = "Zu teuer", body, baseRevision = 1 });
        var comment = await editor.PostAsJsonAsync($"/api/v1/drafts/{id}/comments", new { body });

        var problem = await DraftApi.JsonAsync(api, HttpStatusCode.BadRequest);
        Assert.Contains(message, problem.GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
        await DraftApi.JsonAsync(comment, HttpStatusCode.BadRequest);
        Assert.Equal(1, await app.Data.CountAsync("draft_revisions", "draft_id = @id", new { id }));
        Assert.Equal(0, await app.Data.CountAsync("comments", "draft_id = @id", new { id }));
    }
}
