using Dapper;
using Hub.Core.Audit;
using Hub.Core.Common;
using Hub.Core.Drafts;
using Hub.Core.Inbox;
using Hub.Core.Tenancy;
using Hub.Data.Common;
using Hub.Data.Inbox;
using Npgsql;

namespace Hub.Data.Drafts;

/// <summary>
/// Executes one lifecycle command atomically: lock the draft row, load the snapshot, ask Core's
/// <see cref="DraftLifecycle"/>, write what it decided plus an audit event, commit. Concurrent commands on one
/// draft queue on the row lock, so twenty parallel releases give one release and parallel approvals count right.
/// </summary>
internal sealed class DraftTransitions(HubDb db)
{
    public async Task<Result<TransitionOutcome>> ExecuteAsync(Guid id, Actor actor, DraftCommand command, TransitionPayload payload, CancellationToken ct)
    {
        await using var scope = await db.OpenAsync(ct);
        var conn = scope.Connection;
        var tx = scope.Transaction;
        if (await DraftStore.LoadSnapshotAsync(conn, tx, id, forUpdate: true, ct) is not { } loaded)
            return NotFound.Instance;
        var (head, snapshot) = loaded;

        var decided = DraftLifecycle.Decide(snapshot, command, actor);
        if (!decided.IsSuccess)
            return decided.Error!;
        var decision = decided.Value!;
        var now = DateTimeOffset.UtcNow;
        var write = new Writer(conn, tx, head, snapshot, decision, actor, payload, now, ct);
        var outcome = await write.ApplyAsync(command.Action);

        await AuditWriter.WriteAsync(conn, tx, AuditEvent.Create(now, actor, decision.ActingOrganizationId ?? snapshot.OwnerOrganizationId,
            "draft", id, ActionCode(command.Action),
            before: new { status = decision.From.ToCode(), revision = snapshot.CurrentRevision },
            after: new { status = decision.To.ToCode(), revision = outcome.Revision, version = decision.Version?.ToString(), releaseId = outcome.ReleaseId, reviewId = outcome.ReviewId }), ct);
        await scope.CommitAsync(ct);
        return outcome;
    }

    private static string ActionCode(DraftAction action) => action switch
    {
        DraftAction.Edit => "revised",
        DraftAction.Submit => "submitted",
        DraftAction.Recall => "recalled",
        DraftAction.Approve => "approved",
        DraftAction.RequestChanges => "changes_requested",
        DraftAction.Comment => "review_commented",
        DraftAction.Release => "released",
        DraftAction.Withdraw => "withdrawn",
        _ => action.ToString().ToLowerInvariant(),
    };

