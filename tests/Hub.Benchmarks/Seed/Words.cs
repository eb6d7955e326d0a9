using System.Text;

namespace Hub.Benchmarks.Seed;

/// <summary>German administrative prose for generated drafts: words a search for an online service would use.</summary>
internal static class Words
{
    public static readonly string[] Vocabulary =
    [
        "Antrag", "Urkunde", "Geburtsurkunde", "Eheurkunde", "Sterbeurkunde", "Personalausweis", "Reisepass", "Meldebescheinigung",
        "Wohnsitz", "Anmeldung", "Abmeldung", "Ummeldung", "Gewerbe", "Gewerbeanmeldung", "Führungszeugnis", "Fahrerlaubnis",
        "Kraftfahrzeug", "Zulassung", "Parkausweis", "Bewohnerparken", "Hund", "Hundesteuer", "Grundsteuer", "Bauantrag",
        "Baugenehmigung", "Sondernutzung", "Veranstaltung", "Genehmigung", "Kita", "Kindertagesstätte", "Betreuungsplatz",
        "Elterngeld", "Wohngeld", "Sozialhilfe", "Bürgergeld", "Fundsache", "Sperrmüll", "Abfall", "Müllabfuhr", "Friedhof",
        "Grabstätte", "Nutzungsrecht", "Sportförderung", "Ehrenamt", "Ehrenamtskarte", "Vereinsförderung", "Halle", "Buchung",
        "Wahl", "Briefwahl", "Wahlschein", "Fischereischein", "Waffenschein", "Gaststätte", "Erlaubnis", "Schankerlaubnis",
        "Bescheid", "Gebühr", "Zahlung", "giropay", "Lastschrift", "Nachweis", "Vollmacht", "Frist", "Standesamt", "Bürgerbüro",
        "Ordnungsamt", "Bauamt", "Kreis", "Gemeinde", "Stadt", "online", "beantragen", "anfordern", "verlängern", "melden",
        "prüfen", "bezahlen", "Termin", "Terminbuchung", "Formular", "Unterlagen", "digital", "Bescheinigung", "Auskunft",
    ];

    public static string Title(Random random) => $"{Pick(random)} {Pick(random).ToLowerInvariant()} {Pick(random)}";

    public static string Sentence(Random random, int words)
    {
        var text = new StringBuilder();
        for (var i = 0; i < words; i++)
            text.Append(i == 0 ? "" : " ").Append(Pick(random));
        return text.Append('.').ToString();
    }

    /// <summary>A description of a few sections, about 2 kB.</summary>
    public static string Body(Random random)
    {
        var text = new StringBuilder();
        foreach (var section in new[] { "Ablauf", "Nachweise", "Gebühren", "Rechtsgrundlage" })
            text.Append("## ").Append(section).Append("\n\n").Append(Sentence(random, 60)).Append("\n\n");
        return text.ToString().TrimEnd();
    }

    /// <summary>Ten sections of about 2 kB each: a 20 kB description whose revisions change one section at a time.</summary>
    public static string[] LongSections(Random random) => Enumerable.Range(0, 10).Select(_ => Sentence(random, 250)).ToArray();

    public static string Join(string[] sections) =>
        string.Join("\n\n", sections.Select((text, i) => $"## Abschnitt {i + 1}\n\n{text}"));

    private static string Pick(Random random) => Vocabulary[random.Next(Vocabulary.Length)];
}
