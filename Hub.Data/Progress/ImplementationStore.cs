using Dapper;
using Hub.Core.Audit;
using Hub.Core.Progress;
using Hub.Data.Common;
using Npgsql;

namespace Hub.Data.Progress;

public sealed class ImplementationStore(HubDb db) : IImplementationStore
{
    public async Task<IReadOnlyList<ImplementationStatus>> ListAsync(Guid organizationId, CancellationToken ct)
    {
        // Every catalogue service, with the recorded row or the default (responsible for municipal execution, not started).
        const string sql = """
            select s.ozg_id, s.name as service_name, s.themenfeld_id, t.name as themenfeld_name,
                   coalesce(i.responsible, m.municipal) as responsible, coalesce(i.status, 'not_started') as status,
                   i.reifegrad, i.reason, i.adoption_id, i.draft_id, i.organization_id is not null as recorded, i.updated_at,
                   coalesce(i.row_version, 0) as row_version
            from catalog_services s
            join catalog_themenfelder t on t.id = s.themenfeld_id
            join catalog_municipal_services m on m.ozg_id = s.ozg_id
            left join implementation_status i on i.organization_id = @organizationId and i.ozg_id = s.ozg_id
            order by s.themenfeld_id, s.name, s.ozg_id
            """;
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        return (await conn.QueryAsync<Row>(new CommandDefinition(sql, new { organizationId }, cancellationToken: ct))).Select(r => r.ToDomain()).ToList();
    }

    public async Task UpsertAsync(Guid organizationId, IReadOnlyList<ImplementationInput> rows, Guid userId, DateTimeOffset at, AuditEvent audit, CancellationToken ct)
    {
        const string sql = """
            insert into implementation_status as i (organization_id, ozg_id, responsible, status, reifegrad, reason, updated_by, updated_at)
            select @organizationId, t.ozg_id, t.responsible, t.status, t.reifegrad, t.reason, @userId, @at
            from unnest(@ozgIds::text[], @responsible::boolean[], @statuses::text[], @reifegrade::smallint[], @reasons::text[])
                 as t(ozg_id, responsible, status, reifegrad, reason)
            on conflict (organization_id, ozg_id) do update
                set responsible = excluded.responsible, status = excluded.status, reifegrad = excluded.reifegrad, reason = excluded.reason,
                    updated_by = excluded.updated_by, updated_at = excluded.updated_at, row_version = i.row_version + 1
            """;
        // In key order, so two saves of one organization's rows lock them in the same order (one waits; no deadlock).
        rows = rows.OrderBy(r => r.OzgId, StringComparer.Ordinal).ToList();
        await using var scope = await db.OpenAsync(ct);
        var conn = scope.Connection;
        var tx = scope.Transaction;
        await conn.ExecuteAsync(new CommandDefinition(sql, new
        {
            organizationId, userId, at,
            ozgIds = rows.Select(r => r.OzgId).ToArray(),
            responsible = rows.Select(r => r.Responsible).ToArray(),
            statuses = rows.Select(r => r.State.ToCode()).ToArray(),
            reifegrade = rows.Select(r => (short?)r.Reifegrad).ToArray(),
            reasons = rows.Select(r => r.Reason).ToArray(),
        }, tx, cancellationToken: ct));
        await AuditWriter.WriteAsync(conn, tx, audit, ct);
        await scope.CommitAsync(ct);
    }

    private sealed class Row
    {
        public string OzgId { get; init; } = "";

        public string ServiceName { get; init; } = "";

        public int ThemenfeldId { get; init; }

        public string ThemenfeldName { get; init; } = "";

        public bool Responsible { get; init; }

        public string Status { get; init; } = "";

        public short? Reifegrad { get; init; }

        public string? Reason { get; init; }

        public Guid? AdoptionId { get; init; }

        public Guid? DraftId { get; init; }

        public bool Recorded { get; init; }

        public DateTimeOffset? UpdatedAt { get; init; }

        public int RowVersion { get; init; }

        public ImplementationStatus ToDomain() => new(OzgId, ServiceName, ThemenfeldId, ThemenfeldName, Responsible,
            ImplementationCodes.TryParse(Status, out var s) ? s : ImplementationState.NotStarted, Reifegrad, Reason, AdoptionId, DraftId, Recorded, UpdatedAt,
            RowVersion);
    }
}
