using Dapper;
using Hub.Core.Audit;
using Hub.Core.Common;
using Hub.Core.Drafts;
using Hub.Core.Tenancy;
using Hub.Data.Common;
using Npgsql;

namespace Hub.Data.Drafts;

/// <summary>Reads of drafts, revisions and reviews. Writes after creation are what Core decided (<see cref="DraftTransitions"/>).</summary>
public sealed class DraftStore(HubDb db) : IDraftStore
{
    internal const string HeadSelect = """
        select d.id, d.title, d.status, d.owner_organization_id, o.name as owner_organization_name, o.land_code as owner_land_code,
               d.cooperation_id, c.name as cooperation_name, d.current_revision, d.updated_at, c.required_approvals,
               d.open_round_id, rr.revision as round_revision, d.change_seq
        from drafts d
        join organizations o on o.id = d.owner_organization_id
        join cooperations c on c.id = d.cooperation_id
        left join review_rounds rr on rr.id = d.open_round_id
        """;

    /// <summary>The organizations of the draft's cooperation, for the snapshot (used by reads and by transitions).</summary>
    internal const string MembersSelect =
        "select organization_id from cooperation_members where cooperation_id = (select cooperation_id from drafts where id = @id);";

    /// <summary>Who wrote the open round's revision and who submitted it (the four-eyes rule).</summary>
    internal const string RoundAuthorsSelect = """
        select r.created_by from draft_revisions r join review_rounds rr on rr.draft_id = r.draft_id and rr.revision = r.revision
        where rr.id = (select open_round_id from drafts where id = @id)
        union
        select opened_by from review_rounds where id = (select open_round_id from drafts where id = @id);
        """;

    internal const string LatestVersionSelect =
        "select major, minor from releases where draft_id = @id order by major desc, minor desc limit 1;";

