namespace Hub.Core.Catalog;

public sealed record Themenfeld(int Id, string Name, int ServiceCount);

/// <summary>An OZG-Leistung (Leistungsbündel) of the catalogue, keyed by its 5-digit OZG-ID.</summary>
public sealed record CatalogService(string OzgId, string Name, int ThemenfeldId, string ThemenfeldName, int? LebenslageId, string? LebenslageName);

/// <summary>A LeiKa service inside an OZG-Leistung; some catalogue entries have no Leistungsschlüssel.</summary>
public sealed record LeikaService(string? Key, string Name, string LeikaTyp, bool SdgRelevant);

/// <summary>A release that implements an OZG-Leistung, as the public catalogue shows it.</summary>
public sealed record CatalogRelease(Guid ReleaseId, string Title, string Version, string OwnerOrganizationName, DateTimeOffset ReleasedAt);

public sealed record CatalogServiceDetails(CatalogService Service, IReadOnlyList<LeikaService> Leika, IReadOnlyList<CatalogRelease> Releases);

public sealed record CatalogQuery(string? Text, int? ThemenfeldId);
