using Dapper;
using Hub.Core.Common;
using Hub.Core.Drafts;
using Hub.Core.Tenancy;
using Hub.Core.Adoptions;
using Hub.Data.Common;
using Hub.Data.Accounts;
using Hub.Data.Adoptions;
using Hub.Data.Releases;
using Hub.Data.Catalog;
using Hub.Data.Drafts;
using Hub.Data.Tenancy;
using Npgsql;

namespace Hub.Data.Demo;

/// <summary>
/// Drafts in every state, made through the real lifecycle (the same store and rules as the API), so a new user
/// sees a living hub: Viernheim's "Urkundenanforderung Standesamt" released as 1.0 and 1.1 and in review for 1.2
/// (Zwingenberg runs 1.0 live and sees the update),
/// a Bensheim draft with changes requested, a Wetzlar draft in review in its own cooperation, and more.
/// </summary>
public sealed class DemoDrafts(HubDb db, IMarkdown markdown)
{
    private readonly DraftStore _drafts = new(db);
    private readonly UserStore _users = new(db);

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await using (var scope = await db.OpenAsync(ct))
        {
            if (await scope.Connection.ExecuteScalarAsync<bool>("select exists (select 1 from drafts)"))
                return;
        }

        var viernheim = await ActorAsync("editor@viernheim.demo", ct);
        var bensheimReviewer = await ActorAsync("reviewer@bensheim.demo", ct);
        var kreisReviewer = await ActorAsync("reviewer@bergstrasse.demo", ct);
        var mrnReviewer = await ActorAsync("reviewer@mrn.demo", ct);
        var digital = await ActorAsync("digital@bensheim.demo", ct);
        var wetzlar = await ActorAsync("editor@wetzlar.demo", ct);
        var change = new ChangeDraft(_drafts, new CatalogStore(db), markdown, new SystemClock());

        var urkunde = await CreateAsync(viernheim, "Viernheim", "OZG-Modellkommune Viernheim", "Urkundenanforderung Standesamt",
            "Geburts-, Ehe- und Sterbeurkunden online anfordern und bezahlen.", UrkundeBody, ["10557"], ct);
        await Ok(change.SubmitAsync(viernheim, urkunde, 1, ct));
        await Ok(change.ReviewAsync(bensheimReviewer, urkunde, null, "approve", "Passt für Bensheim.", ct));
        await Ok(change.ReviewAsync(kreisReviewer, urkunde, null, "approve", "", ct));
        var urkunde10 = (await change.ReleaseAsync(viernheim, urkunde, "Erste Fassung für alle hessischen Standesämter.", false, ct)).Value!.ReleaseId!.Value;
        await AdoptAsync("editor@zwingenberg.demo", "Zwingenberg", urkunde10, "## Standesamt Zwingenberg\n\nUntergasse 16, Gebühr je Urkunde 12 €.", ct);
        await Ok(change.SaveAsync(viernheim, urkunde, Content("Urkundenanforderung Standesamt",
            "Geburts-, Ehe- und Sterbeurkunden online anfordern und bezahlen.", UrkundeBody + "\n\n## Neu in 1.1\n\nBezahlen mit giropay und PayPal.", ["10557"]), 1, ct));
        await Ok(change.SubmitAsync(viernheim, urkunde, 2, ct));
        await Ok(change.ReviewAsync(mrnReviewer, urkunde, null, "approve", "Gut.", ct));
        await Ok(change.ReviewAsync(bensheimReviewer, urkunde, null, "approve", "", ct));
        // 1.1 is released: Zwingenberg, still on 1.0, sees "Update verfügbar"; 1.2 is in review with one approval so far.
        await Ok(change.ReleaseAsync(viernheim, urkunde, "Bezahlen mit **giropay** und PayPal.", false, ct));
        await Ok(change.SaveAsync(viernheim, urkunde, Content("Urkundenanforderung Standesamt",
            "Geburts-, Ehe- und Sterbeurkunden online anfordern und bezahlen.",
            UrkundeBody + "\n\n## Neu in 1.1\n\nBezahlen mit giropay und PayPal.\n\n## Neu in 1.2\n\nUrkunden zusätzlich als elektronisch beglaubigtes PDF.", ["10557"]), 2, ct));
        await Ok(change.SubmitAsync(viernheim, urkunde, 3, ct));
        await Ok(change.ReviewAsync(mrnReviewer, urkunde, null, "approve", "Gut.", ct));

        var sport = await CreateAsync(viernheim, "Viernheim", "OZG-Modellkommune Viernheim", "Sportförderung beantragen",
            "Vereine beantragen Zuschüsse für Übungsleiter und Geräte.", "## Ablauf\n\nAntrag, Prüfung, Bescheid.", ["10024"], ct);
        await Ok(change.SubmitAsync(viernheim, sport, 1, ct));
        await Ok(change.ReviewAsync(bensheimReviewer, sport, null, "approve", "", ct));
        await Ok(change.ReviewAsync(mrnReviewer, sport, null, "approve", "", ct));

        await CreateAsync(viernheim, "Viernheim", "OZG-Modellkommune Viernheim", "Ehrenamtskarte",
            "Die Ehrenamtskarte online beantragen.", "## Entwurf\n\nNoch in Arbeit.", ["10134"], ct);

