using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;

namespace Hub.Data.Common;

/// <summary>What <c>./hub audit verify</c> found: the number of events, the head of the chain, or the first broken event.</summary>
public sealed record AuditChainReport(long Events, string HeadHash, AuditChainBreak? Break)
{
    public bool Intact => Break is null;
}

public sealed record AuditChainBreak(long Seq, Guid Id, DateTimeOffset OccurredAt, string EntityType, string Action, string Reason);

/// <summary>
/// Recomputes the audit trail's hash chain (migration 0009) outside the database: every event's hash must be SHA-256 over
/// the previous hash and the event's canonical text, the previous hash must be the one before it, and no number may be
/// missing. Runs as the owner, who reads every event.
/// </summary>
public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    private const string Sql = """
        select a.seq, a.id, a.occurred_at, a.entity_type, a.action, a.prev_hash, a.hash, audit_event_canonical(a) as canonical
        from audit_events a order by a.seq
        """;

    public static async Task<AuditChainReport> VerifyAsync(NpgsqlDataSource owner, CancellationToken ct)
    {
        await using var conn = await owner.OpenConnectionAsync(ct);
        var previous = Convert.FromHexString(Genesis);
        long expectedSeq = 0;
        await foreach (var e in conn.QueryUnbufferedAsync<Row>(Sql).WithCancellation(ct))
        {
            expectedSeq++;
            string? reason = null;
            if (e.Seq != expectedSeq)
                reason = $"event number {expectedSeq} is missing (next is {e.Seq})";
            else if (!e.PrevHash.AsSpan().SequenceEqual(previous))
                reason = "its previous hash is not the hash of the event before it";
            else if (!e.Hash.AsSpan().SequenceEqual(SHA256.HashData([.. previous, .. Encoding.UTF8.GetBytes(e.Canonical)])))
                reason = "its content does not match its hash";
            if (reason is not null)
                return new AuditChainReport(expectedSeq - 1, Convert.ToHexStringLower(previous), new AuditChainBreak(e.Seq, e.Id, e.OccurredAt, e.EntityType, e.Action, reason));
            previous = e.Hash;
        }

        return new AuditChainReport(expectedSeq, Convert.ToHexStringLower(previous), null);
    }

    private sealed class Row
    {
        public long Seq { get; init; }

        public Guid Id { get; init; }

        public DateTimeOffset OccurredAt { get; init; }

        public string EntityType { get; init; } = "";

        public string Action { get; init; } = "";

        public byte[] PrevHash { get; init; } = [];

        public byte[] Hash { get; init; } = [];

        public string Canonical { get; init; } = "";
    }
}
