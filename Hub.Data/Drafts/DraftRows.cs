using System.Text.Json;
using Hub.Core.Drafts;

namespace Hub.Data.Drafts;

internal static class DraftJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize(Steckbrief steckbrief) => JsonSerializer.Serialize(steckbrief, Options);

    public static Steckbrief Deserialize(string? json) =>
        string.IsNullOrEmpty(json) ? new Steckbrief() : JsonSerializer.Deserialize<Steckbrief>(json, Options) ?? new Steckbrief();
}

internal sealed class DraftHeadRow
{
    public Guid Id { get; init; }

    public string Title { get; init; } = "";

    public string Status { get; init; } = "";

    public Guid OwnerOrganizationId { get; init; }

    public string OwnerOrganizationName { get; init; } = "";

    public string OwnerLandCode { get; init; } = "";

    public Guid CooperationId { get; init; }

    public string CooperationName { get; init; } = "";

    public int CurrentRevision { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public int RequiredApprovals { get; init; }

    public Guid? OpenRoundId { get; init; }

    public int? RoundRevision { get; init; }

    public long ChangeSeq { get; init; }

    public DraftSummary ToSummary() => new(Id, Title, DraftCodes.ParseStatus(Status), OwnerOrganizationId, OwnerOrganizationName,
        CooperationId, CooperationName, CurrentRevision, UpdatedAt);

    public DraftSnapshot ToSnapshot(IReadOnlyCollection<Guid> members, IReadOnlyCollection<Guid> approvals, VersionRow? latest) =>
        new(Id, OwnerOrganizationId, OwnerLandCode, CooperationId, members, DraftCodes.ParseStatus(Status), CurrentRevision,
            RoundRevision, RequiredApprovals, approvals, latest is null ? null : new ReleaseVersion(latest.Major, latest.Minor));
}

internal sealed class VersionRow
{
    public int Major { get; init; }

    public int Minor { get; init; }
}

internal sealed class RevisionRow
{
    public Guid DraftId { get; init; }

    public int Revision { get; init; }

    public string Title { get; init; } = "";

    public string? Summary { get; init; }

    public string Body { get; init; } = "";

    public string BodyHtml { get; init; } = "";

    public string Steckbrief { get; init; } = "{}";

    public string AuthorName { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public DraftRevision ToDomain() =>
        new(DraftId, Revision, Title, Summary, Body, BodyHtml, DraftJson.Deserialize(Steckbrief), AuthorName, CreatedAt);
}

internal sealed class ApprovalRow
{
    public Guid OrganizationId { get; init; }

    public string OrganizationName { get; init; } = "";

    public string ReviewerName { get; init; } = "";

    public int Revision { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public Approval ToDomain() => new(OrganizationId, OrganizationName, ReviewerName, Revision, CreatedAt);
}

internal sealed class ReviewRow
{
    public Guid Id { get; init; }

    public int Revision { get; init; }

    public Guid OrganizationId { get; init; }

    public string OrganizationName { get; init; } = "";

    public string ReviewerName { get; init; } = "";

    public string Verdict { get; init; } = "";

    public string Body { get; init; } = "";

    public string BodyHtml { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public ReviewEntry ToDomain()
    {
        if (!DraftCodes.TryParseVerdict(Verdict, out var verdict))
            throw new InvalidOperationException($"Unknown verdict '{Verdict}' in the database.");
        return new ReviewEntry(Id, Revision, OrganizationId, OrganizationName, ReviewerName, verdict, Body, BodyHtml, CreatedAt);
    }
}