        var friedhof = await CreateAsync(digital, "Bensheim", "IKZ Bensheim und Nachbarn", "Grabnutzungsrecht verlängern",
            "Nutzungsrechte an Grabstätten online verlängern.", "## Ablauf\n\n1. Grabstätte wählen\n2. Laufzeit wählen", ["10227"], ct);
        await Ok(change.SubmitAsync(digital, friedhof, 1, ct));
        var zwingenbergReviewer = await ActorAsync("reviewer@zwingenberg.demo", ct);
        await Ok(change.ReviewAsync(zwingenbergReviewer, friedhof, null, "request_changes", "Bitte die **Gebührenordnung** verlinken.", ct));
        var talk = new DraftComments(_drafts, new CommentStore(db), markdown, new SystemClock());
        var question = await talk.AddAsync(zwingenbergReviewer, friedhof, "Welche Laufzeiten bieten Sie an? In Zwingenberg sind es 20 oder 30 Jahre.", 1, "ablauf", null, ct);
        await talk.AddAsync(digital, friedhof, "Wir übernehmen die Laufzeiten aus der jeweiligen **Friedhofssatzung**.", null, null, question.Value!.Id, ct);

        var gewerbe = await CreateAsync(wetzlar, "Wetzlar", "IKZ Mittelhessen: Onlineanträge auf civento", "Gewerbeanmeldung",
            "Gewerbe online an-, um- und abmelden.", "## Ablauf\n\nAntrag auf civento, Weiterleitung an die Kammern.", ["10294"], ct);
        await Ok(change.SubmitAsync(wetzlar, gewerbe, 1, ct));

        var halle = await CreateAsync(viernheim, "Viernheim", "OZG-Modellkommune Viernheim", "Hallenbuchung (alt)",
            "Ersetzt durch die Lösung aus Nordwaldeck.", "Veraltet.", [], ct);
        await Ok(change.WithdrawAsync(viernheim, halle, "Wir nutzen die Lösung aus Nordwaldeck nach.", ct));
    }

    /// <summary>A municipality outside the cooperation adopts a release and goes live with it (Nachnutzung, "Einer für Alle").</summary>
    private async Task AdoptAsync(string email, string organization, Guid releaseId, string notes, CancellationToken ct)
    {
        var actor = await ActorAsync(email, ct);
        var orgId = actor.Memberships.Single(m => m.OrganizationName == organization).OrganizationId;
        var manage = new ManageAdoptions(new AdoptionStore(db), new ReleaseStore(db), new OrganizationStore(db), new CooperationStore(db), markdown, new SystemClock());
        var adopted = await manage.AdoptAsync(actor, releaseId, orgId, ct);
        var live = adopted.IsSuccess ? await manage.ChangeAsync(actor, adopted.Value.Id, "live", notes, null, null, null, ct) : adopted;
        if (!live.IsSuccess)
            throw new InvalidOperationException($"Demo adoption by {organization} failed: {live.Error.Code}");
    }

    private const string UrkundeBody = """
        ## Ablauf

        1. Urkundenart wählen (Geburt, Ehe, Lebenspartnerschaft, Sterbefall)
        2. Angaben zur Person und zum Beurkundungsort
        3. Bezahlen
        4. Versand per Post

        ## Nachweise

        Personalausweis oder Reisepass; bei Vertretung eine Vollmacht.

        ## Rechtsgrundlage

        § 62 Personenstandsgesetz (PStG)
        """;

    private static DraftContent Content(string title, string summary, string body, string[] services) =>
        new(title, summary, body, new Steckbrief("civento", 3, "giropay, PayPal, Lastschrift", "Personalausweis", "PStG", "12 € je Urkunde", "standesamt@viernheim.de"), services);

    private async Task<Guid> CreateAsync(Actor actor, string organization, string cooperation, string title, string summary, string body, string[] services, CancellationToken ct)
    {
        await using var scope = await db.OpenAsync(ct);
        var conn = scope.Connection;
        var orgId = await conn.QuerySingleAsync<Guid>("select id from organizations where name = @organization", new { organization });
        var coopId = await conn.QuerySingleAsync<Guid>("select id from cooperations where name = @cooperation", new { cooperation });
        var created = await new CreateDraft(_drafts, new CooperationStore(db), new CatalogStore(db), markdown, new SystemClock())
            .ExecuteAsync(actor, orgId, coopId, Content(title, summary, body, services), ct);
        return created.IsSuccess
            ? created.Value.Summary.Id
            : throw new InvalidOperationException($"Demo draft '{title}' could not be created: {created.Error.Code}");
    }

    private async Task<Actor> ActorAsync(string email, CancellationToken ct)
    {
        var user = await _users.FindByEmailAsync(email, ct) ?? throw new InvalidOperationException($"Demo user {email} missing.");
        return (await _users.LoadActorAsync(user.Id, ct))!;
    }

    private static async Task Ok(Task<Result<TransitionOutcome>> step)
    {
        var result = await step;
        if (!result.IsSuccess)
            throw new InvalidOperationException($"Demo lifecycle step failed: {result.Error.Code} {result.Error.Message}");
    }
}
