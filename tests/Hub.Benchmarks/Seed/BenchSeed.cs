using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Hub.Core.Catalog;
using Hub.Core.Tenancy;
using Hub.Data.Catalog;
using Hub.Data.Common;
using Hub.Data.Embedded;
using Hub.Data.Migrations;
using Hub.Data.Tenancy;
using Hub.Testing;
using Npgsql;
using NpgsqlTypes;

namespace Hub.Benchmarks.Seed;

/// <summary>
/// <c>./hub bench seed --scale hessen|germany [--seed 20261122]</c>: a deterministic data set in a cluster of its own
/// (<c>.bench/SCALE</c>), on the real organizations (gemeinden.csv, kreise.csv) and the real OZG catalogue, written with
/// binary COPY. Germany: ~600 cooperations of 3–8 members, 50,000 users, 20,000 drafts with 100,000 revisions, 60,000
/// verdicts, 200,000 comments, 8,000 releases, 150,000 adoptions, a status row for every municipality × OZG-Leistung,
/// 1,000,000 audit events (hash-chained as the trigger would). Hessen: the same shape, scaled to its municipalities.
/// </summary>
internal static class BenchSeed
{
    public const string Password = "Bench-Passwort-2026!";
    private const int Municipalities = 10_673;

    public static string Home(string scale) => Path.Combine(Repository.Root, ".bench", scale);

    public static async Task<int> RunAsync(string[] args)
    {
        var scale = Measure.Option(args, "--scale") ?? "hessen";
        if (scale is not ("hessen" or "germany"))
        {
            Console.Error.WriteLine("Use: ./hub bench seed --scale hessen|germany [--seed N]");
            return 2;
        }

        var seed = Measure.Option(args, "--seed", 20261122);
        var total = Stopwatch.StartNew();
        var home = Home(scale);
        if (Directory.Exists(home))
        {
            await using (var old = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { Home = home, Durable = false }))
                await old.StopAsync();
            Directory.Delete(home, recursive: true);
        }

