using Dapper;
using Hub.Core.Common;
using Hub.Core.Drafts;
using Hub.Core.Releases;
using Hub.Data.Common;
using Hub.Data.Drafts;
using Hub.Data.Inbox;
using Npgsql;

namespace Hub.Data.Releases;

public sealed class ReleaseStore(HubDb db) : IReleaseStore
{
    private const string Select = """
        select rl.id, rl.draft_id, rl.title, rl.major, rl.minor, rl.revision, rl.breaking, rl.notes, rl.notes_html,
               rl.owner_organization_id, o.name as owner_organization_name, rl.cooperation_id, u.display_name as released_by_name,
               rl.status, rl.status_reason, rl.successor_release_id, rl.status_changed_at, rl.released_at
        from releases rl
        join organizations o on o.id = rl.owner_organization_id
        join users u on u.id = rl.released_by
        """;

    public async Task<Page<ReleaseInfo>> ListAsync(ReleaseQuery query, PageRequest page, CancellationToken ct)
    {
        var text = FieldValidator.Trim(query.Text);
        var filter = Sql.Where(
            (text is not null, """
                (rl.title ilike @Pattern or o.name ilike @Pattern
                 or exists (select 1 from draft_catalog_services dcs where dcs.draft_id = rl.draft_id and dcs.ozg_id = @Text))
                """),
            (query.ThemenfeldId is not null, """
                exists (select 1 from draft_catalog_services dcs join catalog_services cs on cs.ozg_id = dcs.ozg_id
                        where dcs.draft_id = rl.draft_id and cs.themenfeld_id = @ThemenfeldId)
                """),
            (query.Status is not null, "rl.status = @Status"),
            (query.DraftId is not null, "rl.draft_id = @DraftId"),
            (query.OwnerId is not null, "rl.owner_organization_id = @OwnerId"),
            (query.CooperationId is not null, "rl.cooperation_id = @CooperationId"),
            (query.LandCode is not null, "o.land_code = @LandCode"),
            (query.MinReifegrad is not null, """
                exists (select 1 from draft_revisions rev where rev.draft_id = rl.draft_id and rev.revision = rl.revision
                        and (rev.steckbrief->>'targetReifegrad')::int >= @MinReifegrad)
                """));
        var sql = $"""
            {Select}
            {filter}
            order by rl.released_at desc, rl.id
            limit @Size offset @Offset;
            select count(*) from releases rl join organizations o on o.id = rl.owner_organization_id {filter};
            """;
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql, new
        {
            Text = text, Pattern = Sql.ContainsPattern(text), query.ThemenfeldId, Status = query.Status?.ToCode(), query.DraftId, query.OwnerId, query.CooperationId,
            query.LandCode, query.MinReifegrad, page.Size, page.Offset,
        }, cancellationToken: ct));
        var items = (await grid.ReadAsync<ReleaseRow>()).Select(r => r.ToDomain()).ToList();
        return new Page<ReleaseInfo>(items, page.Number, page.Size, await grid.ReadSingleAsync<long>());
    }

    public async Task<IReadOnlyList<ReleaseInfo>> ListForDraftAsync(Guid draftId, CancellationToken ct)
    {
        // Not ListAsync with a draft filter: that one pages and counts; a draft's releases are few and all shown.
        const string sql = $"{Select} where rl.draft_id = @draftId order by rl.released_at desc, rl.id";
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        return (await conn.QueryAsync<ReleaseRow>(new CommandDefinition(sql, new { draftId }, cancellationToken: ct))).Select(r => r.ToDomain()).ToList();
    }

    public async Task<ReleaseInfo?> GetAsync(Guid id, CancellationToken ct)
    {
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        return await GetAsync(conn, null, id, ct);
    }

    private static async Task<ReleaseInfo?> GetAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, Guid id, CancellationToken ct) =>
        (await conn.QuerySingleOrDefaultAsync<ReleaseRow>(new CommandDefinition($"{Select} where rl.id = @id", new { id }, tx, cancellationToken: ct)))?.ToDomain();

    public async Task<ReleaseDetails?> GetDetailsAsync(Guid id, CancellationToken ct)
    {
        const string sql = $"""
            {Select} where rl.draft_id = (select draft_id from releases where id = @id) order by rl.major desc, rl.minor desc;
            select ozg_id from draft_catalog_services where draft_id = (select draft_id from releases where id = @id) order by ozg_id;
            select rv.organization_id, o.name as organization_name, u.display_name as reviewer_name, rv.revision, rv.created_at
            from releases rl
            join review_rounds rr on rr.draft_id = rl.draft_id and rr.revision = rl.revision and rr.outcome = 'approved'
            join reviews rv on rv.round_id = rr.id and rv.verdict = 'approve'
            join organizations o on o.id = rv.organization_id
            join users u on u.id = rv.reviewer_user_id
            where rl.id = @id
            order by rv.created_at;
            """;
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        List<ReleaseInfo> versions;
        List<string> services;
        List<Approval> approvals;
        await using (var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql, new { id }, cancellationToken: ct)))
        {
            versions = (await grid.ReadAsync<ReleaseRow>()).Select(r => r.ToDomain()).ToList();
            services = (await grid.ReadAsync<string>()).ToList();
            approvals = (await grid.ReadAsync<ApprovalRow>()).Select(a => a.ToDomain()).ToList();
        }

        var release = versions.FirstOrDefault(r => r.Id == id);
        if (release is null)
            return null;
        var previous = versions.Where(r => r.Version < release.Version).MaxBy(r => r.Version);
        var drafts = new DraftStore(db);
        var content = (await drafts.GetRevisionAsync(release.DraftId, release.Revision, ct))!;
        var previousContent = previous is null ? null : await drafts.GetRevisionAsync(release.DraftId, previous.Revision, ct);
        var successor = release.SuccessorReleaseId is { } s ? await GetAsync(conn, null, s, ct) : null;
        return new ReleaseDetails(release, content, services, approvals, previous, previousContent, successor, versions.Where(r => r.Id != id).ToList());
    }

    public async Task<ReleaseState?> ReadStateAsync(Guid id, Guid? successorId, CancellationToken ct)
    {
        await using var scope = await db.ReadAsync(ct);
        return await LoadStateAsync(scope, id, successorId, forUpdate: false, ct);
    }

    public Task<ILocked<ReleaseState, ReleaseChange>> LockAsync(Guid id, Guid? successorId, CancellationToken ct) =>
        Locked<ReleaseState, ReleaseChange>.OpenAsync(db, scope => LoadStateAsync(scope, id, successorId, forUpdate: true, ct), async (scope, change, token) =>
        {
            const string update = """
                update releases set status = @To, status_reason = @Reason, successor_release_id = coalesce(@SuccessorId, successor_release_id),
                       status_changed_at = @At, status_changed_by = @ChangedBy
                where id = @ReleaseId
                """;
            await AuditWriter.WriteAsync(scope, update, new { change.ReleaseId, To = change.To.ToCode(), change.Reason, change.SuccessorId, change.At, change.ChangedBy },
                change.Audit, token);
            await NoticeWriter.WriteAsync(scope.Connection, scope.Transaction, change.Notice, token);
        }, ct);

    /// <summary>
    /// The release, its draft's snapshot (null when hidden), the named successor and who hears of a change. With
    /// <paramref name="forUpdate"/> the draft row is locked first, then the release: the order every writer of a service's
    /// releases keeps (the lifecycle's transitions lock the draft; its current release is recounted by a trigger, migration 0023).
    /// </summary>
    private static async Task<ReleaseState?> LoadStateAsync(DbScope scope, Guid id, Guid? successorId, bool forUpdate, CancellationToken ct)
    {
        const string lockRows = """
            select rl.id from releases rl
            left join lateral (select 1 from drafts d where d.id = rl.draft_id for no key update) d on true
            where rl.id = @id for update of rl
            """;
        var (conn, tx) = (scope.Connection, scope.Transaction);
        if (forUpdate && await conn.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(lockRows, new { id }, tx, cancellationToken: ct)) is null)
            return null;
        if (await GetAsync(conn, tx, id, ct) is not { } release)
            return null;
        var draft = await DraftStore.LoadSnapshotAsync(conn, tx, release.DraftId, forUpdate: false, ct);
        var successor = successorId is { } s && s != id ? await GetAsync(conn, tx, s, ct) : null;
        var members = (await conn.QueryAsync<Guid>(new CommandDefinition(
            "select organization_id from cooperation_members where cooperation_id = @CooperationId", new { release.CooperationId }, tx, cancellationToken: ct))).ToList();
        return new ReleaseState(release, draft?.Snapshot, successor, members, draft?.Adopters ?? []);
    }
}

internal sealed class ReleaseRow
{
    public Guid Id { get; init; }

    public Guid DraftId { get; init; }

    public string Title { get; init; } = "";

    public int Major { get; init; }

    public int Minor { get; init; }

    public int Revision { get; init; }

    public bool Breaking { get; init; }

    public string Notes { get; init; } = "";

    public string NotesHtml { get; init; } = "";

    public Guid OwnerOrganizationId { get; init; }

    public string OwnerOrganizationName { get; init; } = "";

    public Guid CooperationId { get; init; }

    public string ReleasedByName { get; init; } = "";

    public string Status { get; init; } = "";

    public string? StatusReason { get; init; }

    public Guid? SuccessorReleaseId { get; init; }

    public DateTimeOffset? StatusChangedAt { get; init; }

    public DateTimeOffset ReleasedAt { get; init; }

    public ReleaseInfo ToDomain() => new(Id, DraftId, Title, new ReleaseVersion(Major, Minor), Revision, Breaking, Notes, NotesHtml,
        OwnerOrganizationId, OwnerOrganizationName, CooperationId, ReleasedByName, ReleaseStatusCodes.Parse(Status), StatusReason, SuccessorReleaseId,
        StatusChangedAt, ReleasedAt);
}
