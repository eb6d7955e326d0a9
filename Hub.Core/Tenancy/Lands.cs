namespace Hub.Core.Tenancy;

/// <summary>The 16 Länder with their two-digit codes, the first two digits of every AGS.</summary>
public static class Lands
{
    private static readonly Dictionary<string, string> _names = new()
    {
        ["01"] = "Schleswig-Holstein",
        ["02"] = "Hamburg",
        ["03"] = "Niedersachsen",
        ["04"] = "Bremen",
        ["05"] = "Nordrhein-Westfalen",
        ["06"] = "Hessen",
        ["07"] = "Rheinland-Pfalz",
        ["08"] = "Baden-Württemberg",
        ["09"] = "Bayern",
        ["10"] = "Saarland",
        ["11"] = "Berlin",
        ["12"] = "Brandenburg",
        ["13"] = "Mecklenburg-Vorpommern",
        ["14"] = "Sachsen",
        ["15"] = "Sachsen-Anhalt",
        ["16"] = "Thüringen",
    };

    /// <summary>The whole country as a dashboard scope: figures over every Land, for whoever observes all of them.</summary>
    public const string Germany = "de";

    public static IReadOnlyDictionary<string, string> All => _names;

    public static bool IsValid(string? code) => code is not null && _names.ContainsKey(code);

    public static string NameOf(string code) => code == Germany ? "Deutschland" : _names.TryGetValue(code, out var name) ? name : code;
}
