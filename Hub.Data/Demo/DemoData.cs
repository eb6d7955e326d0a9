namespace Hub.Data.Demo;

/// <summary>
/// The real Hessian IKZ cooperations the hub started from (press reports of the Hessian Ministry of
/// the Interior), with AGS from the Destatis Gemeindeverzeichnis (data/gemeinden.csv).
/// </summary>
internal static class DemoData
{
    public const string Password = "Demo-Passwort-2026!";

    public sealed record Org(string Key, string Name, string Kind, string? Ags, string? Kreis, string? Description = null);

    public sealed record Coop(string Name, string Lead, string[] Members, decimal? Funding, string? Funder, DateOnly? Agreement, string Description);

    public sealed record User(string Email, string DisplayName, (string Org, string Role)[] Memberships, bool PlatformAdmin = false,
        string[]? Coordinates = null, string? ObserverFor = null);

    public static readonly Org[] Organizations =
    [
        new("viernheim", "Viernheim", "stadt", "06431020", "Bergstraße", "Brundtlandstadt an der Bergstraße, OZG-Modellkommune des Landes Hessen."),
        new("bensheim", "Bensheim", "stadt", "06431002", "Bergstraße", "Stadt an der Bergstraße; teilt Personal für die Digitalisierung mit Zwingenberg, Einhausen, Lautertal und Lorsch."),
        new("bergstrasse", "Kreis Bergstraße", "landkreis", "06431000", "Bergstraße"),
        new("mrn", "Metropolregion Rhein-Neckar GmbH", "regionalverband", null, null, "Regionale Entwicklungsgesellschaft der Metropolregion Rhein-Neckar."),
        new("wetzlar", "Wetzlar", "sonderstatusstadt", "06532023", "Lahn-Dill-Kreis"),
        new("fulda", "Fulda", "sonderstatusstadt", "06631009", "Fulda"),
        new("giessen", "Gießen", "sonderstatusstadt", "06531005", "Gießen"),
        new("marburg", "Marburg", "sonderstatusstadt", "06534014", "Marburg-Biedenkopf"),
        new("limburg", "Limburg a. d. Lahn", "stadt", "06533009", "Limburg-Weilburg"),
        new("darmstadt", "Darmstadt", "kreisfreie_stadt", "06411000", null, "Wissenschaftsstadt Darmstadt."),
        new("fischbachtal", "Fischbachtal", "gemeinde", "06432007", "Darmstadt-Dieburg"),
        new("gross-bieberau", "Groß-Bieberau", "stadt", "06432009", "Darmstadt-Dieburg"),
        new("modautal", "Modautal", "gemeinde", "06432013", "Darmstadt-Dieburg"),
        new("ober-ramstadt", "Ober-Ramstadt", "stadt", "06432016", "Darmstadt-Dieburg"),
        new("rossdorf", "Roßdorf", "gemeinde", "06432020", "Darmstadt-Dieburg"),
        new("zwingenberg", "Zwingenberg", "stadt", "06431022", "Bergstraße"),
        new("einhausen", "Einhausen", "gemeinde", "06431006", "Bergstraße"),
        new("lautertal", "Lautertal (Odenwald)", "gemeinde", "06431014", "Bergstraße"),
        new("lorsch", "Lorsch", "stadt", "06431016", "Bergstraße"),
        new("volkmarsen", "Volkmarsen", "stadt", "06635020", "Waldeck-Frankenberg"),
        new("breuna", "Breuna", "gemeinde", "06633004", "Kassel"),
        new("diemelsee", "Diemelsee", "gemeinde", "06635007", "Waldeck-Frankenberg"),
        new("diemelstadt", "Diemelstadt", "stadt", "06635008", "Waldeck-Frankenberg"),
        new("willingen", "Willingen (Upland)", "gemeinde", "06635022", "Waldeck-Frankenberg"),
        new("zierenberg", "Zierenberg", "stadt", "06633029", "Kassel"),
        new("usingen", "Usingen", "stadt", "06434011", "Hochtaunuskreis"),
        new("neu-anspach", "Neu-Anspach", "stadt", "06434007", "Hochtaunuskreis"),
        new("hmdis", "Hessisches Ministerium des Innern, für Sicherheit und Heimatschutz (HMdIS)", "ministerium", null, null),
        new("hmind", "Hessisches Ministerium für Digitalisierung und Innovation (HMinD)", "ministerium", null, null),
    ];

    private const string Hmdis = "Hessisches Ministerium des Innern (HMdIS)";

