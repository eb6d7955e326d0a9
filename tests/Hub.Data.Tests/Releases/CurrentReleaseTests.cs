using Dapper;
using Hub.Core.Common;
using Hub.Core.Releases;
using Hub.Core.Tenancy;
using Hub.Data.Releases;
using Hub.Testing;
using Npgsql;
using Xunit;

namespace Hub.Data.Tests.Releases;

/// <summary>
/// releases.is_current (migration 0023) always marks exactly the newest active release of each service: after every
/// kind of release write, in sequence and from parallel writers, it equals what the queries used to work out each time.
/// </summary>
public sealed class CurrentReleaseTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private static readonly SystemClock _clock = new();

    // The definition the queries used before 0023: active, and no newer active release of the same service.
    private const string Truth = """
        select rl.id from releases rl where rl.status = 'active'
          and not exists (select 1 from releases n where n.draft_id = rl.draft_id and n.status = 'active' and (n.major, n.minor) > (rl.major, rl.minor))
        order by 1
        """;

    private const string Marked = "select id from releases where is_current order by 1";

    [Fact]
    public async Task IsCurrent_FollowsEveryReleaseWrite_OneStepAtATime()
    {
        var (draft, owner, coop, editor) = await DraftAsync();
        await using var conn = await db.DataSource.OpenConnectionAsync();

        var v10 = await db.Data.ReleaseAsync(draft, owner, coop, editor, 1, 0);
        Assert.Equal([v10], await CurrentOfAsync(conn, draft));
        var v11 = await db.Data.ReleaseAsync(draft, owner, coop, editor, 1, 1);
        Assert.Equal([v11], await CurrentOfAsync(conn, draft));
        await conn.ExecuteAsync("update releases set status = 'deprecated', status_reason = 'alt' where id = @v11", new { v11 });
        Assert.Equal([v10], await CurrentOfAsync(conn, draft));
        var v20 = await db.Data.ReleaseAsync(draft, owner, coop, editor, 2, 0, "withdrawn");
        Assert.Equal([v10], await CurrentOfAsync(conn, draft));
        await conn.ExecuteAsync("update releases set status = 'active', status_reason = null where id = any(@ids)", new { ids = new[] { v11, v20 } });
        Assert.Equal([v20], await CurrentOfAsync(conn, draft));
        await conn.ExecuteAsync("update releases set status = 'withdrawn', status_reason = 'zurück' where draft_id = @draft", new { draft });
        Assert.Empty(await CurrentOfAsync(conn, draft));
        Assert.Equal(await conn.QueryAsync<Guid>(Truth), await conn.QueryAsync<Guid>(Marked));

        // Two current releases of one service cannot exist, whoever writes the column.
        var twice = await Assert.ThrowsAsync<PostgresException>(() => conn.ExecuteAsync("update releases set is_current = true where draft_id = @draft", new { draft }));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, twice.SqlState);
    }

    [Fact]
    public async Task IsCurrent_AfterParallelReleasesAndStatusChanges_EqualsTheNewestActiveRelease()
    {
        var drafts = new List<(Guid Draft, Guid Owner, Guid Coop, Guid Editor)>();
        for (var i = 0; i < 3; i++)
            drafts.Add(await DraftAsync());
        var store = new ReleaseStore(db.Db);

        async Task WorkAsync(int worker)
        {
            var random = new Random(worker);
            for (var n = 0; n < 25; n++)
            {
                var (draft, owner, coop, editor) = drafts[random.Next(drafts.Count)];
                await using var conn = await db.DataSource.OpenConnectionAsync();
                var active = (await conn.QueryAsync<Guid>("select id from releases where draft_id = @draft and status = 'active'", new { draft })).ToList();
                if (random.Next(3) == 0 && active.Count > 0)
                {
                    // A status change through the store (it locks the draft row, then the release).
                    var id = active[random.Next(active.Count)];
                    var command = new ReleaseCommand(random.Next(2) == 0 ? ReleaseAction.Deprecate : ReleaseAction.Withdraw, "Test");
                    var actor = new Actor(editor, "e", "E", false, [new Membership(owner, "Owner", MembershipRole.Editor)], [], []);
                    await StateChange.DecideAsync(c => store.ReadStateAsync(id, null, c), c => store.LockAsync(id, null, c),
                        state => ReleaseDecider.Decide(state, command, actor, _clock), default);
                    continue;
                }

                // A release as the lifecycle makes it: the draft row locked first, the next version inserted.
                await using var tx = await conn.BeginTransactionAsync();
                await conn.ExecuteAsync("select 1 from drafts where id = @draft for update", new { draft }, tx);
                var next = await conn.QuerySingleAsync<(int Major, int Minor)>(
                    "select coalesce(max(major), 1), coalesce(max(minor) filter (where major = (select max(major) from releases where draft_id = @draft)), -1) + 1 from releases where draft_id = @draft",
                    new { draft }, tx);
                var major = random.Next(4) == 0;
                await db.Data.ReleaseAsync(draft, owner, coop, editor, major ? next.Major + 1 : next.Major, major ? 0 : next.Minor, conn: conn, tx: tx);
                await tx.CommitAsync();
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(() => WorkAsync(w))));

        await using var check = await db.DataSource.OpenConnectionAsync();
        var truth = (await check.QueryAsync<Guid>(Truth)).ToList();
        Assert.NotEmpty(truth);
        Assert.Equal(truth, (await check.QueryAsync<Guid>(Marked)).ToList());
    }

    private async Task<(Guid Draft, Guid Owner, Guid Coop, Guid Editor)> DraftAsync()
    {
        var owner = await db.Data.OrganizationAsync();
        var partner = await db.Data.OrganizationAsync();
        var coop = await db.Data.CooperationAsync(owner, partner);
        var (editor, _) = await db.Data.UserAsync(memberships: (owner, "editor"));
        return (await db.Data.ServiceDraftAsync(owner, coop, editor), owner, coop, editor);
    }

    private static async Task<List<Guid>> CurrentOfAsync(NpgsqlConnection conn, Guid draft) =>
        (await conn.QueryAsync<Guid>("select id from releases where draft_id = @draft and is_current", new { draft })).ToList();
}
