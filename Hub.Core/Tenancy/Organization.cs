namespace Hub.Core.Tenancy;

public enum OrganizationKind
{
    Gemeinde,
    Stadt,
    Sonderstatusstadt,
    KreisfreieStadt,
    Landkreis,
    Regionalverband,
    Ministerium,
}

public static class OrganizationKinds
{
    private static readonly Dictionary<OrganizationKind, string> _codes = new()
    {
        [OrganizationKind.Gemeinde] = "gemeinde",
        [OrganizationKind.Stadt] = "stadt",
        [OrganizationKind.Sonderstatusstadt] = "sonderstatusstadt",
        [OrganizationKind.KreisfreieStadt] = "kreisfreie_stadt",
        [OrganizationKind.Landkreis] = "landkreis",
        [OrganizationKind.Regionalverband] = "regionalverband",
        [OrganizationKind.Ministerium] = "ministerium",
    };

    public static IReadOnlyCollection<OrganizationKind> All => _codes.Keys;

    public static string ToCode(this OrganizationKind kind) => _codes[kind];

    public static bool TryParse(string? code, out OrganizationKind kind)
    {
        foreach (var (k, c) in _codes)
        {
            if (string.Equals(c, code, StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static OrganizationKind Parse(string code) =>
        TryParse(code, out var kind) ? kind : throw new FormatException($"Unknown organization kind '{code}'.");
}

public sealed record Organization(
    Guid Id,
    string Name,
    OrganizationKind Kind,
    string? Ags,
    string LandCode,
    string? Kreis,
    string? Description,
    DateTimeOffset CreatedAt)
{
    public string LandName => Lands.NameOf(LandCode);
}

public sealed record OrganizationQuery(string? Text, string? LandCode);
