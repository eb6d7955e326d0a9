using Dapper;
using Hub.Core.Drafts;
using Hub.Data.Common;
using Hub.Data.Inbox;

namespace Hub.Data.Drafts;

/// <summary>
/// Writes what Core decided for one lifecycle command (<see cref="DraftChanges"/>), in the transaction that holds the
/// draft's row lock (<see cref="DraftStore.LockAsync"/>): concurrent commands on one draft queue on that lock, so twenty
/// parallel releases give one release and parallel approvals count right. Nothing here decides: it writes the revision,
/// round, review or release the change names, its notices, the round it closes, the new status and the audit event.
/// </summary>
internal static class DraftTransitions
{
    public static async Task WriteAsync(DbScope scope, DraftChange change, CancellationToken ct)
    {
        var (conn, tx) = (scope.Connection, scope.Transaction);
        Task<int> ExecAsync(string sql, object args) => conn.ExecuteAsync(new CommandDefinition(sql, args, tx, cancellationToken: ct));

        if (change.NewRevision is { } revision)
        {
            await DraftWrites.InsertRevisionAsync(conn, tx, change.DraftId, change.Revision, revision.Content, revision.BodyHtml, change.ActorUserId, change.At, ct);
            await ExecAsync("update drafts set current_revision = @Revision, title = @Title, summary = @Summary where id = @DraftId",
                new { change.Revision, revision.Content.Title, revision.Content.Summary, change.DraftId });
        }

        if (change.NewRoundId is { } roundId)
        {
            await ExecAsync("insert into review_rounds (id, draft_id, revision, opened_by, opened_at) values (@roundId, @DraftId, @Revision, @ActorUserId, @At)",
                new { roundId, change.DraftId, change.Revision, change.ActorUserId, change.At });
            await ExecAsync("update drafts set open_round_id = @roundId where id = @DraftId", new { roundId, change.DraftId });
        }

        if (change.Review is { } review)
        {
            await ExecAsync("""
                insert into reviews (id, round_id, draft_id, revision, organization_id, reviewer_user_id, verdict, body, body_html, created_at)
                values (@Id, @RoundId, @DraftId, @Revision, @OrganizationId, @ActorUserId, @verdict, @Body, @BodyHtml, @At)
                """, new
            {
                review.Id, review.RoundId, change.DraftId, review.Revision, review.OrganizationId, change.ActorUserId, verdict = review.Verdict.ToCode(),
                review.Body, review.BodyHtml, change.At,
            });
        }

        if (change.Release is { } release)
        {
            await ExecAsync("""
                insert into releases (id, draft_id, owner_organization_id, cooperation_id, revision, major, minor, breaking, notes, notes_html, title, released_by, released_at)
                values (@Id, @DraftId, @OwnerOrganizationId, @CooperationId, @Revision, @Major, @Minor, @Breaking, @Notes, @NotesHtml, @Title, @ActorUserId, @At)
                """, new
            {
                release.Id, change.DraftId, release.OwnerOrganizationId, release.CooperationId, change.Revision, release.Version.Major, release.Version.Minor,
                release.Breaking, release.Notes, release.NotesHtml, release.Title, change.ActorUserId, change.At,
            });
        }

        foreach (var notice in change.Notices)
            await NoticeWriter.WriteAsync(conn, tx, notice, ct);
        if (change.ClosedRoundId is { } closed)
            await ExecAsync("update review_rounds set closed_at = @At, outcome = @RoundOutcome where id = @closed", new { change.At, change.RoundOutcome, closed });
        await ExecAsync("""
            update drafts set status = @status, updated_at = @At,
                open_round_id = case when @KeepsRound then open_round_id else null end
            where id = @DraftId
            """, new { status = change.Decision.To.ToCode(), change.At, change.KeepsRound, change.DraftId });
        await AuditWriter.WriteAsync(conn, tx, change.Audit, ct);
    }
}
