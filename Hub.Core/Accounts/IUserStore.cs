using Hub.Core.Audit;
using Hub.Core.Tenancy;

namespace Hub.Core.Accounts;

public interface IUserStore
{
    Task<UserAccount?> FindByEmailAsync(string normalizedEmail, CancellationToken ct);

    Task<Actor?> LoadActorAsync(Guid userId, CancellationToken ct);

    /// <summary>Creates the account; false when the e-mail address is taken.</summary>
    Task<bool> CreateAsync(UserAccount user, AuditEvent audit, CancellationToken ct);

    /// <summary>Counts a failure in the database (so it holds across instances) and locks the account at the threshold.</summary>
    Task RecordFailedSignInAsync(Guid userId, DateTimeOffset now, SignInPolicy policy, CancellationToken ct);

    Task RecordSuccessfulSignInAsync(Guid userId, DateTimeOffset now, CancellationToken ct);

    /// <summary>The new hash; every open session and API token of the user ends in the same transaction.</summary>
    Task ChangePasswordAsync(Guid userId, string passwordHash, DateTimeOffset now, AuditEvent audit, CancellationToken ct);

    /// <summary>Disables (<paramref name="disabledAt"/> set: sessions and tokens end) or enables an account; false when there is no such user.</summary>
    Task<bool> SetDisabledAsync(Guid userId, DateTimeOffset? disabledAt, DateTimeOffset now, AuditEvent audit, CancellationToken ct);
}
