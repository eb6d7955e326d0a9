using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Hub.Testing;
using Hub.Testing.Web;
using Hub.Web.Tests.Drafts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Hub.Web.Tests.Security;

/// <summary>
/// Every route (pages and API) × method × role × object state, with the expected answer in one table. Every response
/// also carries the security headers. A foreign id answers exactly like one that does not exist.
/// </summary>
public sealed class AccessMatrixTests(HubWebFactory app) : IClassFixture<HubWebFactory>
{
    // Roles: -- signed out · OE editor of the owner (Viernheim) · PE editor of a partner (Bensheim) · XE editor outside the
    // cooperation (Wetzlar) · PR reviewer of a partner (Bensheim) · CO coordinator of the cooperation · OB observer of the
    // Land (HMdIS) · PA platform admin.
    // Answers: S sign-in first (pages 302 to /anmelden, API 401) · R read (200) · W allowed (2xx/3xx, or 400/409 because of
    // the content or the object's state) · F refused (403, or 409 where the state refuses first; never a success) ·
    // H hidden (404, exactly as for an id that does not exist) · a number: exactly that status.
    // {draft} rows run once per draft state (draft, in_review, changes_requested, approved, released, withdrawn);
    // {unreleased} rows once per state but released; {release} rows once per release state (active, deprecated, withdrawn).
    // The order matters only where a row changes what later rows find; destructive rows come last.
    private static readonly string[] _matrix =
    [
        //                                                           --   OE   PE   XE   PR   CO   OB   PA
        "GET    /                                                     R    R    R    R    R    R    R    R",
        "GET    /anmelden                                             R    R    R    R    R    R    R    R",
        "GET    /dienste                                              R    R    R    R    R    R    R    R",
        "GET    /dienste/{unreleased}                                 H    H    H    H    H    H    H    H",
        "GET    /dienste/{released}                                   R    R    R    R    R    R    R    R",
        "GET    /dienste/feed.atom                                    R    R    R    R    R    R    R    R",
        "GET    /dienste/{released}/feed.atom                         R    R    R    R    R    R    R    R",
        "GET    /katalog                                              R    R    R    R    R    R    R    R",
        "GET    /katalog/{ozg}                                        R    R    R    R    R    R    R    R",
        "GET    /api/v1/catalog/services                              R    R    R    R    R    R    R    R",
        "GET    /api/v1/catalog/services/{ozg}                        R    R    R    R    R    R    R    R",
        "GET    /api/v1/catalog/themenfelder                          R    R    R    R    R    R    R    R",
        "GET    /fehler/{code}                                        404  404  404  404  404  404  404  404",
        "GET    /healthz                                              R    R    R    R    R    R    R    R",
        "GET    /openapi/{doc}.json                                   R    R    R    R    R    R    R    R",
        "GET    /bench/fortunes                                       404  404  404  404  404  404  404  404",

        "GET    /entwuerfe                                            S    R    R    R    R    R    R    R",
        "GET    /entwuerfe/neu                                        S    R    R    R    F    F    F    F",
        "GET    /entwuerfe/{draft}                                    S    R    R    H    R    R    R    H",
        "GET    /entwuerfe/{draft}/bearbeiten                         S    R    F    H    F    F    F    H",
        "GET    /entwuerfe/{draft}/fassungen/1                        S    R    R    H    R    R    R    H",
        "GET    /entwuerfe/{draft}/vergleich                          S    R    R    H    R    R    R    H",
        "GET    /entwuerfe/{draft}/verlauf                            S    R    R    H    R    R    R    H",
        "GET    /api/v1/drafts                                        S    R    R    R    R    R    R    R",
        "GET    /api/v1/drafts/{draft}                                S    R    R    H    R    R    R    H",
        "GET    /api/v1/drafts/{draft}/revisions                      S    R    R    H    R    R    R    H",
        "GET    /api/v1/drafts/{draft}/revisions/1                    S    R    R    H    R    R    R    H",
        "GET    /api/v1/drafts/{draft}/diff?from=1&to=1               S    R    R    H    R    R    R    H",
        "GET    /api/v1/drafts/{draft}/reviews                        S    R    R    H    R    R    R    H",
        "GET    /api/v1/drafts/{draft}/comments                       S    R    R    H    R    R    R    H",
        "GET    /api/v1/audit?entityType=draft&entityId={draft}       S    R    R    H    R    R    R    H",
        "POST   /entwuerfe/neu                                        S    W    W    W    F    F    F    F",
        "POST   /api/v1/drafts                                        S    W    F    F    F    F    F    F",
        "POST   /entwuerfe/{draft}/kommentare                         S    W    W    H    W    W    F    H",
        "POST   /api/v1/drafts/{draft}/comments                       S    W    W    H    W    W    F    H",
        "POST   /kommentare/{comment}/erledigen                       S    W    F    H    F    W    F    H",
        "POST   /api/v1/comments/{comment}/resolve                    S    W    F    H    F    W    F    H",
        "POST   /entwuerfe/{draft}/bearbeiten                         S    W    F    H    F    F    F    H",
        "PUT    /api/v1/drafts/{draft}                                S    W    F    H    F    F    F    H",
        "POST   /entwuerfe/{draft}/einreichen                         S    W    F    H    F    F    F    H",
        "POST   /api/v1/drafts/{draft}/submit                         S    W    F    H    F    F    F    H",
        "POST   /entwuerfe/{draft}/pruefen                            S    F    F    H    W    F    F    H",
        "POST   /api/v1/drafts/{draft}/reviews                        S    F    F    H    W    F    F    H",
        "POST   /entwuerfe/{draft}/zurueckholen                       S    W    F    H    F    F    F    H",
        "POST   /api/v1/drafts/{draft}/recall                         S    W    F    H    F    F    F    H",
        "POST   /entwuerfe/{draft}/freigeben                          S    W    F    H    F    W    F    H",
        "POST   /api/v1/drafts/{draft}/release                        S    W    F    H    F    W    F    H",

        "GET    /freigaben                                            S    R    R    R    R    R    R    R",
        "GET    /freigaben/{release}                                  S    R    R    R    R    R    R    R",
        "GET    /api/v1/releases                                      S    R    R    R    R    R    R    R",
        "GET    /api/v1/releases/{release}                            S    R    R    R    R    R    R    R",
        "GET    /api/v1/audit?entityType=release&entityId={release}   S    R    R    R    R    R    R    R",
        "POST   /freigaben/{release}/nachnutzen                       S    F    F    F    F    F    F    F",
        "GET    /nachnutzungen                                        S    R    R    R    R    R    R    R",
        "GET    /nachnutzungen/{adoption}                             S    H    R    H    R    H    R    R",
        "GET    /api/v1/adoptions/{adoption}                          S    H    R    H    R    H    R    R",
        "GET    /api/v1/adoptions?organizationId={adopter}            S    H    R    H    R    H    R    R",
        "POST   /nachnutzungen/{adoption}                             S    H    F    H    F    H    F    F",
        "PATCH  /api/v1/adoptions/{adoption}                          S    H    F    H    F    H    F    F",
        "POST   /nachnutzungen/{adoption}/aktualisieren               S    H    F    H    F    H    F    F",
        "POST   /api/v1/adoptions/{adoption}/upgrade                  S    H    F    H    F    H    F    F",
        "POST   /api/v1/adoptions                                     S    F    F    F    F    F    F    F",

        "GET    /posteingang                                          S    R    R    R    R    R    R    R",
        "POST   /posteingang/gelesen                                  S    W    W    W    W    W    W    W",
        "GET    /api/v1/inbox                                         S    R    R    R    R    R    R    R",
        "POST   /api/v1/inbox/read                                    S    W    W    W    W    W    W    W",
        "GET    /api/v1/tasks                                         S    R    R    R    R    R    R    R",

        "GET    /organisationen                                       S    R    R    R    R    R    R    R",
        "GET    /organisationen/{org}                                 S    R    R    R    R    R    R    R",
        "GET    /organisationen/{org}/mitglieder                      S    F    F    F    F    F    F    R",
        "POST   /organisationen/{org}/mitglieder                      S    F    F    F    F    F    F    W",
        "POST   /organisationen/{org}/mitglieder/{user}/rolle         S    F    F    F    F    F    F    W",
        "GET    /organisationen/{org}/umsetzungsstand                 S    R    R    H    R    H    R    R",
        "GET    /organisationen/{org}/umsetzungsstand.csv             S    R    R    H    R    H    R    R",
        "POST   /organisationen/{org}/umsetzungsstand                 S    W    F    H    F    H    F    F",
        "POST   /organisationen/{org}/umsetzungsstand/csv             S    W    F    H    F    H    F    F",
        "GET    /api/v1/organizations/{org}/implementation-status     S    R    R    H    R    H    R    R",
        "GET    /api/v1/organizations/{org}/implementation-status/csv S    R    R    H    R    H    R    R",
        "PUT    /api/v1/organizations/{org}/implementation-status     S    W    F    H    F    H    F    F",
        "POST   /api/v1/organizations/{org}/implementation-status/csv S    W    F    H    F    H    F    F",
        "GET    /fortschritt/organisationen/{org}                     S    R    R    H    R    H    R    R",
        "GET    /fortschritt/organisationen/{org}.csv                 S    R    R    H    R    H    R    R",
        "GET    /api/v1/progress/organizations/{org}                  S    R    R    H    R    H    R    R",
        "GET    /fortschritt/verbuende/{coop}                         S    R    R    H    R    R    R    R",
        "GET    /fortschritt/verbuende/{coop}.csv                     S    R    R    H    R    R    R    R",
        "GET    /api/v1/progress/cooperations/{coop}                  S    R    R    H    R    R    R    R",
        "GET    /fortschritt/laender/06                               S    F    F    F    F    F    R    R",
        "GET    /fortschritt/laender/06.csv                           S    F    F    F    F    F    R    R",
        "GET    /fortschritt/laender/de                               S    F    F    F    F    F    F    R",
        "GET    /api/v1/progress/states/06                            S    F    F    F    F    F    R    R",
        "GET    /api/v1/progress/states/de                            S    F    F    F    F    F    F    R",
        "GET    /verbuende                                            S    R    R    R    R    R    R    R",
        "GET    /verbuende/{coop}                                     S    R    R    R    R    R    R    R",
        "POST   /verbuende/{coop}/pruefregel                          S    F    F    F    F    W    F    W",
        "PUT    /api/v1/cooperations/{coop}/policy                    S    F    F    F    F    W    F    W",
        "POST   /verbuende/{coop}/koordination                        S    F    F    F    F    F    F    W",
        "GET    /api/v1/me                                            S    R    R    R    R    R    R    R",
        "GET    /api/v1/organizations                                 S    R    R    R    R    R    R    R",
        "GET    /api/v1/organizations/{org}                           S    R    R    R    R    R    R    R",
        "GET    /api/v1/cooperations                                  S    R    R    R    R    R    R    R",
        "GET    /api/v1/cooperations/{coop}                           S    R    R    R    R    R    R    R",
        "GET    /api/v1/audit?entityType=organization&entityId={org}  S    R    H    H    H    H    H    R",
        "GET    /api/v1/audit?entityType=cooperation&entityId={coop}  S    R    R    H    R    R    H    R",
        "GET    /admin/organisationen/neu                             S    F    F    F    F    F    F    R",
        "POST   /admin/organisationen/neu                             S    F    F    F    F    F    F    W",
        "GET    /admin/verbuende/neu                                  S    F    F    F    F    F    F    R",
        "POST   /admin/verbuende/neu                                  S    F    F    F    F    F    F    W",
        "POST   /api/v1/organizations                                 S    F    F    F    F    F    F    W",
        "POST   /api/v1/cooperations                                  S    F    F    F    F    F    F    W",
        "POST   /api/v1/admin/users/{user}/disable                    S    F    F    F    F    F    F    W",
        "POST   /api/v1/admin/users/{user}/enable                     S    F    F    F    F    F    F    W",
        "GET    /konto/passwort                                       S    R    R    R    R    R    R    R",
        "POST   /konto/passwort                                       S    W    W    W    W    W    W    W",
        "POST   /api/v1/me/password                                   S    W    W    W    W    W    W    W",
        "POST   /sprache                                              W    W    W    W    W    W    W    W",

        // Destructive last: they change the objects (and the session) the rows above use.
        "POST   /freigaben/{release}/veraltet                         S    W    F    F    F    W    F    F",
        "POST   /api/v1/releases/{release}/deprecate                  S    W    F    F    F    W    F    F",
        "POST   /freigaben/{release}/zurueckziehen                    S    W    F    F    F    W    F    F",
        "POST   /api/v1/releases/{release}/withdraw                   S    W    F    F    F    W    F    F",
        "POST   /entwuerfe/{draft}/zurueckziehen                      S    W    F    H    F    F    F    H",
        "POST   /api/v1/drafts/{draft}/withdraw                       S    W    F    H    F    F    F    H",
        "POST   /organisationen/{org}/mitglieder/{user}/entfernen     S    F    F    F    F    F    F    W",
        "POST   /anmelden                                             W    W    W    W    W    W    W    W",
        "POST   /api/v1/auth/token                                    401  401  401  401  401  401  401  401",
        "POST   /abmelden                                             W    W    W    W    W    W    W    W",
        "DELETE /api/v1/auth/token                                    S    W    W    W    W    W    W    W",
    ];

