using Hub.Core.Common;

namespace Hub.Core.Tenancy;

public enum MembershipRole
{
    Editor,
    Reviewer,
    Admin,
}

public static class MembershipRoles
{
    /// <summary>The role codes; parsing ignores case (roles come from forms, the API and the CLI).</summary>
    public static CodeMap<MembershipRole> Map { get; } = new(
        StringComparer.OrdinalIgnoreCase,
        (MembershipRole.Editor, "editor"),
        (MembershipRole.Reviewer, "reviewer"),
        (MembershipRole.Admin, "admin"));

    public static string ToCode(this MembershipRole role) => Map.Code(role);

    public static bool TryParse(string? code, out MembershipRole role) => Map.TryParse(code, out role);

    public static MembershipRole Parse(string code) =>
        TryParse(code, out var role) ? role : throw new FormatException($"Unknown role '{code}'.");
}

public sealed record Membership(Guid OrganizationId, string OrganizationName, MembershipRole Role);

public sealed record OrganizationMember(Guid UserId, string Email, string DisplayName, MembershipRole Role);

public sealed record ObserverScope(string LandCode, Guid? OrganizationId, string? OrganizationName);
