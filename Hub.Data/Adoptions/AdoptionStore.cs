using Dapper;
using Hub.Core.Adoptions;
using Hub.Core.Common;
using Hub.Core.Drafts;
using Hub.Core.Releases;
using Hub.Data.Common;
using Hub.Data.Tenancy;
using Npgsql;

namespace Hub.Data.Adoptions;

public sealed class AdoptionStore(HubDb db) : IAdoptionStore
{
    /// <summary>The adoption, the adopted release and the newest active release of the same service.</summary>
    private const string Select = """
        select a.id, a.organization_id, o.name as organization_name, o.land_code as organization_land_code, a.draft_id, rl.title,
               owner.name as owner_organization_name, a.release_id, rl.major, rl.minor, rl.revision, rl.status as release_status,
               a.status, a.planned_for, a.live_since, a.notes, a.notes_html, a.row_version, a.updated_at,
               newest.id as newest_release_id, newest.major as newest_major, newest.minor as newest_minor
        from adoptions a
        join organizations o on o.id = a.organization_id
        join releases rl on rl.id = a.release_id
        join organizations owner on owner.id = rl.owner_organization_id
        left join releases newest on newest.draft_id = a.draft_id and newest.is_current
        """;

    public async Task<Adoption?> GetAsync(Guid id, CancellationToken ct)
    {
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        return (await conn.QuerySingleOrDefaultAsync<AdoptionRow>(new CommandDefinition($"{Select} where a.id = @id", new { id }, cancellationToken: ct)))?.ToDomain();
    }

    public async Task<IReadOnlyList<Adoption>> ListForOrganizationsAsync(IReadOnlyCollection<Guid> organizationIds, CancellationToken ct)
    {
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        return (await conn.QueryAsync<AdoptionRow>(new CommandDefinition($"{Select} where a.organization_id = any(@ids) order by rl.title, a.id",
            new { ids = organizationIds.ToArray() }, cancellationToken: ct))).Select(r => r.ToDomain()).ToList();
    }

    public async Task<IReadOnlyList<Adoption>> ListForServiceAsync(Guid draftId, CancellationToken ct)
    {
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        return (await conn.QueryAsync<AdoptionRow>(new CommandDefinition($"{Select} where a.draft_id = @draftId order by o.name, a.id",
            new { draftId }, cancellationToken: ct))).Select(r => r.ToDomain()).ToList();
    }

    /// <summary>Adopting and going live update the Umsetzungsstand of the adopted service's OZG-Leistungen (never downgrading a live one).</summary>
    private const string FollowStatus = """
        insert into implementation_status as i (organization_id, ozg_id, responsible, status, adoption_id, updated_by, updated_at)
        select a.organization_id, dcs.ozg_id, true, a.status, a.id, a.created_by, a.updated_at
        from adoptions a join draft_catalog_services dcs on dcs.draft_id = a.draft_id
        where a.id = @Id and a.status in ('planned', 'in_progress', 'live')
        on conflict (organization_id, ozg_id) do update
            set status = excluded.status, adoption_id = excluded.adoption_id, responsible = true, updated_at = excluded.updated_at,
                row_version = i.row_version + 1
        where i.status in ('not_started', 'planned', 'in_progress', 'no_solution') or excluded.status = 'live'
        """;

    public async Task<bool> InsertAsync(AdoptionInsert insert, CancellationToken ct)
    {
        const string sql = """
            insert into adoptions (id, organization_id, draft_id, release_id, status, created_by, created_at, updated_at)
            values (@Id, @OrganizationId, @DraftId, @ReleaseId, 'planned', @CreatedBy, @At, @At)
            on conflict (organization_id, draft_id) do nothing
            """;
        return await AuditWriter.ChangeAsync(db, sql, insert.Adoption, insert.Audit, ct, FollowStatus);
    }

    public async Task<AdoptionState?> ReadStateAsync(Guid id, CancellationToken ct)
    {
        await using var scope = await db.ReadAsync(ct);
        return await LoadStateAsync(scope, id, forUpdate: false, ct);
    }

    public Task<ILocked<AdoptionState, AdoptionUpdate>> LockAsync(Guid id, CancellationToken ct) =>
        Locked<AdoptionState, AdoptionUpdate>.OpenAsync(db, scope => LoadStateAsync(scope, id, forUpdate: true, ct), (scope, update, token) =>
        {
            const string sql = """
                update adoptions set status = @Status, planned_for = @PlannedFor, live_since = @LiveSince, notes = @Notes, notes_html = @NotesHtml,
                       release_id = @ReleaseId, updated_at = @At, row_version = row_version + 1
                where id = @Id
                """;
            var change = update.Change;
            var args = new { update.Id, Status = change.Status.ToCode(), change.PlannedFor, change.LiveSince, change.Notes, change.NotesHtml, change.ReleaseId, change.At };
            return AuditWriter.WriteAsync(scope, sql, args, update.Audit, token, then: FollowStatus);
        }, ct);

    /// <summary>The adoption and its organization's partners (who may see it); with <paramref name="forUpdate"/> the adoption stays locked.</summary>
    private static async Task<AdoptionState?> LoadStateAsync(DbScope scope, Guid id, bool forUpdate, CancellationToken ct)
    {
        var sql = $"{Select} where a.id = @id {(forUpdate ? "for no key update of a" : "")}";
        var row = await scope.Connection.QuerySingleOrDefaultAsync<AdoptionRow>(new CommandDefinition(sql, new { id }, scope.Transaction, cancellationToken: ct));
        return row is null ? null : new AdoptionState(row.ToDomain(), await CooperationStore.PartnersOfAsync(scope, row.OrganizationId, ct));
    }

    private sealed class AdoptionRow
    {
        public Guid Id { get; init; }

        public Guid OrganizationId { get; init; }

        public string OrganizationName { get; init; } = "";

        public string OrganizationLandCode { get; init; } = "";

        public Guid DraftId { get; init; }

        public string Title { get; init; } = "";

        public string OwnerOrganizationName { get; init; } = "";

        public Guid ReleaseId { get; init; }

        public int Major { get; init; }

        public int Minor { get; init; }

        public int Revision { get; init; }

        public string ReleaseStatus { get; init; } = "";

        public string Status { get; init; } = "";

        public DateOnly? PlannedFor { get; init; }

        public DateOnly? LiveSince { get; init; }

        public string Notes { get; init; } = "";

        public string NotesHtml { get; init; } = "";

        public int RowVersion { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }

        public Guid? NewestReleaseId { get; init; }

        public int? NewestMajor { get; init; }

        public int? NewestMinor { get; init; }

        public Adoption ToDomain() => new(Id, OrganizationId, OrganizationName, OrganizationLandCode, DraftId, Title, OwnerOrganizationName, ReleaseId,
            new ReleaseVersion(Major, Minor), Revision, ReleaseStatusCodes.Parse(ReleaseStatus), AdoptionCodes.Parse(Status), PlannedFor, LiveSince, Notes,
            NotesHtml, RowVersion, UpdatedAt, NewestReleaseId, NewestMajor is { } m ? new ReleaseVersion(m, NewestMinor ?? 0) : null);
    }
}