    /// <summary>
    /// A draft's head row, snapshot (cooperation members, approvals of the open round, latest release) and the
    /// organizations adopting it (not dropped), in the given transaction; with <paramref name="forUpdate"/> the draft row
    /// stays locked until it ends. Null when missing or hidden.
    /// </summary>
    internal static async Task<LoadedDraft?> LoadSnapshotAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, Guid id, bool forUpdate, CancellationToken ct)
    {
        var sql = $"""
            {HeadSelect} where d.id = @id {(forUpdate ? "for update of d" : "")};
            {MembersSelect}
            select organization_id from reviews
            where verdict = 'approve' and round_id = (select open_round_id from drafts where id = @id);
            {LatestVersionSelect}
            select organization_id from adoptions where draft_id = @id and status <> 'dropped';
            {RoundAuthorsSelect}
            """;
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql, new { id }, tx, cancellationToken: ct));
        var head = await grid.ReadSingleOrDefaultAsync<DraftHeadRow>();
        if (head is null)
            return null;
        var members = (await grid.ReadAsync<Guid>()).ToList();
        var approvals = (await grid.ReadAsync<Guid>()).ToList();
        var snapshot = head.ToSnapshot(members, approvals, await grid.ReadSingleOrDefaultAsync<VersionRow>());
        var adopters = (await grid.ReadAsync<Guid>()).ToList();
        return new LoadedDraft(head, snapshot with { RoundAuthorIds = (await grid.ReadAsync<Guid>()).ToList() }, adopters);
    }

    private const string RevisionSelect = """
        select r.draft_id, r.revision, r.title, r.summary, r.body, r.body_html, r.steckbrief::text as steckbrief,
               u.display_name as author_name, r.created_at
        from draft_revisions r join users u on u.id = r.created_by
        """;

    public async Task<bool> CreateAsync(NewDraft draft, AuditEvent audit, CancellationToken ct)
    {
        const string insertDraft = """
            insert into drafts (id, owner_organization_id, cooperation_id, status, current_revision, title, summary, created_by, created_at, updated_at)
            values (@Id, @OwnerOrganizationId, @CooperationId, 'draft', 1, @Title, @Summary, @CreatedBy, @At, @At)
            """;
        await using var scope = await db.OpenAsync(ct);
        var conn = scope.Connection;
        var tx = scope.Transaction;
        try
        {
            await conn.ExecuteAsync(new CommandDefinition(insertDraft, new
            {
                draft.Id, draft.OwnerOrganizationId, draft.CooperationId, draft.Content.Title, draft.Content.Summary, draft.CreatedBy, draft.At,
            }, tx, cancellationToken: ct));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            return false;
        }

        await DraftWrites.InsertRevisionAsync(conn, tx, draft.Id, 1, draft.Content, draft.BodyHtml, draft.CreatedBy, draft.At, ct);
        await AuditWriter.WriteAsync(conn, tx, audit, ct);
        await scope.CommitAsync(ct);
        return true;
    }

    public async Task<DraftDetails?> GetAsync(Guid id, CancellationToken ct)
    {
        const string sql = $"""
            {HeadSelect} where d.id = @id;
            {MembersSelect}
            {RevisionSelect} where r.draft_id = @id and r.revision = (select current_revision from drafts where id = @id);
            select ozg_id from draft_catalog_services where draft_id = @id order by ozg_id;
            select rv.organization_id, o.name as organization_name, u.display_name as reviewer_name, rv.revision, rv.created_at
            from reviews rv join organizations o on o.id = rv.organization_id join users u on u.id = rv.reviewer_user_id
            -- (select coalesce(…)) is one value for the index; a bare coalesce counts as leaky and waits behind the row-level policies.
            where rv.verdict = 'approve' and rv.round_id = (select coalesce(
                (select open_round_id from drafts where id = @id),
                (select id from review_rounds where draft_id = @id and outcome = 'approved' order by closed_at desc limit 1)))
            order by rv.created_at;
            {LatestVersionSelect}
            """;
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql, new { id }, cancellationToken: ct));
        var head = await grid.ReadSingleOrDefaultAsync<DraftHeadRow>();
        if (head is null)
            return null;
        var members = (await grid.ReadAsync<Guid>()).ToList();
        var content = (await grid.ReadSingleAsync<RevisionRow>()).ToDomain();
        var services = (await grid.ReadAsync<string>()).ToList();
        var approvals = (await grid.ReadAsync<ApprovalRow>()).Select(a => a.ToDomain()).ToList();
        var latest = await grid.ReadSingleOrDefaultAsync<VersionRow>();
        var openApprovals = head.OpenRoundId is null ? [] : approvals.Select(a => a.OrganizationId).ToList();
        return new DraftDetails(head.ToSummary(), head.ToSnapshot(members, openApprovals, latest), content, services, approvals, head.ChangeSeq);
    }

    public async Task<long?> ChangeSeqAsync(Guid id, CancellationToken ct)
    {
        await using var scope = await db.ReadAsync(ct);
        return await scope.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "select change_seq from drafts where id = @id", new { id }, cancellationToken: ct));
    }

    /// <summary>The same rule as DraftAccess: member of an organization of the cooperation (the owner is one), coordinator, observer of the Land.</summary>
    private const string VisibleFilter = """
        (d.cooperation_id in (select cm.cooperation_id from cooperation_members cm where cm.organization_id = any(@Orgs))
         or d.cooperation_id = any(@Coordinated)
         or d.owner_organization_id in (select lo.id from organizations lo where lo.land_code = any(@Lands)))
        """;

    private static object VisibleArgs(Actor actor) => new
    {
        Orgs = actor.Memberships.Select(m => m.OrganizationId).ToArray(),
        Coordinated = actor.CoordinatedCooperationIds.ToArray(),
        Lands = actor.ObserverScopes.Select(s => s.LandCode).ToArray(),
    };

    public async Task<Page<DraftSummary>> ListVisibleAsync(Actor actor, DraftQuery query, PageRequest page, CancellationToken ct)
    {
        var filter = Sql.Where(
            (true, VisibleFilter),
            (query.Status is not null, "d.status = @Status"),
            (query.CooperationId is not null, "d.cooperation_id = @CooperationId"),
            (query.OrganizationId is not null, "d.owner_organization_id = @OrganizationId"));
        var sql = $"""
            {HeadSelect}
            {filter}
            order by d.updated_at desc, d.id
            limit @Size offset @Offset;
            select count(*) from drafts d join organizations o on o.id = d.owner_organization_id {filter};
            """;
        var args = new DynamicParameters(VisibleArgs(actor));
        args.AddDynamicParams(new { Status = query.Status?.ToCode(), query.CooperationId, query.OrganizationId, page.Size, page.Offset });
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql, args, cancellationToken: ct));
        var items = (await grid.ReadAsync<DraftHeadRow>()).Select(r => r.ToSummary()).ToList();
        return new Page<DraftSummary>(items, page.Number, page.Size, await grid.ReadSingleAsync<long>());
    }

    public async Task<DraftFacets> ListFacetsAsync(Actor actor, CancellationToken ct)
    {
        const string sql = $"""
            select distinct c.id, c.name from drafts d join organizations o on o.id = d.owner_organization_id join cooperations c on c.id = d.cooperation_id
            where {VisibleFilter} order by c.name, c.id;
            select distinct o.id, o.name from drafts d join organizations o on o.id = d.owner_organization_id
            where {VisibleFilter} order by o.name, o.id;
            """;
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql, VisibleArgs(actor), cancellationToken: ct));
        var cooperations = (await grid.ReadAsync<(Guid Id, string Name)>()).ToList();
        var organizations = (await grid.ReadAsync<(Guid Id, string Name)>()).ToList();
        return new DraftFacets(cooperations, organizations);
    }

    public async Task<IReadOnlyList<DraftRevision>> ListRevisionsAsync(Guid id, CancellationToken ct)
    {
        const string sql = $"{RevisionSelect} where r.draft_id = @id order by r.revision desc";
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        return (await conn.QueryAsync<RevisionRow>(new CommandDefinition(sql, new { id }, cancellationToken: ct))).Select(r => r.ToDomain()).ToList();
    }

    public async Task<IReadOnlyList<RevisionEntry>> ListRevisionEntriesAsync(Guid id, CancellationToken ct)
    {
        const string sql = """
            select r.revision, r.title, u.display_name as author_name, r.created_at
            from draft_revisions r join users u on u.id = r.created_by
            where r.draft_id = @id order by r.revision desc
            """;
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        return (await conn.QueryAsync<RevisionEntry>(new CommandDefinition(sql, new { id }, cancellationToken: ct))).ToList();
    }

    public async Task<DraftRevision?> GetRevisionAsync(Guid id, int revision, CancellationToken ct)
    {
        const string sql = $"{RevisionSelect} where r.draft_id = @id and r.revision = @revision";
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        return (await conn.QuerySingleOrDefaultAsync<RevisionRow>(new CommandDefinition(sql, new { id, revision }, cancellationToken: ct)))?.ToDomain();
    }

    public async Task<IReadOnlyList<ReviewEntry>> ListReviewsAsync(Guid id, CancellationToken ct)
    {
        const string sql = """
            select rv.id, rv.revision, rv.organization_id, o.name as organization_name, u.display_name as reviewer_name,
                   rv.verdict, rv.body, rv.body_html, rv.created_at
            from reviews rv join organizations o on o.id = rv.organization_id join users u on u.id = rv.reviewer_user_id
            where rv.draft_id = @id order by rv.created_at, rv.id
            """;
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        return (await conn.QueryAsync<ReviewRow>(new CommandDefinition(sql, new { id }, cancellationToken: ct))).Select(r => r.ToDomain()).ToList();
    }

    public Task<ILocked<DraftState, DraftChange>> LockAsync(Guid id, CancellationToken ct) =>
        Locked<DraftState, DraftChange>.OpenAsync(db, async scope =>
            await LoadSnapshotAsync(scope.Connection, scope.Transaction, id, forUpdate: true, ct) is { } loaded
                ? new DraftState(loaded.Snapshot, loaded.Head.Title, loaded.Head.OpenRoundId, loaded.Adopters)
                : null, DraftTransitions.WriteAsync, ct);
}

/// <summary>A draft as loaded for a decision: its head row, its snapshot and the organizations adopting it.</summary>
internal sealed record LoadedDraft(DraftHeadRow Head, DraftSnapshot Snapshot, IReadOnlyList<Guid> Adopters);