    private static readonly string[] _roles = ["--", "OE", "PE", "XE", "PR", "CO", "OB", "PA"];

    private sealed record Row(string Method, string Template, string[] Expected);

    private static List<Row> Rows() => _matrix.Select(line =>
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(parts.Length == 2 + _roles.Length, $"matrix row needs a method, a route and {_roles.Length} answers: {line}");
        return new Row(parts[0], parts[1], parts[2..]);
    }).ToList();

    /// <summary>One signed-in role: a cookie browser for pages and a bearer client for the API.</summary>
    private sealed record Session(string Role, HttpClient Pages, HttpClient Api, string? Token);

    private sealed class World
    {
        public Dictionary<string, Guid> Drafts { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Guid> Releases { get; } = new(StringComparer.Ordinal);

        public Guid Released { get; set; }

        public Guid Release { get; set; }

        public Guid Adoption { get; set; }

        public Guid Adopter { get; set; }

        public Guid Comment { get; set; }

        public Guid Org { get; set; }

        public Guid Coop { get; set; }

        public Guid User { get; set; }
    }

    private async Task<World> WorldAsync()
    {
        var w = new World();
        var (org, coop) = await DraftApi.ViernheimAsync(app);
        w.Org = org;
        w.Coop = coop;
        var owner = await app.ApiAsync("editor@viernheim.demo");
        async Task<Guid> NewAsync(string state) => (await DraftApi.NewDraftAsync(app, "Matrix " + state)).Id;
        async Task PostAsync(HttpClient c, string path, object body, HttpStatusCode expected) => await DraftApi.JsonAsync(await c.PostAsJsonAsync(path, body), expected);

        w.Drafts["draft"] = await NewAsync("Entwurf");
        var inReview = await NewAsync("in Prüfung");
        await PostAsync(owner, $"/api/v1/drafts/{inReview}/submit", new { revision = 1 }, HttpStatusCode.OK);
        w.Drafts["in_review"] = inReview;
        var changes = await NewAsync("Änderungen erbeten");
        await PostAsync(owner, $"/api/v1/drafts/{changes}/submit", new { revision = 1 }, HttpStatusCode.OK);
        await PostAsync(await app.ApiAsync("reviewer@bensheim.demo"), $"/api/v1/drafts/{changes}/reviews", new { verdict = "request_changes", body = "Bitte ergänzen" }, HttpStatusCode.Created);
        w.Drafts["changes_requested"] = changes;
        var approved = await NewAsync("freigabebereit");
        await PostAsync(owner, $"/api/v1/drafts/{approved}/submit", new { revision = 1 }, HttpStatusCode.OK);
        foreach (var reviewer in new[] { "reviewer@bensheim.demo", "reviewer@mrn.demo" })
            await PostAsync(await app.ApiAsync(reviewer), $"/api/v1/drafts/{approved}/reviews", new { verdict = "approve" }, HttpStatusCode.Created);
        w.Drafts["approved"] = approved;
        var released = await NewAsync("freigegeben");
        w.Release = (await DraftApi.ApproveAndReleaseAsync(app, released, false, "Erste Fassung")).ReleaseId;
        w.Drafts["released"] = released;
        w.Released = released;
        w.Releases["active"] = w.Release;
        foreach (var (state, action) in new[] { ("deprecated", "deprecate"), ("withdrawn", "withdraw") })
        {
            var other = await NewAsync("Freigabe " + state);
            var release = (await DraftApi.ApproveAndReleaseAsync(app, other, false, "Matrix")).ReleaseId;
            await PostAsync(owner, $"/api/v1/releases/{release}/{action}", new { reason = "Matrix" }, HttpStatusCode.OK);
            w.Releases[state] = release;
        }

        var withdrawn = await NewAsync("zurückgezogen");
        await PostAsync(owner, $"/api/v1/drafts/{withdrawn}/withdraw", new { reason = "Doppelt" }, HttpStatusCode.OK);
        w.Drafts["withdrawn"] = withdrawn;

        var comment = await DraftApi.JsonAsync(await (await app.ApiAsync("reviewer@bensheim.demo")).PostAsJsonAsync($"/api/v1/drafts/{inReview}/comments", new { body = "Frage zur Gebühr" }), HttpStatusCode.Created);
        w.Comment = comment.GetProperty("id").GetGuid();

        // Zwingenberg (in Bensheim's cooperation, outside Viernheim's) adopts the release.
        await using var conn = await app.DataSource.OpenConnectionAsync();
        w.Adopter = await conn.QuerySingleAsync<Guid>("select id from organizations where name = 'Zwingenberg'");
        var adoption = await DraftApi.JsonAsync(await (await app.ApiAsync("editor@zwingenberg.demo")).PostAsJsonAsync("/api/v1/adoptions", new { releaseId = w.Release, organizationId = w.Adopter }), HttpStatusCode.Created);
        w.Adoption = adoption.GetProperty("id").GetGuid();
        w.User = (await app.Data.UserAsync(null, false, (org, "reviewer"))).Id;
        return w;
    }

    private async Task<List<Session?>> SessionsAsync()
    {
        var bensheim = await (await app.DataSource.OpenConnectionAsync()).QuerySingleAsync<Guid>("select id from organizations where name = 'Bensheim'");
        var (_, partnerEditor) = await app.Data.UserAsync(null, false, (bensheim, "editor"));
        var emails = new (string Role, string Email, string Password)[]
        {
            ("OE", "editor@viernheim.demo", HubWebFactory.DemoPassword), ("PE", partnerEditor, TestData.Password), ("XE", "editor@wetzlar.demo", HubWebFactory.DemoPassword),
            ("PR", "reviewer@bensheim.demo", HubWebFactory.DemoPassword), ("CO", "coordinator@viernheim.demo", HubWebFactory.DemoPassword),
            ("OB", "observer@hmdis.demo", HubWebFactory.DemoPassword), ("PA", "admin@ikzhub.demo", HubWebFactory.DemoPassword),
        };
        var sessions = new List<Session?> { new("--", app.Browser(), app.Browser(), null) };
        foreach (var (role, email, password) in emails)
        {
            var api = await app.ApiAsync(email, password);
            sessions.Add(new Session(role, await app.SignedInAsync(email, password), api, api.DefaultRequestHeaders.Authorization!.Parameter));
        }

        return sessions;
    }

    /// <summary>The route with its ids; <paramref name="target"/> is the row's object in its current state (a draft or a release).</summary>
    private static string Fill(string template, World w, Guid target) => template
        .Replace("{draft}", target.ToString(), StringComparison.Ordinal)
        .Replace("{unreleased}", target.ToString(), StringComparison.Ordinal)
        .Replace("{released}", w.Released.ToString(), StringComparison.Ordinal)
        .Replace("{release}", target.ToString(), StringComparison.Ordinal)
        .Replace("{adoption}", w.Adoption.ToString(), StringComparison.Ordinal)
        .Replace("{adopter}", w.Adopter.ToString(), StringComparison.Ordinal)
        .Replace("{comment}", w.Comment.ToString(), StringComparison.Ordinal)
        .Replace("{org}", w.Org.ToString(), StringComparison.Ordinal)
        .Replace("{coop}", w.Coop.ToString(), StringComparison.Ordinal)
        .Replace("{user}", w.User.ToString(), StringComparison.Ordinal)
        .Replace("{ozg}", "10557", StringComparison.Ordinal)
        .Replace("{code}", "404", StringComparison.Ordinal)
        .Replace("{doc}", "v1", StringComparison.Ordinal);

    /// <summary>A body that gets past model binding, so the answer is about access (and content or state where allowed).</summary>
    private static StringContent? ApiBody(string method, string template, World w) => (method, template) switch
    {
        ("PUT", "/api/v1/drafts/{draft}") => Json(new { title = "Matrix geändert", body = "## Ablauf\n\nNeu", baseRevision = 1 }),
        ("POST", "/api/v1/drafts") => Json(new { organizationId = w.Org, cooperationId = w.Coop, title = "Matrix neu", body = "x" }),
        (_, "/api/v1/drafts/{draft}/submit") => Json(new { revision = 1 }),
        (_, "/api/v1/drafts/{draft}/reviews") => Json(new { verdict = "comment", body = "Matrix" }),
        (_, "/api/v1/drafts/{draft}/release") => Json(new { notes = "Matrix", breaking = false }),
        (_, "/api/v1/drafts/{draft}/withdraw") => Json(new { reason = "Matrix" }),
        (_, "/api/v1/drafts/{draft}/comments") => Json(new { body = "Matrix" }),
        (_, "/api/v1/releases/{release}/deprecate") => Json(new { reason = "Matrix" }),
        (_, "/api/v1/releases/{release}/withdraw") => Json(new { reason = "Matrix" }),
        ("PATCH", "/api/v1/adoptions/{adoption}") => Json(new { status = "in_progress", baseRowVersion = 1 }),
        (_, "/api/v1/adoptions/{adoption}/upgrade") => Json(new { releaseId = w.Release, baseRowVersion = 1 }),
        ("POST", "/api/v1/adoptions") => Json(new { releaseId = w.Release, organizationId = w.Adopter }),
        (_, "/api/v1/inbox/read") => Json(new { ids = Array.Empty<Guid>() }),
        (_, "/api/v1/organizations/{org}/implementation-status") => Json(new { rows = new[] { new { ozgId = "10557", responsible = true, status = "in_progress" } } }),
        (_, "/api/v1/cooperations/{coop}/policy") => Json(new { requiredApprovals = 2, baseRequiredApprovals = 2 }),
        ("POST", "/api/v1/organizations") => Json(new { name = "", kind = "gemeinde", landCode = "06" }),
        ("POST", "/api/v1/cooperations") => Json(new { name = "" }),
        (_, "/api/v1/me/password") => Json(new { currentPassword = "falsch-falsch", newPassword = "Matrix-Passwort-2026" }),
        ("POST", "/api/v1/auth/token") => Json(new { email = "niemand@viernheim.demo", password = "falsch" }),
        (_, "/api/v1/organizations/{org}/implementation-status/csv") => new StringContent("ags,ozg_id\n", Encoding.UTF8, "text/csv"),
        ("GET", _) or ("DELETE", _) => null,
        _ => Json(new { }),
    };

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static Dictionary<string, string> FormFields(string template, World w) => template switch
    {
        "/entwuerfe/neu" => new() { ["OrganizationId"] = w.Org.ToString(), ["CooperationId"] = w.Coop.ToString(), ["Title"] = "Matrix Formular", ["Body"] = "x" },
        "/entwuerfe/{draft}/bearbeiten" => new() { ["Title"] = "Matrix geändert", ["Body"] = "neu", ["BaseRevision"] = "1" },
        "/entwuerfe/{draft}/einreichen" => new() { ["revision"] = "1" },
        "/entwuerfe/{draft}/pruefen" => new() { ["verdict"] = "comment", ["body"] = "Matrix" },
        "/entwuerfe/{draft}/kommentare" => new() { ["body"] = "Matrix" },
        "/entwuerfe/{draft}/freigeben" => new() { ["notes"] = "Matrix" },
        "/entwuerfe/{draft}/zurueckziehen" or "/freigaben/{release}/zurueckziehen" or "/freigaben/{release}/veraltet" => new() { ["reason"] = "Matrix" },
        "/freigaben/{release}/nachnutzen" => new() { ["organizationId"] = w.Adopter.ToString() },
        "/nachnutzungen/{adoption}" => new() { ["status"] = "in_progress", ["baseRowVersion"] = "1" },
        "/nachnutzungen/{adoption}/aktualisieren" => new() { ["releaseId"] = w.Release.ToString(), ["baseRowVersion"] = "1" },
        "/organisationen/{org}/mitglieder" => new() { ["Email"] = "kein-gueltiger-name", ["DisplayName"] = "", ["Role"] = "editor" },
        "/organisationen/{org}/mitglieder/{user}/rolle" => new() { ["role"] = "editor" },
        "/verbuende/{coop}/pruefregel" => new() { ["RequiredApprovals"] = "2", ["BaseRequiredApprovals"] = "2" },
        "/verbuende/{coop}/koordination" => new() { ["Email"] = "niemand@viernheim.demo" },
        "/admin/organisationen/neu" or "/admin/verbuende/neu" => new() { ["Name"] = "" },
        "/konto/passwort" => new() { ["CurrentPassword"] = "falsch-falsch", ["NewPassword"] = "Matrix-Passwort-2026", ["RepeatPassword"] = "Matrix-Passwort-2026" },
        "/sprache" => new() { ["culture"] = "de-DE", ["returnUrl"] = "/" },
        "/anmelden" => new() { ["Email"] = "niemand@viernheim.demo", ["Password"] = "falsch" },
        _ => [],
    };

    private static async Task<HttpResponseMessage> SendAsync(Session s, Row row, string path, World w)
    {
        var isApi = row.Template.StartsWith("/api/", StringComparison.Ordinal) || row.Template is "/healthz" or "/openapi/{doc}.json";
        if (isApi)
            return await s.Api.SendAsync(new HttpRequestMessage(new HttpMethod(row.Method), path) { Content = ApiBody(row.Method, row.Template, w) });
        if (row.Method == "GET")
            return await s.Pages.GetAsync(path);
        // A page form: the antiforgery token comes from a page the role can open (the sign-out form, or the sign-in form).
        var fields = FormFields(row.Template, w);
        fields["__RequestVerificationToken"] = HubWebFactory.AntiforgeryToken(await s.Pages.GetStringAsync(s.Role == "--" ? "/anmelden" : "/konto/passwort"));
        return await s.Pages.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private static string Classify(HttpResponseMessage response, bool api)
    {
        var code = (int)response.StatusCode;
        if (code == 302 && response.Headers.Location?.OriginalString.Contains("/anmelden", StringComparison.Ordinal) == true)
            return "S";
        if (api && code == 401)
            return "S";
        return code switch
        {
            404 => "H",
            403 => "F",
            200 => "R",
            _ => code.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Whether the actual status satisfies the expected answer of the table.</summary>
    private static bool Satisfies(string expected, string actual, HttpResponseMessage response) => expected switch
    {
        "S" or "H" or "R" => actual == expected,
        "F" => actual is "F" or "409",
        "W" => actual is "R" or "201" or "204" or "302" or "400" or "409",
        _ => ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) == expected,
    };

    private static void AssertSecurityHeaders(HttpResponseMessage response, bool signedIn, string where)
    {
        var csp = response.Headers.TryGetValues("Content-Security-Policy", out var v) ? v.Single() : "";
        Assert.True(csp.Contains("script-src 'self' 'nonce-", StringComparison.Ordinal) && !csp.Contains("unsafe-inline", StringComparison.Ordinal)
            && csp.Contains("object-src 'none'", StringComparison.Ordinal) && csp.Contains("base-uri 'none'", StringComparison.Ordinal)
            && csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal), $"{where}: CSP '{csp}'");
        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var nosniff) && nosniff.Single() == "nosniff", $"{where}: nosniff");
        Assert.False(response.Headers.Contains("Server"), $"{where}: Server header");
        if (signedIn)
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{where}: Cache-Control no-store missing");
    }

    [Fact]
    public async Task EveryRouteMethodRoleAndState_AnswersAsTheTableSays_WithTheSecurityHeaders()
    {
        var w = await WorldAsync();
        var sessions = await SessionsAsync();
        var cells = 0;
        var mismatches = new List<string>();
        foreach (var row in Rows())
        {
            var targets = row.Template.Contains("{draft}", StringComparison.Ordinal) ? w.Drafts.ToList()
                : row.Template.Contains("{unreleased}", StringComparison.Ordinal) ? w.Drafts.Where(d => d.Key != "released").ToList()
                : row.Template.Contains("{release}", StringComparison.Ordinal) ? w.Releases.ToList()
                : [new KeyValuePair<string, Guid>("-", Guid.Empty)];
            foreach (var (state, target) in targets)
            {
                for (var r = 0; r < _roles.Length; r++)
                {
                    var s = sessions[r]!;
                    var path = Fill(row.Template, w, target);
                    var api = row.Template.StartsWith("/api/", StringComparison.Ordinal);
                    using var response = await SendAsync(s, row, path, w);
                    cells++;
                    var actual = Classify(response, api);
                    Assert.True((int)response.StatusCode < 500, $"{row.Method} {path} as {s.Role}: {(int)response.StatusCode}");
                    // Public documents (health, OpenAPI) are not personal; everything else a signed-in role receives must not be stored.
                    var personal = s.Role != "--" && (int)response.StatusCode != 302 && row.Template is not ("/healthz" or "/openapi/{doc}.json");
                    AssertSecurityHeaders(response, personal, $"{row.Method} {path} as {s.Role}");
                    if (!Satisfies(row.Expected[r], actual, response))
                        mismatches.Add($"{row.Method} {row.Template} [{state}] as {s.Role}: expected {row.Expected[r]}, got {actual} ({(int)response.StatusCode})");
                }
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {cells} cells differ from the table:\n" + string.Join("\n", mismatches));
        Assert.True(cells > 800, $"only {cells} cells");
    }

    [Fact]
    public async Task EveryEndpointOfTheApp_HasARowInTheTable()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => m + " " + Normalize(e.RoutePattern.RawText!)))
            .Distinct().Order().ToList();
        var covered = Rows().Select(r => r.Method + " " + Normalize(r.Template.Split('?')[0])).ToHashSet();
        var missing = endpoints.Where(e => !covered.Contains(e)).ToList();
        Assert.True(missing.Count == 0, "routes without a row in the access matrix:\n" + string.Join("\n", missing));
    }

    /// <summary>Route patterns and table rows in one shape: parameters become {}, no leading slash, lower case.</summary>
    private static string Normalize(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern.TrimStart('/').ToLowerInvariant(), @"\{[^}]*\}|(?<=/)(1|06|10557)(?=$|/|\.)", "{}");

    [Fact]
    public async Task ForeignIdAndMissingId_GiveTheSameAnswer()
    {
        var w = await WorldAsync();
        var outsider = await app.ApiAsync("editor@wetzlar.demo");
        var page = await app.SignedInAsync("editor@wetzlar.demo");
        string[] apiPaths = ["/api/v1/drafts/{0}", "/api/v1/drafts/{0}/revisions", "/api/v1/drafts/{0}/reviews", "/api/v1/drafts/{0}/comments", "/api/v1/drafts/{0}/diff"];
        string[] pagePaths = ["/entwuerfe/{0}", "/entwuerfe/{0}/verlauf", "/entwuerfe/{0}/vergleich", "/entwuerfe/{0}/fassungen/1"];
        foreach (var draft in w.Drafts.Values)
        {
            foreach (var template in apiPaths)
            {
                var foreign = await outsider.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, draft));
                var missing = await outsider.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Guid.NewGuid()));
                Assert.Equal(missing.StatusCode, foreign.StatusCode);
                Assert.Equal(Strip(await missing.Content.ReadAsStringAsync()), Strip(await foreign.Content.ReadAsStringAsync()));
            }

            foreach (var template in pagePaths)
            {
                var foreign = await page.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, draft));
                var missing = await page.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Guid.NewGuid()));
                Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
                Assert.Equal(missing.StatusCode, foreign.StatusCode);
                Assert.Equal(StripHtml(await missing.Content.ReadAsStringAsync()), StripHtml(await foreign.Content.ReadAsStringAsync()));
            }
        }
    }

    /// <summary>The problem body without its per-request trace id.</summary>
    private static string Strip(string body) => System.Text.RegularExpressions.Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "");

    /// <summary>The page without its per-request nonce, antiforgery token and idempotency keys.</summary>
    private static string StripHtml(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "nonce=\"[^\"]*\"|value=\"CfDJ[^\"]*\"|name=\"__IdempotencyKey\" value=\"[^\"]*\"", "");

    [Fact]
    public async Task PostingFieldsTheUserMayNotSet_ChangesNothing()
    {
        var w = await WorldAsync();
        var owner = await app.ApiAsync("editor@viernheim.demo");
        var draft = w.Drafts["draft"];
        var other = await (await app.DataSource.OpenConnectionAsync()).QuerySingleAsync<Guid>("select id from organizations where name = 'Wetzlar'");
        var response = await owner.PutAsJsonAsync($"/api/v1/drafts/{draft}", new
        {
            title = "Neuer Titel", body = "x", baseRevision = 1,
            ownerOrganizationId = other, organizationId = other, cooperationId = Guid.NewGuid(), status = "released", currentRevision = 99, createdBy = Guid.NewGuid(),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await app.Data.CountAsync("drafts", "id = @draft and owner_organization_id = @org and cooperation_id = @coop and status = 'draft' and current_revision = 2",
            new { draft, org = w.Org, coop = w.Coop }));

        var zwingenberg = await app.ApiAsync("editor@zwingenberg.demo");
        var patched = await zwingenberg.PatchAsJsonAsync($"/api/v1/adoptions/{w.Adoption}", new
        {
            status = "in_progress", baseRowVersion = 1, organizationId = w.Org, releaseId = Guid.NewGuid(), draftId = Guid.NewGuid(), rowVersion = 77,
        });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal(1, await app.Data.CountAsync("adoptions", "id = @Adoption and organization_id = @Adopter and release_id = @Release and row_version = 2", w));

        var form = await HubWebFactory.PostFormAsync(await app.SignedInAsync("editor@viernheim.demo"), $"/entwuerfe/{draft}/bearbeiten", $"/entwuerfe/{draft}/bearbeiten",
            new() { ["Title"] = "Per Formular", ["Body"] = "y", ["BaseRevision"] = "2", ["OwnerOrganizationId"] = other.ToString(), ["Status"] = "released" });
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        Assert.Equal(1, await app.Data.CountAsync("drafts", "id = @draft and owner_organization_id = @org and status = 'draft' and current_revision = 3",
            new { draft, org = w.Org }));
    }
}
