namespace Hub.Core.Accounts;

public sealed record UserAccount(
    Guid Id,
    string Email,
    string DisplayName,
    string PasswordHash,
    bool IsPlatformAdmin,
    DateTimeOffset? DisabledAt,
    int FailedSignIns,
    DateTimeOffset? LockedUntil);
