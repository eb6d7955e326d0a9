namespace Hub.Core.Tenancy;

public enum MembershipRole
{
    Editor,
    Reviewer,
    Admin,
}

public static class MembershipRoles
{
    public static string ToCode(this MembershipRole role) => role switch
    {
        MembershipRole.Editor => "editor",
        MembershipRole.Reviewer => "reviewer",
        MembershipRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static bool TryParse(string? code, out MembershipRole role)
    {
        foreach (var candidate in Enum.GetValues<MembershipRole>())
        {
            if (string.Equals(candidate.ToCode(), code, StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }

    public static MembershipRole Parse(string code) =>
        TryParse(code, out var role) ? role : throw new FormatException($"Unknown role '{code}'.");
}

public sealed record Membership(Guid OrganizationId, string OrganizationName, MembershipRole Role);

public sealed record OrganizationMember(Guid UserId, string Email, string DisplayName, MembershipRole Role);

public sealed record ObserverScope(string LandCode, Guid? OrganizationId, string? OrganizationName);
