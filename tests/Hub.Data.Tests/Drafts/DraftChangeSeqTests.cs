using Dapper;
using Hub.Core.Common;
using Hub.Core.Drafts;
using Hub.Core.Tenancy;
using Hub.Data.Accounts;
using Hub.Data.Catalog;
using Hub.Data.Common;
using Hub.Data.Drafts;
using Hub.Data.Tenancy;
using Hub.Testing;
using Xunit;

namespace Hub.Data.Tests.Drafts;

/// <summary>
/// Every change to what a draft page shows counts the draft's change counter up (migration 0020), whoever makes it:
/// the web layer keeps a page's data under that counter, so a change that did not count would show old data.
/// </summary>
public sealed class DraftChangeSeqTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private async Task<Actor> ActorAsync(Guid org, string role) => await db.Data.ActorAsync((await db.Data.UserAsync(null, false, (org, role))).Id);

    [Fact]
    public async Task EveryChangeToThePage_CountsUp_ReadOnlyForThoseWhoMaySeeTheDraft()
    {
        var owner = await db.Data.OrganizationAsync();
        var partner = await db.Data.OrganizationAsync();
        var cooperation = await db.Data.CooperationAsync(owner, partner);
        var editor = await ActorAsync(owner, "editor");
        var reviewer = await ActorAsync(partner, "reviewer");
        var stranger = await ActorAsync(await db.Data.OrganizationAsync(), "admin");
        var markdown = new PlainMarkdown();
        var drafts = new DraftStore(db.AppDb);
        var change = new ChangeDraft(drafts, new CatalogStore(db.AppDb), markdown, new SystemClock());
        var comments = new DraftComments(drafts, new CommentStore(db.AppDb), markdown, new SystemClock());
        Guid draft;
        using (ActingUser.Use(editor.UserId))
        {
            var created = await new CreateDraft(drafts, new CooperationStore(db.AppDb), new CatalogStore(db.AppDb), markdown, new SystemClock())
                .ExecuteAsync(editor, owner, cooperation, new DraftContent("Zählerstand", null, "## Ablauf", null, null), default);
            draft = created.Value!.Summary.Id;
        }

        var seen = new List<long>();
        async Task CountedAsync(string what, Func<Task> step)
        {
            var before = (await new DraftStore(db.Db).ChangeSeqAsync(draft, default))!.Value;
            await step();
            var after = (await new DraftStore(db.Db).ChangeSeqAsync(draft, default))!.Value;
            Assert.True(after > before, $"{what} did not count: {before} → {after}");
            seen.Add(after);
        }

        async Task AsAsync(Actor actor, Func<Task<bool>> step)
        {
            using (ActingUser.Use(actor.UserId))
                Assert.True(await step());
        }

        await CountedAsync("a new revision", () => AsAsync(editor, async () => (await change.SaveAsync(editor, draft, new DraftContent("Zählerstand", null, "## Ablauf\n\nNeu", null, null), 1, default)).IsSuccess));
        await CountedAsync("submitting", () => AsAsync(editor, async () => (await change.SubmitAsync(editor, draft, 2, default)).IsSuccess));
        Guid comment = default;
        await CountedAsync("a partner's comment", () => AsAsync(reviewer, async () =>
        {
            var added = await comments.AddAsync(reviewer, draft, "Bitte prüfen", null, null, null, default);
            comment = added.Value?.Id ?? default;
            return added.IsSuccess;
        }));
        await CountedAsync("resolving it", () => AsAsync(editor, async () => (await comments.ResolveAsync(editor, comment, default)).IsSuccess));
        await CountedAsync("a partner's review", () => AsAsync(reviewer, async () => (await change.ReviewAsync(reviewer, draft, null, "approve", "Gut", default)).IsSuccess));
        await using (var conn = await db.DataSource.OpenConnectionAsync())
        {
            await CountedAsync("the cooperation's review policy", () => conn.ExecuteAsync("update cooperations set required_approvals = 2 where id = @cooperation", new { cooperation }));
            var third = await db.Data.OrganizationAsync();
            await CountedAsync("a new member of the cooperation", () => conn.ExecuteAsync("insert into cooperation_members (cooperation_id, organization_id) values (@cooperation, @third)", new { cooperation, third }));
            await CountedAsync("an audit event of the draft", () => conn.ExecuteAsync(
                "insert into audit_events (id, occurred_at, entity_type, entity_id, action) values (gen_random_uuid(), now(), 'draft', @draft, 'noted')", new { draft }));
        }

        Assert.Equal(seen.Order(), seen);
        using (ActingUser.Use(editor.UserId))
            Assert.Equal(seen[^1], await drafts.ChangeSeqAsync(draft, default));
        using (ActingUser.Use(reviewer.UserId))
            Assert.Equal(seen[^1], await drafts.ChangeSeqAsync(draft, default));
        using (ActingUser.Use(stranger.UserId))
            Assert.Null(await drafts.ChangeSeqAsync(draft, default));
        using (ActingUser.Use(null))
            Assert.Null(await drafts.ChangeSeqAsync(draft, default));
        Assert.Null(await new DraftStore(db.Db).ChangeSeqAsync(Guid.NewGuid(), default));
    }
}
