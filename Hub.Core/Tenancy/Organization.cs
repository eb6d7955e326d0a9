using Hub.Core.Common;

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
    /// <summary>The kind codes; parsing ignores case (kinds come from forms, the API and the organization import).</summary>
    public static CodeMap<OrganizationKind> Map { get; } = new(
        StringComparer.OrdinalIgnoreCase,
        (OrganizationKind.Gemeinde, "gemeinde"),
        (OrganizationKind.Stadt, "stadt"),
        (OrganizationKind.Sonderstatusstadt, "sonderstatusstadt"),
        (OrganizationKind.KreisfreieStadt, "kreisfreie_stadt"),
        (OrganizationKind.Landkreis, "landkreis"),
        (OrganizationKind.Regionalverband, "regionalverband"),
        (OrganizationKind.Ministerium, "ministerium"));

    public static IReadOnlyCollection<OrganizationKind> All => Map.Values;

    public static string ToCode(this OrganizationKind kind) => Map.Code(kind);

    public static bool TryParse(string? code, out OrganizationKind kind) => Map.TryParse(code, out kind);

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
