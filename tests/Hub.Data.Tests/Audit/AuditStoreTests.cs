using Dapper;
using Hub.Core.Common;
using Hub.Data.Common;
using Hub.Testing;
using Xunit;

namespace Hub.Data.Tests.Audit;

public sealed class AuditStoreTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    /// <summary>Events for the organization at the given minutes past a fixed start, written as the owner.</summary>
    private async Task EventsAsync(Guid organization, params int[] minutes)
    {
        var start = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        await using var conn = await db.DataSource.OpenConnectionAsync();
        foreach (var m in minutes)
        {
            await conn.ExecuteAsync("""
                insert into audit_events (id, occurred_at, entity_type, entity_id, action)
                values (gen_random_uuid(), @at, 'organization', @organization, @action)
                """, new { at = start.AddMinutes(m), organization, action = $"event_{m}" });
        }
    }

    [Fact]
    public async Task ListAsync_PagesNewestFirst_EachPageAndPastTheLastCarryTheSameTotal()
    {
        var org = await db.Data.OrganizationAsync();
        var other = await db.Data.OrganizationAsync();
        await EventsAsync(org, 1, 2, 3, 4, 5, 6, 7);
        await EventsAsync(other, 8, 9);
        var store = new AuditStore(db.Db);

        var pages = new List<Page<Hub.Core.Audit.AuditEntry>>();
        for (var number = 1; number <= 4; number++)
            pages.Add(await store.ListAsync("organization", org, new PageRequest(number, 3), default));

        Assert.Equal(["event_7", "event_6", "event_5", "event_4", "event_3", "event_2", "event_1"], pages.SelectMany(p => p.Items).Select(e => e.Action));
        Assert.All(pages, p => Assert.Equal(7, p.TotalCount));
        Assert.Empty(pages[3].Items);
        Assert.All(pages.SelectMany(p => p.Items), e => Assert.Equal(org, e.EntityId));
        var none = await store.ListAsync("organization", Guid.NewGuid(), new PageRequest(1, 3), default);
        Assert.Equal(0, none.TotalCount);
        Assert.Empty(none.Items);
    }
}
