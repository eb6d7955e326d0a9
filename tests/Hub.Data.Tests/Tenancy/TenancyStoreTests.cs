using Dapper;
using Hub.Core.Audit;
using Hub.Core.Common;
using Hub.Core.Tenancy;
using Hub.Data.Accounts;
using Hub.Data.Common;
using Hub.Data.Tenancy;
using Hub.Testing;
using Npgsql;

namespace Hub.Data.Tests.Tenancy;

public sealed class TenancyStoreTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private static readonly SystemClock _clock = new();

    private static AuditEvent Audit(string type, Guid id, string action) => AuditEvent.Create(_clock, null, null, type, id, action);

    private static Organization NewOrganization(string name, string? ags = null) =>
        new(Ids.New(), name, OrganizationKind.Gemeinde, ags, "06", "Bergstraße", null, _clock.UtcNow);

    [Fact]
    public async Task CreateAsync_NewOrganization_IsStoredWithItsAuditEvent()
    {
        var store = new OrganizationStore(db.Db);
        var org = NewOrganization("Lampertheim " + Guid.NewGuid().ToString("N")[..6]);

        Assert.True(await store.CreateAsync(org, Audit("organization", org.Id, "created"), default));

        var loaded = await store.GetAsync(org.Id, default);
        Assert.Equal(org.Name, loaded!.Name);
        Assert.Equal(OrganizationKind.Gemeinde, loaded.Kind);
        Assert.Equal(1, await db.Data.CountAsync("audit_events", "entity_id = @Id and action = 'created'", new { org.Id }));
    }

    [Fact]
    public async Task CreateAsync_DuplicateAgs_ReturnsFalseAndWritesNothing()
    {
        var store = new OrganizationStore(db.Db);
        var ags = "06" + Random.Shared.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var first = NewOrganization("Erste", ags);
        var second = NewOrganization("Zweite", ags);
        Assert.True(await store.CreateAsync(first, Audit("organization", first.Id, "created"), default));

        Assert.False(await store.CreateAsync(second, Audit("organization", second.Id, "created"), default));

        Assert.Null(await store.GetAsync(second.Id, default));
        Assert.Equal(0, await db.Data.CountAsync("audit_events", "entity_id = @Id", new { second.Id }));
    }

    [Fact]
    public async Task ListAsync_FilterByTextAndLand_PagesThroughMatchesOnly()
    {
        var store = new OrganizationStore(db.Db);
        var tag = "Xq" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 5; i++)
            await db.Data.OrganizationAsync($"{tag} Hessen {i}");
        await db.Data.OrganizationAsync($"{tag} Bayern", land: "09");

        var page1 = await store.ListAsync(new OrganizationQuery(tag, "06"), new PageRequest(1, 2), default);
        var page3 = await store.ListAsync(new OrganizationQuery(tag, "06"), new PageRequest(3, 2), default);
        var all = await store.ListAsync(new OrganizationQuery(tag, null), new PageRequest(1, 50), default);

        Assert.Equal(5, page1.TotalCount);
        Assert.Equal(3, page1.PageCount);
        Assert.Equal(2, page1.Items.Count);
        Assert.Single(page3.Items);
        Assert.Equal(6, all.TotalCount);
    }

    [Fact]
    public async Task ListAsync_LikeWildcardsInText_AreMatchedLiterally()
    {
        var store = new OrganizationStore(db.Db);
        await db.Data.OrganizationAsync("Prozent_Gemeinde" + Guid.NewGuid().ToString("N")[..4]);

        var result = await store.ListAsync(new OrganizationQuery("%", null), new PageRequest(1, 10), default);

        Assert.Equal(0, result.TotalCount);
    }

    [Fact]
    public async Task CreateAsync_Cooperation_StoresMembersLeadAndAudit()
    {
        var lead = await db.Data.OrganizationAsync();
        var partner = await db.Data.OrganizationAsync();
        var store = new CooperationStore(db.Db);
        var coop = new Cooperation(Ids.New(), "Verbund Test", "**fett**", lead, 130_000m, "HMdIS", new DateOnly(2022, 1, 1), 1, _clock.UtcNow);

        await store.CreateAsync(coop, [lead, partner], Audit("cooperation", coop.Id, "created"), default);

        var details = await store.GetAsync(coop.Id, default);
        Assert.Equal(2, details!.Members.Count);
        Assert.Equal(lead, details.Lead.OrganizationId);
        Assert.Equal(130_000m, details.Cooperation.FundingAmount);
        Assert.Equal(new DateOnly(2022, 1, 1), details.Cooperation.AgreementDate);
        Assert.Equal(1, await db.Data.CountAsync("audit_events", "entity_id = @Id", new { coop.Id }));
    }

    [Fact]
    public async Task CreateAsync_LeadIsNotAMember_DatabaseRefusesAndNothingIsWritten()
    {
        var lead = await db.Data.OrganizationAsync();
        var a = await db.Data.OrganizationAsync();
        var b = await db.Data.OrganizationAsync();
        var store = new CooperationStore(db.Db);
        var coop = new Cooperation(Ids.New(), "Verbund ohne Lead", null, lead, null, null, null, 1, _clock.UtcNow);

        var error = await Assert.ThrowsAsync<PostgresException>(() => store.CreateAsync(coop, [a, b], Audit("cooperation", coop.Id, "created"), default));

        Assert.Equal("23514", error.SqlState);
        Assert.Null(await store.GetAsync(coop.Id, default));
        Assert.Equal(0, await db.Data.CountAsync("cooperation_members", "cooperation_id = @Id", new { coop.Id }));
    }

    [Fact]
    public async Task ListAsync_ByOrganization_ShowsOnlyItsCooperations()
    {
        var a = await db.Data.OrganizationAsync();
        var b = await db.Data.OrganizationAsync();
        var c = await db.Data.OrganizationAsync();
        var ab = await db.Data.CooperationAsync(a, b);
        await db.Data.CooperationAsync(b, c);

        var forA = await new CooperationStore(db.Db).ListAsync(new CooperationQuery(null, [a]), new PageRequest(1, 50), default);

        Assert.Equal([ab], forA.Items.Select(i => i.Id).ToArray());
        Assert.Equal(2, forA.Items[0].MemberCount);
    }

    [Fact]
    public async Task ListMineAsync_OrganizationsAndCoordinated_ListsExactlyThoseOnceEach()
    {
        var a = await db.Data.OrganizationAsync();
        var b = await db.Data.OrganizationAsync();
        var c = await db.Data.OrganizationAsync();
        var d = await db.Data.OrganizationAsync();
        var ab = await db.Data.CooperationAsync(a, b);
        var bc = await db.Data.CooperationAsync(b, c);
        var cd = await db.Data.CooperationAsync(c, d);
        await db.Data.CooperationAsync(d);
        var store = new CooperationStore(db.Db);

        // a and b are my organizations (both in ab: listed once), cd is one I coordinate, d's own is neither.
        var mine = await store.ListMineAsync([a, b], [cd, ab], default);
        var none = await store.ListMineAsync([], [], default);

        Assert.Equal(new[] { ab, bc, cd }.Order(), mine.Select(m => m.Id).Order());
        Assert.Equal(2, mine.Single(m => m.Id == bc).MemberCount);
        Assert.Equal(mine.Select(m => m.Name).Order(StringComparer.Ordinal).ToList(), mine.Select(m => m.Name).ToList());
        Assert.Empty(none);
    }

    [Fact]
    public async Task Members_AnotherOrganizationsId_CannotReadChangeOrRemoveTheMembership()
    {
        var mine = await db.Data.OrganizationAsync();
        var other = await db.Data.OrganizationAsync();
        var (user, _) = await db.Data.UserAsync(memberships: (mine, "editor"));
        var store = new MemberStore(db.Db);

        Assert.Null(await store.GetAsync(other, user, default));
        Assert.Equal(MemberChange.NotFound, await store.RemoveAsync(other, user, Audit("membership", user, "removed"), default));
        Assert.Equal(0, (await store.ListAsync(other, new PageRequest(1, 50), default)).TotalCount);
        Assert.Equal(MembershipRole.Editor, (await store.GetAsync(mine, user, default))!.Role);
    }

    [Fact]
    public async Task SetRoleAsync_ExistingMember_ChangesRole_ButNeverTheLastAdmins()
    {
        var org = await db.Data.OrganizationAsync();
        var (user, _) = await db.Data.UserAsync(memberships: (org, "editor"));
        var store = new MemberStore(db.Db);

        Assert.Equal(MemberChange.Done, await store.SetRoleAsync(org, user, MembershipRole.Admin, Audit("membership", user, "role_changed"), default));
        Assert.Equal(MembershipRole.Admin, (await store.GetAsync(org, user, default))!.Role);

        Assert.Equal(MemberChange.LastAdmin, await store.SetRoleAsync(org, user, MembershipRole.Editor, Audit("membership", user, "role_changed"), default));
        Assert.Equal(MemberChange.LastAdmin, await store.RemoveAsync(org, user, Audit("membership", user, "removed"), default));
        Assert.Equal(MembershipRole.Admin, (await store.GetAsync(org, user, default))!.Role);
        Assert.Equal(MemberChange.Done, await store.SetRoleAsync(org, user, MembershipRole.Admin, Audit("membership", user, "role_changed"), default));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TwoAdminsLeavingAtTheSameMoment_OneIsRefused_TheOrganizationKeepsAnAdmin(bool remove)
    {
        var org = await db.Data.OrganizationAsync();
        var (first, _) = await db.Data.UserAsync(memberships: (org, "admin"));
        var (second, _) = await db.Data.UserAsync(memberships: (org, "admin"));
        var store = new MemberStore(db.AppDb); // as the web app's role: it may lock the rows it may change
        async Task<MemberChange> Leave(Guid user)
        {
            using var acting = ActingUser.Use(user);
            var actor = await db.Data.ActorAsync(user);
            var audit = AuditEvent.Create(_clock, actor, org, "membership", user, remove ? "removed" : "role_changed");
            return await (remove ? store.RemoveAsync(org, user, audit, default) : store.SetRoleAsync(org, user, MembershipRole.Editor, audit, default));
        }

        // A third transaction holds both admin rows, so both changes are under way before either may go on: without the
        // lock each would count two admins and go ahead.
        await using var holder = await db.DataSource.OpenConnectionAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await holder.ExecuteAsync("select 1 from memberships where organization_id = @org and role = 'admin' for update", new { org }, hold);
        var changes = new[] { Leave(first), Leave(second) };
        await WaitForLockWaitsAsync(2);
        await hold.CommitAsync();

        var outcomes = await Task.WhenAll(changes);
        Assert.Equal(new[] { MemberChange.Done, MemberChange.LastAdmin }, outcomes.Order());
        await using var conn = await db.DataSource.OpenConnectionAsync();
        Assert.Equal(1, await conn.ExecuteScalarAsync<int>("select count(*)::int from memberships where organization_id = @org and role = 'admin'", new { org }));
    }

    private async Task WaitForLockWaitsAsync(int count)
    {
        await using var conn = await db.DataSource.OpenConnectionAsync();
        for (var i = 0; i < 200; i++)
        {
            if (await conn.ExecuteScalarAsync<int>("select count(*)::int from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'") >= count)
                return;
            await Task.Delay(25);
        }

        Assert.Fail($"{count} transactions should be waiting for the held rows");
    }

    [Fact]
    public async Task LoadActorAsync_UserWithEverything_LoadsMembershipsCoordinationAndObserverScope()
    {
        var org = await db.Data.OrganizationAsync();
        var partner = await db.Data.OrganizationAsync();
        var coop = await db.Data.CooperationAsync(org, partner);
        var (user, email) = await db.Data.UserAsync(memberships: (org, "reviewer"));
        await db.Data.CoordinatorAsync(coop, user);
        await db.Data.ObserverAsync(user, "06");

        var actor = await new UserStore(db.Db).LoadActorAsync(user, default);

        Assert.Equal(email, actor!.Email);
        Assert.Equal(MembershipRole.Reviewer, actor.RoleIn(org));
        Assert.True(actor.Coordinates(coop));
        Assert.True(actor.Observes("06"));
        Assert.False(actor.Observes("09"));
    }
}
