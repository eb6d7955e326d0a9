using Dapper;
using Hub.Core.Common;
using Hub.Core.Drafts;
using Hub.Core.Tenancy;
using Hub.Data.Accounts;
using Hub.Data.Catalog;
using Hub.Data.Common;
using Hub.Data.Drafts;
using Hub.Data.Progress;
using Hub.Data.Releases;
using Hub.Data.Tenancy;
using Hub.Testing;
using Npgsql;
using Xunit;

namespace Hub.Data.Tests.Security;

/// <summary>
/// The database's own tenant isolation, with the web layer's checks bypassed: the stores are called directly, as
/// hub_app, with another actor's context (or none). Nothing foreign may be visible or writable.
/// </summary>
public sealed class RowLevelSecurityTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private sealed record World(
        Guid Draft, Guid OwnerOrg, Guid PartnerOrg, Guid StrangerOrg, Guid Cooperation,
        Actor Editor, Actor Reviewer, Actor Stranger, Actor Observer, Actor ForeignObserver);

    /// <summary>A draft of the owner in a cooperation with the partner, submitted and commented on, all done as hub_app.</summary>
    private async Task<World> WorldAsync()
    {
        var owner = await db.Data.OrganizationAsync();
        var partner = await db.Data.OrganizationAsync();
        var strangerOrg = await db.Data.OrganizationAsync();
        var cooperation = await db.Data.CooperationAsync(owner, partner);
        await db.Data.CooperationAsync(strangerOrg, await db.Data.OrganizationAsync());
        var editor = await db.Data.ActorAsync((await db.Data.UserAsync(null, false, (owner, "editor"))).Id);
        var reviewer = await db.Data.ActorAsync((await db.Data.UserAsync(null, false, (partner, "reviewer"))).Id);
        var stranger = await db.Data.ActorAsync((await db.Data.UserAsync(null, false, (strangerOrg, "admin"))).Id);
        var (observerId, _) = await db.Data.UserAsync();
        await db.Data.ObserverAsync(observerId, "06");
        var (foreignObserverId, _) = await db.Data.UserAsync();
        await db.Data.ObserverAsync(foreignObserverId, "09");

        var markdown = new PlainMarkdown();
        var drafts = new DraftStore(db.AppDb);
        Guid draft;
        using (ActingUser.Use(editor.UserId))
        {
            var created = await new CreateDraft(drafts, new CooperationStore(db.AppDb), new CatalogStore(db.AppDb), markdown, new SystemClock())
                .ExecuteAsync(editor, owner, cooperation, new DraftContent("Geheimer Entwurf", "Noch nicht freigegeben", "## Ablauf\n\nIntern.", null, null), default);
            Assert.True(created.IsSuccess, created.Error?.Code);
            draft = created.Value.Summary.Id;
            Assert.True((await new ChangeDraft(drafts, new CatalogStore(db.AppDb), markdown, new SystemClock()).SubmitAsync(editor, draft, 1, default)).IsSuccess);
        }

        using (ActingUser.Use(reviewer.UserId))
        {
            var reviewed = await new ChangeDraft(drafts, new CatalogStore(db.AppDb), markdown, new SystemClock()).ReviewAsync(reviewer, draft, null, "comment", "Nur intern", default);
            Assert.True(reviewed.IsSuccess, reviewed.Error?.Code);
            var commented = await new DraftComments(drafts, new CommentStore(db.AppDb), markdown, new SystemClock())
                .AddAsync(reviewer, draft, "Vertraulicher Hinweis", null, null, null, default);
            Assert.True(commented.IsSuccess, commented.Error?.Code);
        }

        return new World(draft, owner, partner, strangerOrg, cooperation, editor, reviewer, stranger,
            await db.Data.ActorAsync(observerId), await db.Data.ActorAsync(foreignObserverId));
    }

    private static async Task<T> AsAsync<T>(Guid? userId, Func<Task<T>> read)
    {
        using (ActingUser.Use(userId))
            return await read();
    }

    private async Task<long> CountAsAsync(Guid? userId, string table, string where, object args) =>
        await AsAsync(userId, async () =>
        {
            await using var scope = await db.AppDb.OpenAsync(default);
            return await scope.Connection.ExecuteScalarAsync<long>($"select count(*) from {table} where {where}", args, scope.Transaction);
        });

    private async Task<int> ExecuteAsAsync(Guid? userId, string sql, object args) =>
        await AsAsync(userId, async () =>
        {
            await using var scope = await db.AppDb.OpenAsync(default);
            var changed = await scope.Connection.ExecuteAsync(sql, args, scope.Transaction);
            await scope.CommitAsync(default);
            return changed;
        });

    [Fact]
    public async Task DraftStore_OtherActorsContext_SeesNoForeignDraftRevisionReviewOrComment()
    {
        var w = await WorldAsync();
        var drafts = new DraftStore(db.AppDb);
        var comments = new CommentStore(db.AppDb);

        foreach (var insider in new[] { w.Editor, w.Reviewer, w.Observer })
        {
            Assert.NotNull(await AsAsync(insider.UserId, () => drafts.GetAsync(w.Draft, default)));
            Assert.Single(await AsAsync(insider.UserId, () => drafts.ListReviewsAsync(w.Draft, default)));
            Assert.Equal(1, Assert.Single(await AsAsync(insider.UserId, () => drafts.ListRevisionEntriesAsync(w.Draft, default))).Revision);
            Assert.Single(await AsAsync(insider.UserId, () => comments.ListAsync(w.Draft, default)));
            var history = await AsAsync(insider.UserId, () => new AuditStore(db.AppDb).ListAsync("draft", w.Draft, new PageRequest(1, 2), default));
            Assert.Equal(2, history.Items.Count);
            Assert.True(history.TotalCount >= 3, $"created, submitted, reviewed: {history.TotalCount}");
        }

        foreach (var outsider in new Guid?[] { w.Stranger.UserId, w.ForeignObserver.UserId, null })
        {
            Assert.Null(await AsAsync(outsider, () => drafts.GetAsync(w.Draft, default)));
            Assert.Empty(await AsAsync(outsider, () => drafts.ListRevisionsAsync(w.Draft, default)));
            Assert.Empty(await AsAsync(outsider, () => drafts.ListRevisionEntriesAsync(w.Draft, default)));
            Assert.Null(await AsAsync(outsider, () => drafts.GetRevisionAsync(w.Draft, 1, default)));
            Assert.Empty(await AsAsync(outsider, () => drafts.ListReviewsAsync(w.Draft, default)));
            Assert.Empty(await AsAsync(outsider, () => comments.ListAsync(w.Draft, default)));
            foreach (var table in new[] { "drafts", "draft_revisions", "review_rounds", "reviews", "comments" })
                Assert.Equal(0, await CountAsAsync(outsider, table, table == "drafts" ? "id = @Draft" : "draft_id = @Draft", w));
            Assert.Equal(0, await CountAsAsync(outsider, "audit_events", "entity_id = @Draft", w));
            var history = await AsAsync(outsider, () => new AuditStore(db.AppDb).ListAsync("draft", w.Draft, new PageRequest(1, 2), default));
            Assert.Empty(history.Items);
            Assert.Equal(0, history.TotalCount);
        }

        // The stranger's own list does not contain it either, even with the web layer's filter widened to everything.
        var everything = new Actor(w.Stranger.UserId, "x", "x", false,
            [new Membership(w.OwnerOrg, "Owner", MembershipRole.Admin), new Membership(w.PartnerOrg, "Partner", MembershipRole.Admin)], [], [new ObserverScope("06", null, null)]);
        var list = await AsAsync(w.Stranger.UserId, () => drafts.ListVisibleAsync(everything, new DraftQuery(null, null, null), new PageRequest(1, 50), default));
        Assert.DoesNotContain(list.Items, d => d.Id == w.Draft);
    }

    [Fact]
    public async Task DraftStore_TransitionWithForeignContext_IsNotFoundAndChangesNothing()
    {
        var w = await WorldAsync();
        var drafts = new DraftStore(db.AppDb);
        // The stranger claims to be the owner's editor: Core would allow it, the database does not show the row.
        var impostor = w.Editor with { UserId = w.Stranger.UserId };
        var result = await AsAsync(w.Stranger.UserId, () => StateChange.DecideLockedAsync(c => drafts.LockAsync(w.Draft, c),
            state => DraftChanges.Decide(state, new DraftCommand(DraftAction.Withdraw), new TransitionPayload(), impostor, new SystemClock()), default));
        Assert.IsType<NotFound>(result.Error);
        Assert.Equal(1, await db.Data.CountAsync("drafts", "id = @Draft and status = 'in_review'", w));
    }

    [Fact]
    public async Task RawSql_AsStrangerOrObserver_CannotChangeInsertOrDeleteForeignRows()
    {
        var w = await WorldAsync();
        var args = new { w.Draft, Id = Ids.New(), User = w.Stranger.UserId, w.OwnerOrg, w.Cooperation };

        foreach (var user in new Guid?[] { w.Stranger.UserId, null })
        {
            Assert.Equal(0, await ExecuteAsAsync(user, "update drafts set title = 'gekapert' where id = @Draft", args));
            Assert.Equal(0, await ExecuteAsAsync(user, "delete from comments where draft_id = @Draft", args));
            Assert.Equal(0, await ExecuteAsAsync(user, "update comments set body = 'gekapert' where draft_id = @Draft", args));
            Assert.Equal(0, await ExecuteAsAsync(user, "delete from draft_catalog_services where draft_id = @Draft", args));
        }

        await AssertRefusedAsync(w.Stranger.UserId, """
            insert into draft_revisions (draft_id, revision, title, body, body_html, created_by, created_at)
            values (@Draft, 99, 'gekapert', 'x', 'x', @User, now())
            """, args);
        await AssertRefusedAsync(w.Stranger.UserId, """
            insert into comments (id, draft_id, author_user_id, body, body_html, created_at) values (@Id, @Draft, @User, 'x', 'x', now())
            """, args);
        await AssertRefusedAsync(w.Stranger.UserId, """
            insert into drafts (id, owner_organization_id, cooperation_id, status, current_revision, title, created_by, created_at, updated_at)
            values (@Id, @OwnerOrg, @Cooperation, 'draft', 1, 'im fremden Namen', @User, now(), now())
            """, args);
        // Observers read everything of their Land but the database refuses their writes, too.
        await AssertRefusedAsync(w.Observer.UserId, "update drafts set title = 'vom Ministerium' where id = @Draft", args);
        Assert.Equal(1, await db.Data.CountAsync("drafts", "id = @Draft and title = 'Geheimer Entwurf'", w));
        Assert.Equal(1, await db.Data.CountAsync("draft_revisions", "draft_id = @Draft", w));
        Assert.Equal(1, await db.Data.CountAsync("comments", "draft_id = @Draft and body = 'Vertraulicher Hinweis'", w));
    }

    private async Task AssertRefusedAsync(Guid? user, string sql, object args)
    {
        var e = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsAsync(user, sql, args));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, e.SqlState);
    }

    [Fact]
    public async Task ProgressAndAdoptionRows_OfAnotherOrganization_AreInvisibleAndUnwritable()
    {
        var w = await WorldAsync();
        await using (var conn = await db.DataSource.OpenConnectionAsync())
        {
            await conn.ExecuteAsync("""
                insert into catalog_themenfelder (id, name) values (9901, 'Test') on conflict do nothing;
                insert into catalog_services (ozg_id, name, themenfeld_id) values ('99001', 'Testleistung', 9901) on conflict do nothing;
                insert into implementation_status (organization_id, ozg_id, responsible, status, updated_at) values (@OwnerOrg, '99001', true, 'live', now());
                """, w);
        }

        var store = new ImplementationStore(db.AppDb);
        Assert.Contains(await AsAsync(w.Reviewer.UserId, () => store.ListAsync(w.OwnerOrg, default)), r => r.OzgId == "99001" && r.State == Hub.Core.Progress.ImplementationState.Live);
        Assert.Equal(1, await CountAsAsync(w.Observer.UserId, "implementation_status", "organization_id = @OwnerOrg", w));
        Assert.Equal(0, await CountAsAsync(w.Stranger.UserId, "implementation_status", "organization_id = @OwnerOrg", w));
        Assert.Equal(0, await CountAsAsync(w.ForeignObserver.UserId, "implementation_status", "organization_id = @OwnerOrg", w));
        // Its figures per organization (0025) are seen by exactly those who see its rows.
        Assert.Equal(1, await CountAsAsync(w.Reviewer.UserId, "organization_status_counts", "organization_id = @OwnerOrg and live = 1", w));
        Assert.Equal(1, await CountAsAsync(w.Observer.UserId, "organization_status_counts", "organization_id = @OwnerOrg and live = 1", w));
        Assert.Equal(0, await CountAsAsync(w.Stranger.UserId, "organization_status_counts", "organization_id = @OwnerOrg", w));
        Assert.Equal(0, await CountAsAsync(w.ForeignObserver.UserId, "organization_status_counts", "organization_id = @OwnerOrg", w));
        Assert.Equal(0, await ExecuteAsAsync(w.Stranger.UserId, "update implementation_status set status = 'no_solution' where organization_id = @OwnerOrg", w));
        // A partner sees the row but only the organization's own members write it.
        Assert.Equal(0, await ExecuteAsAsync(w.Reviewer.UserId, "update implementation_status set status = 'no_solution' where organization_id = @OwnerOrg", w));
        await AssertRefusedAsync(w.Stranger.UserId,
            "insert into implementation_status (organization_id, ozg_id, responsible, status, updated_at) values (@PartnerOrg, '99001', true, 'live', now())", w);
        await AssertRefusedAsync(w.Stranger.UserId, """
            insert into adoptions (id, organization_id, draft_id, release_id, status, created_by, created_at, updated_at)
            values (gen_random_uuid(), @OwnerOrg, gen_random_uuid(), gen_random_uuid(), 'planned', @User, now(), now())
            """, new { w.OwnerOrg, User = w.Stranger.UserId });
        Assert.Equal(1, await db.Data.CountAsync("implementation_status", "organization_id = @OwnerOrg and status = 'live'", w));
    }

    [Fact]
    public async Task Notifications_AreTheReadersOnly()
    {
        var w = await WorldAsync();
        // Submitting notified the partner's reviewer.
        Assert.True(await CountAsAsync(w.Reviewer.UserId, "notifications", "user_id = @id", new { id = w.Reviewer.UserId }) > 0);
        Assert.Equal(0, await CountAsAsync(w.Stranger.UserId, "notifications", "user_id = @id", new { id = w.Reviewer.UserId }));
        Assert.Equal(0, await CountAsAsync(w.Editor.UserId, "notifications", "user_id = @id", new { id = w.Reviewer.UserId }));
        Assert.Equal(0, await ExecuteAsAsync(w.Stranger.UserId, "update notifications set read_at = now() where user_id = @id", new { id = w.Reviewer.UserId }));
        Assert.Equal(0, await db.Data.CountAsync("notifications", "user_id = @id and read_at is not null", new { id = w.Reviewer.UserId }));
    }

    [Fact]
    public async Task AuditEvents_AppRoleCannotUpdateDeleteOrTruncate_NorWriteInAnotherUsersName()
    {
        var w = await WorldAsync();
        foreach (var sql in new[] { "update audit_events set action = 'x' where entity_id = @Draft", "delete from audit_events where entity_id = @Draft", "truncate audit_events" })
        {
            var e = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsAsync(w.Editor.UserId, sql, w));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, e.SqlState);
        }

        await AssertRefusedAsync(w.Stranger.UserId, """
            insert into audit_events (id, occurred_at, actor_user_id, entity_type, entity_id, action) values (gen_random_uuid(), now(), @Other, 'draft', @Draft, 'forged')
            """, new { w.Draft, Other = w.Editor.UserId });
    }

    [Fact]
    public async Task MissingContext_SeesNothingPrivate_ButTheReleasedCatalogue()
    {
        var w = await WorldAsync();
        Assert.True(await db.Data.CountAsync("drafts") > 0);
        foreach (var table in new[] { "drafts", "draft_revisions", "reviews", "comments", "notifications", "audit_events", "implementation_status", "adoptions" })
            Assert.Equal(0, await CountAsAsync(null, table, "true", w));
        // Anonymous still reads public things: the catalogue and the releases.
        Assert.True(await CountAsAsync(null, "catalog_services", "true", w) > 0);
        Assert.Equal(await db.Data.CountAsync("releases"), await CountAsAsync(null, "releases", "true", w));
    }

    [Fact]
    public async Task ActingUser_IsSetPerTransaction_NeverLeftOnThePooledConnection()
    {
        var w = await WorldAsync();
        var builder = new NpgsqlConnectionStringBuilder(TestCluster.AppConnectionString(db.ConnectionString)) { MaxPoolSize = 1 };
        await using var single = TestCluster.CreateDataSource(builder.ConnectionString);
        var one = new HubDb(single);
        int pid;
        using (ActingUser.Use(w.Editor.UserId))
        {
            await using var scope = await one.OpenAsync(default);
            pid = await scope.Connection.ExecuteScalarAsync<int>("select pg_backend_pid()", transaction: scope.Transaction);
            Assert.Equal(1, await scope.Connection.ExecuteScalarAsync<long>("select count(*) from drafts where id = @Draft", w, scope.Transaction));
        }

        await using var next = await one.OpenAsync(default);
        Assert.Equal(pid, await next.Connection.ExecuteScalarAsync<int>("select pg_backend_pid()", transaction: next.Transaction));
        Assert.Null(await next.Connection.ExecuteScalarAsync<Guid?>("select hub_user_id()", transaction: next.Transaction));
        Assert.Equal(0, await next.Connection.ExecuteScalarAsync<long>("select count(*) from drafts where id = @Draft", w, next.Transaction));
    }

    [Fact]
    public async Task AppRole_IsNeitherSuperuserNorBypassNorOwner_AndTheOwnerIsRefused()
    {
        Assert.Null(await AppRole.ProblemAsync(db.AppDataSource, default));
        Assert.Contains("superuser", await AppRole.ProblemAsync(db.DataSource, default));
        await Assert.ThrowsAsync<InvalidOperationException>(() => AppRole.VerifyAsync(db.DataSource, default));

        var name = "bypass_" + Guid.NewGuid().ToString("N")[..8];
        await using (var conn = await db.DataSource.OpenConnectionAsync())
            await conn.ExecuteAsync($"create role {name} login bypassrls password 'Bypass2026' in role hub_app");
        var cs = new NpgsqlConnectionStringBuilder(db.ConnectionString) { Username = name, Password = "Bypass2026", Pooling = false }.ConnectionString;
        await using var bypass = TestCluster.CreateDataSource(cs);
        Assert.Contains("BYPASSRLS", await AppRole.ProblemAsync(bypass, default));
    }

    [Fact]
    public async Task Views_UseTheCallersRights()
    {
        await using var conn = await db.DataSource.OpenConnectionAsync();
        var views = (await conn.QueryAsync<(string Name, string? Options)>(
            "select c.relname, array_to_string(c.reloptions, ',') from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind = 'v' and n.nspname = 'public'")).ToList();
        Assert.NotEmpty(views);
        Assert.All(views, v => Assert.Contains("security_invoker=true", v.Options ?? ""));
    }

    [Fact]
    public async Task EveryTable_HasRowLevelSecurity_UnlessListedWithItsReason()
    {
        // Without policies, and why: the directory every signed-in user reads, authentication infrastructure read before
        // anyone is signed in, the public catalogue, aggregates, the migration journals (not granted to hub_app at all).
        string[] directory = ["organizations", "cooperations", "cooperation_members", "cooperation_coordinators", "memberships", "observers"];
        string[] authentication = ["users", "sessions", "api_tokens", "data_protection_keys", "sign_in_failures"];
        string[] catalogue = ["catalog_themenfelder", "catalog_lebenslagen", "catalog_services", "catalog_leika"];
        // Maintained aggregates (0013, 0015): written only by triggers, read only for authorized dashboards.
        string[] aggregates = ["progress_live_counts", "adoption_counts", "adoption_month_counts"];
        var unprotected = directory.Concat(authentication).Concat(catalogue).Concat(aggregates).Append("schema_migrations").Append("schema_repeatables").ToHashSet();
        await using var conn = await db.DataSource.OpenConnectionAsync();
        var tables = (await conn.QueryAsync<(string Name, bool Rls)>(
            "select c.relname, c.relrowsecurity from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind = 'r' and n.nspname = 'public'")).ToList();

        Assert.Empty(tables.Where(t => !t.Rls && !unprotected.Contains(t.Name)).Select(t => t.Name));
        Assert.Empty(tables.Where(t => t.Rls && unprotected.Contains(t.Name)).Select(t => t.Name));
        Assert.Contains(tables, t => t.Name == "drafts" && t.Rls);
        foreach (var journal in new[] { "schema_migrations", "schema_repeatables" })
        {
            Assert.False(await conn.ExecuteScalarAsync<bool>(
                "select has_table_privilege('hub_app', @journal, 'select') or has_table_privilege('hub_app', @journal, 'insert,update,delete')", new { journal }), journal);
        }
    }
}
