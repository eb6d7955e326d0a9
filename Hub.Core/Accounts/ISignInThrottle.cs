namespace Hub.Core.Accounts;

/// <summary>What the throttle says before a password is checked.</summary>
public enum SignInGate
{
    /// <summary>Go ahead: one check is reserved (and counts as a failure until it succeeds).</summary>
    Open,

    /// <summary>This account may not be tried now from this source (or at all): answered like a wrong password.</summary>
    AccountClosed,

    /// <summary>Too many failures from this source across accounts (password spraying): 429 with Retry-After.</summary>
    SourceClosed,
}

/// <summary>
/// Failed sign-ins counted in the database, so every hub process shares them: per account and source address, per
/// account across sources, and per source across accounts. Successful sign-ins are never counted.
/// </summary>
public interface ISignInThrottle
{
    /// <summary>Reserves one password check atomically before it runs; returns the reservation's id when the gate is open.</summary>
    Task<(SignInGate Gate, Guid Reservation)> ReserveAsync(Guid? userId, string source, DateTimeOffset now, SignInPolicy policy, CancellationToken ct);

    /// <summary>The password was right: the reservation no longer counts.</summary>
    Task SucceededAsync(Guid reservation, CancellationToken ct);
}