    private sealed class Writer(
        NpgsqlConnection conn, NpgsqlTransaction tx, DraftHeadRow head, DraftSnapshot snapshot, DraftDecision decision, Actor actor,
        TransitionPayload payload, DateTimeOffset now, CancellationToken ct)
    {
        private Guid[] Partners => snapshot.CooperationMemberIds.Where(m => m != snapshot.OwnerOrganizationId).ToArray();

        public async Task<TransitionOutcome> ApplyAsync(DraftAction action)
        {
            var revision = snapshot.CurrentRevision;
            Guid? releaseId = null;
            Guid? reviewId = null;
            switch (action)
            {
                case DraftAction.Edit:
                    revision++;
                    await DraftWrites.InsertRevisionAsync(conn, tx, snapshot.Id, revision, payload.Content!, payload.BodyHtml ?? "", actor.UserId, now, ct);
                    await ExecAsync("update drafts set current_revision = @revision, title = @Title, summary = @Summary where id = @Id",
                        new { revision, payload.Content!.Title, payload.Content.Summary, snapshot.Id });
                    break;
                case DraftAction.Submit:
                    var roundId = Ids.New();
                    await ExecAsync("insert into review_rounds (id, draft_id, revision, opened_by, opened_at) values (@roundId, @Id, @revision, @user, @now)",
                        new { roundId, snapshot.Id, revision, user = actor.UserId, now });
                    await ExecAsync("update drafts set open_round_id = @roundId where id = @Id", new { roundId, snapshot.Id });
                    await NotifyAsync(Partners, Roles.Reviewing, "review_requested", revision);
                    break;
                case DraftAction.Approve or DraftAction.RequestChanges or DraftAction.Comment:
                    reviewId = Ids.New();
                    await ExecAsync("""
                        insert into reviews (id, round_id, draft_id, revision, organization_id, reviewer_user_id, verdict, body, body_html, created_at)
                        values (@reviewId, @round, @Id, @roundRevision, @org, @user, @verdict, @body, @html, @now)
                        """, new
                    {
                        reviewId, round = head.OpenRoundId, snapshot.Id, roundRevision = snapshot.RoundRevision ?? revision,
                        org = decision.ActingOrganizationId, user = actor.UserId, verdict = VerdictCode(action), body = payload.Text ?? "",
                        html = payload.TextHtml ?? "", now,
                    });
                    if (decision.To == DraftStatus.Approved)
                        await NotifyAsync([snapshot.OwnerOrganizationId], Roles.Editing, "approved", revision);
                    if (decision.To == DraftStatus.ChangesRequested)
                        await NotifyAsync([snapshot.OwnerOrganizationId], Roles.Editing, "changes_requested", revision);
                    break;
                case DraftAction.Release:
                    releaseId = Ids.New();
                    await ExecAsync("""
                        insert into releases (id, draft_id, owner_organization_id, cooperation_id, revision, major, minor, breaking, notes, notes_html, title, released_by, released_at)
                        values (@releaseId, @Id, @OwnerOrganizationId, @CooperationId, @revision, @Major, @Minor, @breaking, @notes, @html, @title, @user, @now)
                        """, new
                    {
                        releaseId, snapshot.Id, snapshot.OwnerOrganizationId, snapshot.CooperationId, revision, decision.Version!.Major, decision.Version.Minor, breaking = snapshot.LatestRelease is { } latest && decision.Version.Major > latest.Major,
                        notes = payload.Text ?? "", html = payload.TextHtml ?? "", title = head.Title, user = actor.UserId, now,
                    });
                    await NotifyAsync(snapshot.CooperationMemberIds.ToArray(), Roles.Editing, "released", revision);
                    await NotifyAsync(await DraftWrites.AdopterOrganizationsAsync(conn, tx, snapshot.Id, ct), Roles.Editing, "update_available", revision);
                    break;
            }

            if (decision.ClosesRound && head.OpenRoundId is { } open)
                await ExecAsync("update review_rounds set closed_at = @now, outcome = @outcome where id = @open", new { now, outcome = Outcome(action), open });
            await ExecAsync("""
                update drafts set status = @status, updated_at = @now,
                    open_round_id = case when @keepRound then open_round_id else null end
                where id = @Id
                """, new { status = decision.To.ToCode(), now, keepRound = decision.To == DraftStatus.InReview, snapshot.Id });
            return new TransitionOutcome(decision, revision, releaseId, reviewId);
        }

        private static string VerdictCode(DraftAction action) => action switch
        {
            DraftAction.Approve => "approve",
            DraftAction.RequestChanges => "request_changes",
            _ => "comment",
        };

        private static string Outcome(DraftAction action) => action switch
        {
            DraftAction.Approve => "approved",
            DraftAction.RequestChanges => "changes_requested",
            DraftAction.Withdraw => "withdrawn",
            _ => "recalled",
        };

        private Task<int> ExecAsync(string sql, object args) => conn.ExecuteAsync(new CommandDefinition(sql, args, tx, cancellationToken: ct));

        private Task NotifyAsync(Guid[] orgs, RoleSet roles, string kind, int revision) =>
            NoticeWriter.WriteAsync(conn, tx, new Notice(kind, Recipients.Members(orgs, roles), snapshot.Id, head.Title, revision, now, actor.UserId)
            {
                Version = decision.Version?.ToString(),
            }, ct);
    }
}