    public static readonly Coop[] Cooperations =
    [
        new("OZG-Modellkommune Viernheim", "viernheim", ["bensheim", "bergstrasse", "mrn"], 130_000m, Hmdis, new DateOnly(2021, 6, 1),
            """
            Viernheim ist **OZG-Modellkommune** des Landes Hessen. Gemeinsam mit Bensheim, dem Kreis Bergstraße und der
            Metropolregion Rhein-Neckar entstehen Onlinedienste, die alle hessischen Kommunen nachnutzen können.

            Themen:
            - Planen und Bauen
            - Straßenraum (Sondernutzungen, Aufgrabungen)
            - Ehrenamt: Ehrenamtskarte, Sportförderung
            - Qualifizierung der Beschäftigten
            """),
        new("IKZ Mittelhessen: Onlineanträge auf civento", "wetzlar", ["fulda", "giessen", "marburg", "limburg"], 100_000m,
            "Land Hessen (in Aussicht gestellt)", null,
            """
            Wetzlar, Fulda, Gießen, Marburg und Limburg entwerfen ihre Onlineanträge gemeinsam auf der Plattform
            **civento** und teilen sie untereinander. Eine Landesförderung von 100.000 € ist in Aussicht gestellt.
            """),
        new("Digitale Verwaltung Darmstadt und Umland", "darmstadt", ["fischbachtal", "gross-bieberau", "modautal", "ober-ramstadt", "rossdorf"],
            130_000m, Hmdis, new DateOnly(2022, 3, 15),
            """
            Die Wissenschaftsstadt Darmstadt digitalisiert gemeinsam mit fünf Umlandgemeinden Verwaltungsleistungen.
            """),
        new("IKZ Bensheim und Nachbarn", "bensheim", ["zwingenberg", "einhausen", "lautertal", "lorsch"], null, null, new DateOnly(2020, 11, 1),
            """
            Bensheim, Zwingenberg, Einhausen, Lautertal und Lorsch teilen sich **Personal für die Digitalisierung**:
            die Beschäftigten arbeiten für alle fünf Kommunen.
            """),
        new("Digitale Dienste Nordwaldeck", "volkmarsen", ["breuna", "diemelsee", "diemelstadt", "willingen", "zierenberg"], 130_000m, Hmdis,
            new DateOnly(2022, 9, 1),
            """
            Sechs Kommunen in Nordhessen digitalisieren das **Friedhofswesen** und die **Buchung von Hallen**
            und Gemeinschaftsräumen.
            """),
        new("IKZ Usinger Land: Verkehrsrechtliche Anordnungen", "usingen", ["neu-anspach"], 130_000m, Hmdis, new DateOnly(2023, 1, 1),
            """
            Usingen und Neu-Anspach bearbeiten **Aufgrabungs- und verkehrsrechtliche Anordnungen** gemeinsam online.
            """),
    ];

    public static readonly User[] Users =
    [
        new("editor@viernheim.demo", "Eva Editor (Viernheim)", [("viernheim", "editor")]),
        new("admin@viernheim.demo", "Anna Admin (Viernheim)", [("viernheim", "admin")]),
        new("reviewer@bensheim.demo", "Ben Reviewer (Bensheim)", [("bensheim", "reviewer")]),
        new("reviewer@bergstrasse.demo", "Berta Reviewer (Kreis Bergstraße)", [("bergstrasse", "reviewer")]),
        new("reviewer@mrn.demo", "Max Reviewer (MRN)", [("mrn", "reviewer")]),
        new("coordinator@viernheim.demo", "Clara Koordinatorin (Verbund Viernheim)", [], Coordinates: ["OZG-Modellkommune Viernheim"]),
        new("editor@zwingenberg.demo", "Zoe Editor (Zwingenberg)", [("zwingenberg", "editor")]),
        new("reviewer@zwingenberg.demo", "Rita Reviewer (Zwingenberg)", [("zwingenberg", "reviewer")]),
        new("digital@bensheim.demo", "Dana Digital (Bensheim und Nachbarn)",
            [("bensheim", "admin"), ("zwingenberg", "editor"), ("einhausen", "editor"), ("lautertal", "editor"), ("lorsch", "editor")]),
        new("editor@wetzlar.demo", "Walter Editor (Wetzlar)", [("wetzlar", "editor")]),
        new("observer@hmdis.demo", "Olga Observer (HMdIS)", [], ObserverFor: "hmdis"),
        new("observer@hmind.demo", "Otto Observer (HMinD)", [], ObserverFor: "hmind"),
        new("admin@ikzhub.demo", "Paula Plattform-Admin", [], PlatformAdmin: true),
    ];
}
