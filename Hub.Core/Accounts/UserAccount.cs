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

public interface IPasswordHasher
{
    string Hash(string password);

    bool Verify(string hash, string password);
}
