using System.Collections.Concurrent;
using System.Net.Http.Json;
using Dapper;
using Npgsql;

namespace Hub.Benchmarks.Load;

/// <summary>A scenario: its name, the target from the issue (for the table) and how one request is made.</summary>
internal sealed record Scenario(string Name, string Target, double? P95TargetMs, double? MinRatio, Send Send);

/// <summary>
/// The scenarios of <c>./hub bench run</c>, each with real people of the generated data set: reviewers with open review
/// rounds, editors reading their organizations' drafts and dashboards, the Germany observer, anonymous visitors searching
/// the public catalogue with words of the catalogue, and writers who each save their own draft (no conflicts between
/// clients, so every answer but 2xx is an error).
/// </summary>
internal static class BenchScenarios
{
    public const string Yardstick = "Fortunes-Yardstick";

    public const string SignedInFloor = "Untergrenze angemeldet (Passwortseite)";

    public static async Task<List<Scenario>> PrepareAsync(NpgsqlDataSource owner, string url, string password, int maxClients)
    {
        await using var conn = await owner.OpenConnectionAsync();
        const int people = 16;
        var reviewers = (await conn.QueryAsync<(string Email, Guid Organization, Guid Draft)>("""
            select distinct on (u.email) u.email, cm.organization_id, d.id from drafts d
            join cooperation_members cm on cm.cooperation_id = d.cooperation_id and cm.organization_id <> d.owner_organization_id
            join memberships m on m.organization_id = cm.organization_id and m.role = 'reviewer'
            join users u on u.id = m.user_id
            where d.status = 'in_review' and u.email like 'bench%'
            order by u.email, d.id limit @people
            """, new { people })).ToList();
        var editors = (await conn.QueryAsync<(string Email, Guid Organization, Guid Cooperation)>("""
            select distinct on (u.email) u.email, m.organization_id, cm.cooperation_id from memberships m
            join users u on u.id = m.user_id
            join cooperation_members cm on cm.organization_id = m.organization_id
            where m.role = 'editor' and u.email like 'bench%' and exists (select 1 from drafts d where d.owner_organization_id = m.organization_id)
            order by u.email, cm.cooperation_id limit @people
            """, new { people })).ToList();
        var readable = (await conn.QueryAsync<(Guid Organization, Guid Draft)>(
            "select owner_organization_id, id from drafts where owner_organization_id = any(@orgs)", new { orgs = editors.Select(e => e.Organization).ToArray() }))
            .ToLookup(r => r.Organization, r => r.Draft);
        var longDrafts = (await conn.QueryAsync<(Guid Draft, int Revision, string Email)>("""
            select d.id, d.current_revision,
                   (select u.email from memberships m join users u on u.id = m.user_id
                    where m.organization_id = d.owner_organization_id and m.role = 'editor' order by u.email limit 1)
            from drafts d
            where d.current_revision >= 2 and exists (select 1 from draft_revisions r where r.draft_id = d.id and r.revision = 1 and length(r.body) > 15000)
            order by d.id limit @people
            """, new { people })).Where(d => d.Email is not null).ToList();
        var words = (await conn.QueryAsync<string>("""
            select distinct w from catalog_services, regexp_split_to_table(name, '[^[:alpha:]]+') w where length(w) >= 6 order by w
            """)).ToArray();
        var writers = (await conn.QueryAsync<(Guid Draft, int Revision, Guid Organization, string Email)>("""
            select d.id, d.current_revision, d.owner_organization_id,
                   (select u.email from memberships m join users u on u.id = m.user_id
                    where m.organization_id = d.owner_organization_id and m.role = 'editor' and u.email like 'bench%' order by u.email limit 1)
            from drafts d where d.status = 'draft'
            order by d.id limit @n
            """, new { n = maxClients * 2 })).Where(w => w.Email is not null).Take(maxClients).ToList();
        var candidates = (await conn.QueryAsync<(Guid Organization, Guid Release, Guid Draft)>("""
            select o.org, r.id, r.draft_id from unnest(@orgs) o(org)
            cross join lateral (
                select distinct on (r.draft_id) r.id, r.draft_id from releases r
                where r.status = 'active' and r.owner_organization_id <> o.org
                  and not exists (select 1 from adoptions a where a.organization_id = o.org and a.draft_id = r.draft_id)
                order by r.draft_id, r.major desc, r.minor desc limit 400) r
            """, new { orgs = writers.Select(w => w.Organization).Distinct().ToArray() })).ToLookup(c => c.Organization);
        if (reviewers.Count == 0 || editors.Count == 0 || longDrafts.Count == 0 || words.Length == 0 || writers.Count < maxClients)
            throw new InvalidOperationException(
                $"the data set lacks people for the scenarios (reviewers {reviewers.Count}, editors {editors.Count}, long drafts {longDrafts.Count}, writers {writers.Count}/{maxClients}); run ./hub bench seed again");

        Console.WriteLine($"Signing in {reviewers.Count} reviewers, {editors.Count + longDrafts.Count} editors, the Germany observer and {writers.Select(w => w.Email).Distinct().Count()} API writers …");
        var browsers = await BenchUsers.ManyAsync(
            reviewers.Select(r => r.Email).Concat(editors.Select(e => e.Email)).Concat(longDrafts.Select(d => d.Email)).Append("observer-de@bench.ikzhub.de"),
            email => BenchUsers.BrowserAsync(url, email, password));
        var api = await BenchUsers.ManyAsync(writers.Select(w => w.Email).Concat(reviewers.Select(r => r.Email)), email => BenchUsers.ApiAsync(url, email, password));
        var anonymous = BenchUsers.Anonymous(url);

        T Pick<T>(IReadOnlyList<T> list, Random random) => list[random.Next(list.Count)];
        var revisions = writers.Select(w => w.Revision).ToArray();
        var taken = new ConcurrentDictionary<(Guid, Guid), bool>();
        var writeOps = new Send[]
        {
            // Save a revision of the client's own draft (it is the only writer, so the base revision is known).
            async (c, random, ct) =>
            {
                var w = writers[c];
                var response = await api[w.Email].PutAsJsonAsync($"/api/v1/drafts/{w.Draft}", new
                {
                    title = $"Bench-Entwurf {c}", body = $"## Ablauf\n\nFassung {revisions[c] + 1}, geschrieben vom Lasttest.", baseRevision = revisions[c],
                }, ct);
                if (response.IsSuccessStatusCode)
                    revisions[c]++;
                return response;
            },
            (c, random, ct) => api[writers[c].Email].PostAsJsonAsync($"/api/v1/drafts/{writers[c].Draft}/comments",
                new { body = "Eine Anmerkung aus dem Lasttest: bitte die Gebühren prüfen." }, ct),
            (c, random, ct) =>
            {
                var r = reviewers[c % reviewers.Count];
                return api[r.Email].PostAsJsonAsync($"/api/v1/drafts/{r.Draft}/reviews",
                    new { organizationId = r.Organization, verdict = "comment", body = "Gelesen; eine Frage zu den Nachweisen." }, ct);
            },
            // Adopt a release the client's organization has not adopted yet (shared bookkeeping: no two clients adopt the same).
            (c, random, ct) =>
            {
                var w = writers[c];
                foreach (var candidate in candidates[w.Organization])
                {
                    if (taken.TryAdd((w.Organization, candidate.Draft), true))
                        return api[w.Email].PostAsJsonAsync("/api/v1/adoptions", new { releaseId = candidate.Release, organizationId = w.Organization }, ct);
                }

                return api[w.Email].PostAsJsonAsync($"/api/v1/drafts/{w.Draft}/comments", new { body = "Alles nachgenutzt; eine Anmerkung statt dessen." }, ct);
            },
        };

        return
        [
            new(Yardstick, "—", null, null, (c, random, ct) => anonymous.GetAsync("/bench/fortunes", ct)),
            // The least a signed-in page costs (session check with the actor, read transaction, unread badge, layout, one
            // form): what no signed-in page can go below. Measured to read the ratios above against, no target of its own.
            new(SignedInFloor, "—", null, null, (c, random, ct) => browsers[Pick(reviewers, random).Email].GetAsync("/konto/passwort", ct)),
            new("Meine Aufgaben (Prüferin)", "p95 < 50 ms, ≥ 0.5×", 50, 0.5, (c, random, ct) => browsers[Pick(reviewers, random).Email].GetAsync("/", ct)),
            new("Entwurfsseite", "p95 < 50 ms, ≥ 0.5×", 50, 0.5, (c, random, ct) =>
            {
                var e = Pick(editors, random);
                return browsers[e.Email].GetAsync($"/entwuerfe/{Pick(readable[e.Organization].ToList(), random)}", ct);
            }),
            new("Katalogsuche (öffentlich)", "p95 < 50 ms, ≥ 0.5×", 50, 0.5, (c, random, ct) =>
                anonymous.GetAsync($"/dienste?q={Uri.EscapeDataString(words[random.Next(words.Length)])}", ct)),
            new("Vergleich 20 kB", "p95 < 80 ms", 80, null, (c, random, ct) =>
            {
                var d = Pick(longDrafts, random);
                return browsers[d.Email].GetAsync($"/entwuerfe/{d.Draft}/vergleich?von=1&bis={d.Revision}", ct);
            }),
            new("Dashboard Organisation", "p95 < 100 ms", 100, null, (c, random, ct) =>
            {
                var e = Pick(editors, random);
                return browsers[e.Email].GetAsync($"/fortschritt/organisationen/{e.Organization}", ct);
            }),
            new("Dashboard Verbund", "p95 < 100 ms", 100, null, (c, random, ct) =>
            {
                var e = Pick(editors, random);
                return browsers[e.Email].GetAsync($"/fortschritt/verbuende/{e.Cooperation}", ct);
            }),
            new("Dashboard Deutschland", "p95 < 250 ms", 250, null, (c, random, ct) =>
                browsers["observer-de@bench.ikzhub.de"].GetAsync("/fortschritt/laender/de", ct)),
            new("Schreiblast gemischt", "p95 < 100 ms, 0 Fehler", 100, null, (c, random, ct) => writeOps[random.Next(writeOps.Length)](c, random, ct)),
        ];
    }
}