        Directory.CreateDirectory(home);
        File.SetUnixFileMode(home, (UnixFileMode)0b111_101_101);
        await using var cluster = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { Home = home, Durable = false });
        await using var owner = HubDatabase.CreateDataSource(new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { CommandTimeout = 0 }.ConnectionString);
        await new MigrationRunner(owner).ApplyAsync(SchemaScripts.Embedded());
        await AppRole.EnableLoginAsync(owner, "BenchApp2026", default);
        await File.WriteAllTextAsync(Path.Combine(home, "app-password"), "BenchApp2026");

        await Step("catalogue and organizations", () => ImportReferenceAsync(owner, scale == "hessen" ? "06" : null));
        var generator = new Generator(owner, new Random(seed));
        await generator.LoadScopeAsync();
        var f = Math.Max(generator.MunicipalityCount / (double)Municipalities, 0.02);
        int Scaled(int n) => Math.Max(1, (int)Math.Round(n * f));
        // Generated drafts start at change 0: the change counters (0020) would count every generated row one by one.
        await DraftChangeTriggersAsync(owner, enable: false);
        await Step("cooperations and users", () => generator.CooperationsAndUsersAsync(Scaled(600), Scaled(50_000)));
        await Step("drafts, revisions, review rounds and verdicts", () => generator.DraftsAsync(Scaled(20_000), Scaled(100_000), Scaled(60_000)));
        await Step("releases", () => generator.ReleasesAsync(Scaled(8_000)));
        await Step("comments", () => generator.CommentsAsync(Scaled(200_000)));
        await Step("adoptions", () => WithoutCountersAsync(owner, "adoptions", () => generator.AdoptionsAsync(Scaled(150_000)), ("trg_adoptions_counts_insert", "adoption_counts_rebuild")));
        // The bulk tables are written with their counter triggers off; the counters are then built once from scratch
        // by the migrations' own rebuild functions (a 5.9-million-row transition table tripled the seed's time).
        await Step("Umsetzungsstand (every municipality × OZG-Leistung)", () => WithoutCountersAsync(owner, "implementation_status", generator.StatusAsync,
            ("trg_implementation_status_live_insert", "progress_live_rebuild"), ("trg_implementation_status_counts_insert", "organization_status_rebuild")));
        await Step("audit events (hash-chained)", () => generator.AuditAsync(Scaled(1_000_000)));
        await DraftChangeTriggersAsync(owner, enable: true);
        await Step("analyze", async () =>
        {
            await using var conn = await owner.OpenConnectionAsync();
            await conn.ExecuteAsync("vacuum analyze");
        });

        await using (var conn = await owner.OpenConnectionAsync())
        {
            var size = await DatabaseSizeAsync(owner);
            var counts = new List<(string Table, long Rows)>();
            foreach (var table in new[] { "organizations", "cooperations", "users", "drafts", "draft_revisions", "reviews", "comments", "releases", "adoptions", "implementation_status", "audit_events" })
                counts.Add((table, await conn.ExecuteScalarAsync<long>($"select count(*) from {table}")));
            Console.WriteLine(string.Join(", ", counts.Select(c => $"{c.Table} {c.Rows:N0}")));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Seeded '{scale}' (seed {seed}) in {total.Elapsed.TotalSeconds:F0} s; database size {size / 1048576.0:F0} MiB; cluster under {home}"));
        }

        await cluster.StopAsync();
        return 0;
    }

    public static async Task<long> DatabaseSizeAsync(NpgsqlDataSource owner)
    {
        await using var conn = await owner.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<long>("select pg_database_size(current_database())");
    }

    private static async Task Step(string name, Func<Task> step)
    {
        var watch = Stopwatch.StartNew();
        await step();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: {watch.Elapsed.TotalSeconds:F1} s"));
    }

    /// <summary>Loads <paramref name="table"/> with its counters' insert triggers off, then counts each from scratch.</summary>
    private static async Task WithoutCountersAsync(NpgsqlDataSource owner, string table, Func<Task> load, params (string Trigger, string Rebuild)[] counters)
    {
        await using var conn = await owner.OpenConnectionAsync();
        foreach (var (trigger, _) in counters)
            await conn.ExecuteAsync($"alter table {table} disable trigger {trigger}");
        await load();
        foreach (var (trigger, rebuild) in counters)
        {
            await conn.ExecuteAsync($"alter table {table} enable trigger {trigger}");
            await conn.ExecuteAsync($"select {rebuild}()");
        }
    }

    /// <summary>Every change-counter trigger of migration 0020 (named trg_…_draft_changed), as the database has them.</summary>
    private static async Task DraftChangeTriggersAsync(NpgsqlDataSource owner, bool enable)
    {
        await using var conn = await owner.OpenConnectionAsync();
        var triggers = await conn.QueryAsync<(string Table, string Trigger)>("""
            select tgrelid::regclass::text, tgname from pg_trigger where tgname like 'trg\_%\_draft\_changed' and not tgisinternal
            """);
        foreach (var (table, trigger) in triggers)
            await conn.ExecuteAsync($"alter table {table} {(enable ? "enable" : "disable")} trigger {trigger}");
    }

    private static async Task ImportReferenceAsync(NpgsqlDataSource owner, string? land)
    {
        var db = new HubDb(owner);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in CatalogImport.Files)
            files[name] = await File.ReadAllTextAsync(Path.Combine(ReferenceData.Directory, name));
        var (set, errors) = CatalogImport.Parse(files);
        if (set is null)
            throw new InvalidOperationException("catalogue: " + string.Join("; ", errors));
        await new CatalogStore(db).ImportAsync(set, null, default);
        var (rows, problems) = OrganizationImport.Parse(
            [("gemeinden.csv", await File.ReadAllTextAsync(Path.Combine(ReferenceData.Directory, "gemeinden.csv"))),
             ("kreise.csv", await File.ReadAllTextAsync(Path.Combine(ReferenceData.Directory, "kreise.csv")))], land);
        if (problems.Count > 0)
            throw new InvalidOperationException("organizations: " + problems[0]);
        await new OrganizationStore(db).ImportAsync(rows, DateTimeOffset.UtcNow, default);
    }

    /// <summary>The generator's state: what has been made so far, for the next step to refer to.</summary>
    private sealed class Generator(NpgsqlDataSource owner, Random random)
    {
        private static readonly DateTimeOffset _start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        private readonly List<(Guid Id, string Land)> _municipalities = [];
        private readonly List<string> _ozgIds = [];
        private readonly HashSet<string> _municipal = new(StringComparer.Ordinal);
        private readonly List<(Guid Id, Guid[] Members)> _cooperations = [];
        private readonly Dictionary<Guid, List<Guid>> _usersOf = [];
        private readonly List<Guid> _users = [];
        private readonly List<(Guid Id, Guid Owner, Guid Cooperation, int Revisions)> _drafts = [];
        private readonly List<string> _draftStatus = [];
        private readonly List<(Guid Id, Guid Draft, int Revision)> _releases = [];
        private readonly string _hash = new Hub.Data.Accounts.IdentityPasswordHasher().Hash(Password);

        public int MunicipalityCount => _municipalities.Count;

        public async Task LoadScopeAsync()
        {
            await using var conn = await owner.OpenConnectionAsync();
            _municipalities.AddRange(await conn.QueryAsync<(Guid, string)>(
                "select id, land_code from organizations where kind in ('gemeinde', 'stadt', 'sonderstatusstadt', 'kreisfreie_stadt') order by ags"));
            _ozgIds.AddRange(await conn.QueryAsync<string>("select ozg_id from catalog_services order by ozg_id"));
            foreach (var id in await conn.QueryAsync<string>("select ozg_id from catalog_municipal_services where municipal"))
                _municipal.Add(id);
        }

        private DateTimeOffset Time(int maxDays = 700) => _start.AddSeconds(random.Next(0, maxDays * 86_400));

        private T Pick<T>(IReadOnlyList<T> list) => list[random.Next(list.Count)];

        private static Guid Id() => Guid.CreateVersion7();

        public async Task CooperationsAndUsersAsync(int cooperations, int users)
        {
            var byLand = _municipalities.GroupBy(m => m.Land).ToDictionary(g => g.Key, g => g.Select(m => m.Id).ToList());
            await using var conn = await owner.OpenConnectionAsync();
            await using var tx = await conn.BeginTransactionAsync();
            await using (var coops = await conn.BeginBinaryImportAsync("copy cooperations (id, name, lead_organization_id, required_approvals) from stdin (format binary)"))
            {
                for (var c = 0; c < cooperations; c++)
                {
                    var lead = Pick(_municipalities);
                    var pool = byLand[lead.Land];
                    var members = new HashSet<Guid> { lead.Id };
                    var size = Math.Min(pool.Count, random.Next(3, 9));
                    while (members.Count < size)
                        members.Add(Pick(pool));
                    var id = Id();
                    _cooperations.Add((id, [.. members]));
                    await coops.StartRowAsync();
                    await coops.WriteAsync(id, NpgsqlDbType.Uuid);
                    await coops.WriteAsync($"Bench-Verbund {c + 1}", NpgsqlDbType.Text);
                    await coops.WriteAsync(lead.Id, NpgsqlDbType.Uuid);
                    await coops.WriteAsync(2, NpgsqlDbType.Integer);
                }

                await coops.CompleteAsync();
            }

            await using (var members = await conn.BeginBinaryImportAsync("copy cooperation_members (cooperation_id, organization_id) from stdin (format binary)"))
            {
                foreach (var (id, orgs) in _cooperations)
                {
                    foreach (var org in orgs)
                    {
                        await members.StartRowAsync();
                        await members.WriteAsync(id, NpgsqlDbType.Uuid);
                        await members.WriteAsync(org, NpgsqlDbType.Uuid);
                    }
                }

                await members.CompleteAsync();
            }

            // Every member of a cooperation gets an editor and a reviewer first; the rest of the users spread over all municipalities.
            var cooperating = _cooperations.SelectMany(c => c.Members).Distinct().ToList();
            var roles = new List<(Guid Org, Guid User, string Role)>();
            await using (var copy = await conn.BeginBinaryImportAsync("copy users (id, email, display_name, password_hash) from stdin (format binary)"))
            {
                for (var u = 0; u < users; u++)
                {
                    var org = u < cooperating.Count * 2 ? cooperating[u / 2] : Pick(_municipalities).Id;
                    var role = u < cooperating.Count * 2 ? (u % 2 == 0 ? "editor" : "reviewer") : (random.Next(10) switch { < 6 => "editor", < 9 => "reviewer", _ => "admin" });
                    var id = Id();
                    _users.Add(id);
                    if (!_usersOf.TryGetValue(org, out var list))
                        _usersOf[org] = list = [];
                    list.Add(id);
                    roles.Add((org, id, role));
                    await copy.StartRowAsync();
                    await copy.WriteAsync(id, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"bench{u}@bench.ikzhub.de"), NpgsqlDbType.Text);
                    await copy.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"Bench Person {u}"), NpgsqlDbType.Text);
                    await copy.WriteAsync(_hash, NpgsqlDbType.Text);
                }

                await copy.CompleteAsync();
            }

            // Ministry observers: one per Land, and one who observes every Land (the Germany dashboard).
            foreach (var land in Lands.All.Keys.Append(Lands.Germany))
            {
                var observer = Id();
                await conn.ExecuteAsync(
                    "insert into users (id, email, display_name, password_hash) values (@observer, @email, @name, @hash)",
                    new { observer, email = $"observer-{land}@bench.ikzhub.de", name = $"Bench Observer {Lands.NameOf(land)}", hash = _hash }, tx);
                await conn.ExecuteAsync("insert into observers (user_id, land_code) select @observer, unnest(@lands)",
                    new { observer, lands = land == Lands.Germany ? Lands.All.Keys.ToArray() : [land] }, tx);
            }

            await using (var memberships = await conn.BeginBinaryImportAsync("copy memberships (organization_id, user_id, role) from stdin (format binary)"))
            {
                foreach (var (org, user, role) in roles)
                {
                    await memberships.StartRowAsync();
                    await memberships.WriteAsync(org, NpgsqlDbType.Uuid);
                    await memberships.WriteAsync(user, NpgsqlDbType.Uuid);
                    await memberships.WriteAsync(role, NpgsqlDbType.Text);
                }

                await memberships.CompleteAsync();
            }

            await tx.CommitAsync();
        }

        private Guid UserOf(Guid org) => _usersOf.TryGetValue(org, out var list) ? Pick(list) : Pick(_users);

        public async Task DraftsAsync(int drafts, int revisions, int verdicts)
        {
            // Revisions: one each, the rest spread at random; a round per ~2 verdicts on random revisions.
            var counts = Enumerable.Repeat(1, drafts).ToArray();
            for (var r = drafts; r < revisions; r++)
                counts[random.Next(drafts)]++;
            string[] statuses = ["draft", "in_review", "changes_requested", "approved", "released", "withdrawn"];
            await using var conn = await owner.OpenConnectionAsync();
            await using var tx = await conn.BeginTransactionAsync();
            await using (var copy = await conn.BeginBinaryImportAsync(
                "copy drafts (id, owner_organization_id, cooperation_id, status, current_revision, title, summary, created_by, created_at, updated_at) from stdin (format binary)"))
            {
                for (var d = 0; d < drafts; d++)
                {
                    var (coop, members) = Pick(_cooperations);
                    var ownerOrg = Pick(members);
                    var id = Id();
                    _drafts.Add((id, ownerOrg, coop, counts[d]));
                    _draftStatus.Add(statuses[random.Next(statuses.Length)]);
                    var created = Time();
                    await copy.StartRowAsync();
                    await copy.WriteAsync(id, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(ownerOrg, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(coop, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(_draftStatus[d], NpgsqlDbType.Text);
                    await copy.WriteAsync(counts[d], NpgsqlDbType.Integer);
                    await copy.WriteAsync(Words.Title(random), NpgsqlDbType.Text);
                    await copy.WriteAsync(Words.Sentence(random, 12), NpgsqlDbType.Text);
                    await copy.WriteAsync(UserOf(ownerOrg), NpgsqlDbType.Uuid);
                    await copy.WriteAsync(created, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(created.AddDays(counts[d]), NpgsqlDbType.TimestampTz);
                }

                await copy.CompleteAsync();
            }

            await using (var copy = await conn.BeginBinaryImportAsync(
                "copy draft_revisions (draft_id, revision, title, summary, body, body_html, created_by, created_at) from stdin (format binary)"))
            {
                for (var d = 0; d < _drafts.Count; d++)
                {
                    var (id, ownerOrg, _, count) = _drafts[d];
                    // Every 25th draft has a long description (~20 kB) that each revision changes in one section.
                    var sections = d % 25 == 0 ? Words.LongSections(random) : null;
                    for (var r = 1; r <= count; r++)
                    {
                        if (sections is not null && r > 1)
                            sections[random.Next(sections.Length)] = Words.Sentence(random, 250);
                        var body = sections is null ? Words.Body(random) : Words.Join(sections);
                        await copy.StartRowAsync();
                        await copy.WriteAsync(id, NpgsqlDbType.Uuid);
                        await copy.WriteAsync(r, NpgsqlDbType.Integer);
                        await copy.WriteAsync(Words.Title(random), NpgsqlDbType.Text);
                        await copy.WriteAsync(Words.Sentence(random, 12), NpgsqlDbType.Text);
                        await copy.WriteAsync(body, NpgsqlDbType.Text);
                        await copy.WriteAsync("<p>" + System.Net.WebUtility.HtmlEncode(body).Replace("\n\n", "</p>\n<p>", StringComparison.Ordinal) + "</p>", NpgsqlDbType.Text);
                        await copy.WriteAsync(UserOf(ownerOrg), NpgsqlDbType.Uuid);
                        await copy.WriteAsync(Time(), NpgsqlDbType.TimestampTz);
                    }
                }

                await copy.CompleteAsync();
            }

            var roundList = new List<(Guid Round, Guid Draft, int Revision, Guid[] Reviewers)>();
            await using (var rounds = await conn.BeginBinaryImportAsync(
                "copy review_rounds (id, draft_id, revision, opened_by, opened_at, closed_at, outcome) from stdin (format binary)"))
            {
                for (var made = 0; made < verdicts;)
                {
                    var (draft, ownerOrg, coop, count) = Pick(_drafts);
                    var partners = _cooperations.First(c => c.Id == coop).Members.Where(m => m != ownerOrg).ToArray();
                    if (partners.Length == 0)
                        continue;
                    var round = Id();
                    var revision = random.Next(1, count + 1);
                    var opened = Time();
                    var take = Math.Min(partners.Length, 2);
                    roundList.Add((round, draft, revision, partners.Take(take).ToArray()));
                    made += take;
                    await rounds.StartRowAsync();
                    await rounds.WriteAsync(round, NpgsqlDbType.Uuid);
                    await rounds.WriteAsync(draft, NpgsqlDbType.Uuid);
                    await rounds.WriteAsync(revision, NpgsqlDbType.Integer);
                    await rounds.WriteAsync(UserOf(ownerOrg), NpgsqlDbType.Uuid);
                    await rounds.WriteAsync(opened, NpgsqlDbType.TimestampTz);
                    await rounds.WriteAsync(opened.AddDays(3), NpgsqlDbType.TimestampTz);
                    await rounds.WriteAsync("approved", NpgsqlDbType.Text);
                }

                // Drafts in review wait for their partners: an open round on the current revision, no verdicts yet.
                for (var d = 0; d < _drafts.Count; d++)
                {
                    if (_draftStatus[d] != "in_review")
                        continue;
                    var (draft, ownerOrg, _, count) = _drafts[d];
                    await rounds.StartRowAsync();
                    await rounds.WriteAsync(Id(), NpgsqlDbType.Uuid);
                    await rounds.WriteAsync(draft, NpgsqlDbType.Uuid);
                    await rounds.WriteAsync(count, NpgsqlDbType.Integer);
                    await rounds.WriteAsync(UserOf(ownerOrg), NpgsqlDbType.Uuid);
                    await rounds.WriteAsync(_start.AddDays(700 + random.Next(30)), NpgsqlDbType.TimestampTz);
                    await rounds.WriteNullAsync();
                    await rounds.WriteNullAsync();
                }

                await rounds.CompleteAsync();
            }

            await conn.ExecuteAsync(
                "update drafts d set open_round_id = rr.id from review_rounds rr where rr.draft_id = d.id and rr.closed_at is null", transaction: tx);

            await using (var reviews = await conn.BeginBinaryImportAsync(
                    "copy reviews (id, round_id, draft_id, revision, organization_id, reviewer_user_id, verdict, body, body_html, created_at) from stdin (format binary)"))
            {
                foreach (var (round, draft, revision, reviewers) in roundList)
                {
                    foreach (var org in reviewers)
                    {
                        var text = Words.Sentence(random, 15);
                        await reviews.StartRowAsync();
                        await reviews.WriteAsync(Id(), NpgsqlDbType.Uuid);
                        await reviews.WriteAsync(round, NpgsqlDbType.Uuid);
                        await reviews.WriteAsync(draft, NpgsqlDbType.Uuid);
                        await reviews.WriteAsync(revision, NpgsqlDbType.Integer);
                        await reviews.WriteAsync(org, NpgsqlDbType.Uuid);
                        await reviews.WriteAsync(UserOf(org), NpgsqlDbType.Uuid);
                        await reviews.WriteAsync(random.Next(4) == 0 ? "comment" : "approve", NpgsqlDbType.Text);
                        await reviews.WriteAsync(text, NpgsqlDbType.Text);
                        await reviews.WriteAsync("<p>" + text + "</p>", NpgsqlDbType.Text);
                        await reviews.WriteAsync(Time(), NpgsqlDbType.TimestampTz);
                    }
                }

                await reviews.CompleteAsync();
            }

            await tx.CommitAsync();
        }

        public async Task ReleasesAsync(int releases)
        {
            await using var conn = await owner.OpenConnectionAsync();
            await using var tx = await conn.BeginTransactionAsync();
            // Drafts with released versions, one release per revision from the first up, a minor step each.
            var candidates = _drafts.OrderBy(_ => random.Next()).ToList();
            await using (var copy = await conn.BeginBinaryImportAsync(
                "copy releases (id, draft_id, owner_organization_id, cooperation_id, revision, major, minor, breaking, notes, notes_html, title, released_by, released_at) from stdin (format binary)"))
            {
                foreach (var (draft, ownerOrg, coop, count) in candidates)
                {
                    if (_releases.Count >= releases)
                        break;
                    for (var r = 1; r <= Math.Min(count, 1 + random.Next(2)) && _releases.Count < releases; r++)
                    {
                        var id = Id();
                        _releases.Add((id, draft, r));
                        var notes = Words.Sentence(random, 20);
                        await copy.StartRowAsync();
                        await copy.WriteAsync(id, NpgsqlDbType.Uuid);
                        await copy.WriteAsync(draft, NpgsqlDbType.Uuid);
                        await copy.WriteAsync(ownerOrg, NpgsqlDbType.Uuid);
                        await copy.WriteAsync(coop, NpgsqlDbType.Uuid);
                        await copy.WriteAsync(r, NpgsqlDbType.Integer);
                        await copy.WriteAsync(1, NpgsqlDbType.Integer);
                        await copy.WriteAsync(r - 1, NpgsqlDbType.Integer);
                        await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                        await copy.WriteAsync(notes, NpgsqlDbType.Text);
                        await copy.WriteAsync("<p>" + notes + "</p>", NpgsqlDbType.Text);
                        await copy.WriteAsync(Words.Title(random), NpgsqlDbType.Text);
                        await copy.WriteAsync(UserOf(ownerOrg), NpgsqlDbType.Uuid);
                        await copy.WriteAsync(Time(), NpgsqlDbType.TimestampTz);
                    }
                }

                await copy.CompleteAsync();
            }

            // Released drafts link the OZG-Leistungen they implement (the public catalogue and adoptions follow them).
            await using (var links = await conn.BeginBinaryImportAsync("copy draft_catalog_services (draft_id, ozg_id) from stdin (format binary)"))
            {
                foreach (var draft in _releases.Select(r => r.Draft).Distinct())
                {
                    await links.StartRowAsync();
                    await links.WriteAsync(draft, NpgsqlDbType.Uuid);
                    await links.WriteAsync(Pick(_ozgIds), NpgsqlDbType.Text);
                }

                await links.CompleteAsync();
            }

            await tx.CommitAsync();
        }

        public async Task CommentsAsync(int comments)
        {
            await using var conn = await owner.OpenConnectionAsync();
            await using var copy = await conn.BeginBinaryImportAsync(
                "copy comments (id, draft_id, author_user_id, body, body_html, created_at) from stdin (format binary)");
            for (var c = 0; c < comments; c++)
            {
                var (draft, _, coop, _) = Pick(_drafts);
                var text = Words.Sentence(random, 18);
                await copy.StartRowAsync();
                await copy.WriteAsync(Id(), NpgsqlDbType.Uuid);
                await copy.WriteAsync(draft, NpgsqlDbType.Uuid);
                await copy.WriteAsync(UserOf(Pick(_cooperations.First(x => x.Id == coop).Members)), NpgsqlDbType.Uuid);
                await copy.WriteAsync(text, NpgsqlDbType.Text);
                await copy.WriteAsync("<p>" + text + "</p>", NpgsqlDbType.Text);
                await copy.WriteAsync(Time(), NpgsqlDbType.TimestampTz);
            }

            await copy.CompleteAsync();
        }

        public async Task AdoptionsAsync(int adoptions)
        {
            var taken = new HashSet<(Guid, Guid)>();
            var newest = _releases.GroupBy(r => r.Draft).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Revision).ToList());
            var services = newest.Keys.ToList();
            var owners = _drafts.ToDictionary(d => d.Id, d => d.Owner);
            string[] statuses = ["planned", "in_progress", "live", "live", "dropped"];
            await using var conn = await owner.OpenConnectionAsync();
            await using var copy = await conn.BeginBinaryImportAsync(
                "copy adoptions (id, organization_id, draft_id, release_id, status, planned_for, live_since, notes, notes_html, created_by, created_at, updated_at) from stdin (format binary)");
            var limit = Math.Min(adoptions, (long)services.Count * _municipalities.Count / 2);
            for (var made = 0; made < limit;)
            {
                var draft = Pick(services);
                var org = Pick(_municipalities).Id;
                if (org == owners[draft] || !taken.Add((org, draft)))
                    continue;
                made++;
                var release = Pick(newest[draft]);
                var status = statuses[random.Next(statuses.Length)];
                var created = Time();
                await copy.StartRowAsync();
                await copy.WriteAsync(Id(), NpgsqlDbType.Uuid);
                await copy.WriteAsync(org, NpgsqlDbType.Uuid);
                await copy.WriteAsync(draft, NpgsqlDbType.Uuid);
                await copy.WriteAsync(release.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(status, NpgsqlDbType.Text);
                await copy.WriteAsync(DateOnly.FromDateTime(created.AddDays(30).UtcDateTime), NpgsqlDbType.Date);
                if (status == "live")
                    await copy.WriteAsync(DateOnly.FromDateTime(created.AddDays(60).UtcDateTime), NpgsqlDbType.Date);
                else
                    await copy.WriteNullAsync();
                await copy.WriteAsync("", NpgsqlDbType.Text);
                await copy.WriteAsync("", NpgsqlDbType.Text);
                await copy.WriteAsync(UserOf(org), NpgsqlDbType.Uuid);
                await copy.WriteAsync(created, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(created, NpgsqlDbType.TimestampTz);
            }

            await copy.CompleteAsync();
        }

        // Millions of rows (this and the audit events): the synchronous COPY API costs a fraction of an await per field.
        public async Task StatusAsync()
        {
            string[] statuses = ["not_started", "planned", "in_progress", "live", "live", "no_solution", "not_relevant"];
            await using var conn = await owner.OpenConnectionAsync();
            using var copy = conn.BeginBinaryImport(
                "copy implementation_status (organization_id, ozg_id, responsible, status, reifegrad, reason, updated_at) from stdin (format binary)");
            var at = _start.AddDays(700);
            foreach (var (org, _) in _municipalities)
            {
                foreach (var ozg in _ozgIds)
                {
                    var status = statuses[random.Next(statuses.Length)];
                    copy.StartRow();
                    copy.Write(org, NpgsqlDbType.Uuid);
                    copy.Write(ozg, NpgsqlDbType.Text);
                    copy.Write(_municipal.Contains(ozg), NpgsqlDbType.Boolean);
                    copy.Write(status, NpgsqlDbType.Text);
                    if (status == "live")
                        copy.Write((short)random.Next(1, 5), NpgsqlDbType.Smallint);
                    else
                        copy.WriteNull();
                    if (status == "not_relevant")
                        copy.Write("Nicht zuständig", NpgsqlDbType.Text);
                    else
                        copy.WriteNull();
                    copy.Write(at, NpgsqlDbType.TimestampTz);
                }
            }

            copy.Complete();
        }

        /// <summary>
        /// Audit events with the chain computed here exactly as migration 0009's trigger does (the canonical text is
        /// PostgreSQL's rendering of a jsonb array), written with the chain trigger off; <c>./hub audit verify</c> checks it.
        /// </summary>
        public async Task AuditAsync(int events)
        {
            await using var conn = await owner.OpenConnectionAsync();
            var (seq, previous) = await conn.QuerySingleAsync<(long, byte[])>(
                "select coalesce(max(seq), 0), coalesce((select hash from audit_events order by seq desc limit 1), decode(repeat('00', 32), 'hex')) from audit_events");
            await conn.ExecuteAsync("alter table audit_events disable trigger trg_audit_events_chain");
            string[] actions = ["edited", "submitted", "approved", "commented", "released", "changes_requested"];
            var times = Enumerable.Range(0, events).Select(_ => _start.AddTicks(random.NextInt64(0, TimeSpan.FromDays(700).Ticks) / 10 * 10)).Order().ToList();
            using (var copy = conn.BeginBinaryImport(
                "copy audit_events (id, occurred_at, actor_user_id, acting_organization_id, entity_type, entity_id, action, before, after, seq, prev_hash, hash) from stdin (format binary)"))
            {
                foreach (var at in times)
                {
                    var (draft, ownerOrg, _, revisions) = Pick(_drafts);
                    var actor = UserOf(ownerOrg);
                    var action = actions[random.Next(actions.Length)];
                    var revision = random.Next(1, revisions + 1);
                    var id = Id();
                    var micros = (at - DateTimeOffset.UnixEpoch).Ticks / 10;
                    var before = string.Create(CultureInfo.InvariantCulture, $"{{\"revision\": {revision}}}");
                    var after = string.Create(CultureInfo.InvariantCulture, $"{{\"action\": \"{action}\", \"revision\": {revision}}}");
                    seq++;
                    var canonical = string.Create(CultureInfo.InvariantCulture,
                        $"[{seq}, \"{id}\", {micros}, \"{actor}\", \"{ownerOrg}\", \"draft\", \"{draft}\", \"{action}\", {before}, {after}]");
                    var hash = SHA256.HashData([.. previous, .. Encoding.UTF8.GetBytes(canonical)]);
                    copy.StartRow();
                    copy.Write(id, NpgsqlDbType.Uuid);
                    copy.Write(at, NpgsqlDbType.TimestampTz);
                    copy.Write(actor, NpgsqlDbType.Uuid);
                    copy.Write(ownerOrg, NpgsqlDbType.Uuid);
                    copy.Write("draft", NpgsqlDbType.Text);
                    copy.Write(draft, NpgsqlDbType.Uuid);
                    copy.Write(action, NpgsqlDbType.Text);
                    copy.Write(before, NpgsqlDbType.Jsonb);
                    copy.Write(after, NpgsqlDbType.Jsonb);
                    copy.Write(seq, NpgsqlDbType.Bigint);
                    copy.Write(previous, NpgsqlDbType.Bytea);
                    copy.Write(hash, NpgsqlDbType.Bytea);
                    previous = hash;
                }

                copy.Complete();
            }

            await conn.ExecuteAsync("alter table audit_events enable trigger trg_audit_events_chain");
        }
    }
}
