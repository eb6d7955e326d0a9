namespace Hub.Core.Accounts;

public interface ITokenStore
{
    Task CreateAsync(Guid id, Guid userId, byte[] tokenHash, string name, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken ct);

    /// <summary>The user of a valid (unexpired, unrevoked, enabled) token as an actor, or null; one round trip.</summary>
    Task<Hub.Core.Tenancy.Actor?> FindActorAsync(byte[] tokenHash, DateTimeOffset now, CancellationToken ct);

    Task<bool> RevokeAsync(byte[] tokenHash, DateTimeOffset now, CancellationToken ct);
}
