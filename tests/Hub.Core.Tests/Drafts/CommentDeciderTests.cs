using Hub.Core.Common;
using Hub.Core.Drafts;
using Hub.Core.Tenancy;
using Hub.Core.Tests.Common;
using static Hub.Core.Tests.Common.World;

namespace Hub.Core.Tests.Drafts;

/// <summary>Commenting, replying and resolving: every draft status × kind × role, and every role × thread against the tables.</summary>
public sealed class CommentDeciderTests
{
    public enum Kind
    {
        NewThread,
        Reply,
        ReplyToAReply,
    }

    private static readonly Role[] _see = [Role.OwnerEditor, Role.OwnerAdmin, Role.OwnerReviewer, Role.PartnerReviewer, Role.PartnerEditor, Role.Coordinator, Role.Observer];
    private static readonly Role[] _comment = [Role.OwnerEditor, Role.OwnerAdmin, Role.OwnerReviewer, Role.PartnerReviewer, Role.PartnerEditor, Role.Coordinator];
    private static readonly Role[] _resolveOthers = [Role.OwnerEditor, Role.OwnerAdmin, Role.Coordinator];

    private static readonly Guid _starter = Guid.NewGuid();
    private static readonly Guid _replier = Guid.NewGuid();

    private static DraftDetails Details(DraftStatus status)
    {
        var snapshot = Draft(status);
        var summary = new DraftSummary(snapshot.Id, "Urkunde", status, Owner, "Owner", CooperationId, "Verbund", 3, DateTimeOffset.UnixEpoch);
        var content = new DraftRevision(snapshot.Id, 3, "Urkunde", null, "", "", new Steckbrief(), "Eva", DateTimeOffset.UnixEpoch);
        return new DraftDetails(summary, snapshot, content, [], []);
    }

    private static CommentEntry Comment(Guid draftId, Guid author, Guid? parent = null, bool resolved = false) =>
        new(Guid.NewGuid(), draftId, 3, null, parent, author, "A", null, null, "b", "<p>b</p>", DateTimeOffset.UnixEpoch,
            resolved ? DateTimeOffset.UnixEpoch : null, resolved ? "A" : null);

    /// <summary>A thread started by one person with one reply by another.</summary>
    private static List<CommentEntry> ThreadOf(Guid draftId, bool resolved = false)
    {
        var root = Comment(draftId, _starter, resolved: resolved);
        return [root, Comment(draftId, _replier, root.Id)];
    }

    private static AddCommentCommand Say(Guid? parent = null, int? revision = null, string? anchor = null, string? body = "  Bitte prüfen  ") =>
        new(body, revision, anchor, parent);

    public static TheoryData<DraftStatus, Kind, Role> EveryComment() => Every<DraftStatus, Kind, Role>();

    [Theory]
    [MemberData(nameof(EveryComment))]
    public void Add_EveryDraftStatusKindAndRole_MatchesTheTables(DraftStatus status, Kind kind, Role role)
    {
        var draft = Details(status);
        var thread = kind == Kind.NewThread ? [] : ThreadOf(draft.Summary.Id);
        var parent = kind switch
        {
            Kind.Reply => thread[0].Id,
            Kind.ReplyToAReply => thread[1].Id,
            _ => (Guid?)null,
        };
        var actor = Make(role);

        var result = CommentDecider.Add(new CommentState(draft, null, thread), Say(parent), actor, Markdown, Clock);

        if (!_see.Contains(role))
        {
            Assert.IsType<NotFound>(result.Error);
        }
        else if (!_comment.Contains(role))
        {
            Assert.Equal("not_a_participant", Assert.IsType<Forbidden>(result.Error).Code);
        }
        else if (status == DraftStatus.Withdrawn)
        {
            Assert.Equal("withdrawn", Assert.IsType<Conflict>(result.Error).Details["currentStatus"]);
        }
        else
        {
            var add = result.Value!;
            var reply = kind != Kind.NewThread;
            Assert.Equal((draft.Summary.Id, 3, "Bitte prüfen", "<p>  Bitte prüfen  </p>", actor.UserId, Clock.UtcNow),
                (add.Comment.DraftId, add.Comment.Revision, add.Comment.Body, add.Comment.BodyHtml, add.Comment.AuthorUserId, add.Comment.At));
            Assert.Equal(reply ? thread[0].Id : (Guid?)null, add.Comment.ParentId);
            Assert.Equal(DraftAccess.For(actor, draft.Snapshot).SpeaksFor, add.Comment.OrganizationId);
            Assert.Equal((reply ? "replied" : "commented", "draft", draft.Summary.Id, Clock.UtcNow), (add.Audit.Action, add.Audit.EntityType, add.Audit.EntityId, add.Audit.OccurredAt));
            Assert.Equal((reply ? "replied" : "commented", "Urkunde", add.Comment.Id, actor.UserId), (add.Notice.Kind, add.Notice.Subject, add.Notice.CommentId!.Value, add.Notice.ActorUserId));
            Assert.Equal(reply ? Array.Empty<Guid>() : [Owner], add.Notice.To.OrganizationIds);
            Assert.Equal(reply ? null : Roles.Editing, add.Notice.To.Roles);
            Assert.Equal(reply ? [_starter, _replier] : Array.Empty<Guid>(), add.Notice.To.UserIds);
        }
    }

    [Fact]
    public void Add_ToAResolvedThread_IsAConflict_AfterTheFieldChecks()
    {
        var draft = Details(DraftStatus.InReview);
        var thread = ThreadOf(draft.Summary.Id, resolved: true);

        var reply = CommentDecider.Add(new CommentState(draft, null, thread), Say(thread[1].Id), Make(Role.PartnerReviewer), Markdown, Clock);
        var empty = CommentDecider.Add(new CommentState(draft, null, thread), Say(thread[1].Id, body: " "), Make(Role.PartnerReviewer), Markdown, Clock);

        Assert.Equal("thread_resolved", Assert.IsType<Conflict>(reply.Error).Code);
        Assert.True(Assert.IsType<ValidationFailed>(empty.Error).FieldErrors.ContainsKey("body"));
    }

    [Theory]
    [InlineData(0, null, "revision")]
    [InlineData(4, null, "revision")]
    [InlineData(2, "fehlt", "anchor")]
    [InlineData(null, "fehlt", "anchor")]
    public void Add_OnARevisionOrSectionThatDoesNotExist_NamesTheField(int? revision, string? anchor, string field)
    {
        var state = new CommentState(Details(DraftStatus.Draft), ["antrag", "gebuehren"], []);

        var result = CommentDecider.Add(state, Say(revision: revision, anchor: anchor), Make(Role.OwnerEditor), Markdown, Clock);

        Assert.Equal([field], Assert.IsType<ValidationFailed>(result.Error).FieldErrors.Keys);
    }

    [Fact]
    public void Add_BodyTheRendererRefuses_NamesTheBody()
    {
        var result = CommentDecider.Add(new CommentState(Details(DraftStatus.Draft), null, []), Say(body: "Liste " + TooDeep), Make(Role.OwnerEditor), Markdown, Clock);

        Assert.Equal(["body"], Assert.IsType<ValidationFailed>(result.Error).FieldErrors.Keys);
    }

    [Fact]
    public void Add_OnASectionOfAnOlderRevision_KeepsRevisionAndTrimmedAnchor()
    {
        var state = new CommentState(Details(DraftStatus.Draft), ["antrag", "gebuehren"], []);

        var comment = CommentDecider.Add(state, Say(revision: 2, anchor: " gebuehren "), Make(Role.OwnerEditor), Markdown, Clock).Value!.Comment;

        Assert.Equal((2, "gebuehren"), (comment.Revision, comment.Anchor));
    }

    [Fact]
    public void Add_ReplyToACommentOfAnotherDraftOrUnknown_NamesTheParent()
    {
        var draft = Details(DraftStatus.InReview);
        var elsewhere = ThreadOf(Guid.NewGuid());

        var foreign = CommentDecider.Add(new CommentState(draft, null, elsewhere), Say(elsewhere[0].Id), Make(Role.OwnerEditor), Markdown, Clock);
        var unknown = CommentDecider.Add(new CommentState(draft, null, []), Say(Guid.NewGuid()), Make(Role.OwnerEditor), Markdown, Clock);

        Assert.True(Assert.IsType<ValidationFailed>(foreign.Error).FieldErrors.ContainsKey("parentId"));
        Assert.True(Assert.IsType<ValidationFailed>(unknown.Error).FieldErrors.ContainsKey("parentId"));
        Assert.IsType<NotFound>(CommentDecider.Add(new CommentState(null, null, []), Say(), Make(Role.OwnerEditor), Markdown, Clock).Error);
    }

    public enum Which
    {
        Own,
        Others,
        OthersResolved,
        Reply,
    }

    public static TheoryData<Role, Which, DraftStatus> EveryResolve() => Every<Role, Which, DraftStatus>();

    [Theory]
    [MemberData(nameof(EveryResolve))]
    public void Resolve_EveryRoleAndThread_MatchesTheTables(Role role, Which which, DraftStatus status)
    {
        var actor = Make(role);
        var draft = Draft(status);
        var comment = which switch
        {
            Which.Own => Comment(draft.Id, actor.UserId),
            Which.Reply => Comment(draft.Id, actor.UserId, Guid.NewGuid()),
            _ => Comment(draft.Id, _starter, resolved: which == Which.OthersResolved),
        };

        var result = CommentDecider.Resolve(new ResolveState(comment, draft), actor, Clock);

        var mayResolve = _resolveOthers.Contains(role) || (which == Which.Own && _comment.Contains(role));
        if (!_see.Contains(role))
        {
            Assert.IsType<NotFound>(result.Error);
        }
        else if (which == Which.Reply)
        {
            Assert.True(Assert.IsType<ValidationFailed>(result.Error).FieldErrors.ContainsKey("id"));
        }
        else if (!mayResolve)
        {
            Assert.Equal("not_allowed_to_resolve", Assert.IsType<Forbidden>(result.Error).Code);
        }
        else if (which == Which.OthersResolved)
        {
            Assert.Equal("already_resolved", Assert.IsType<Conflict>(result.Error).Code);
        }
        else
        {
            var resolve = result.Value!;
            Assert.Equal((comment.Id, actor.UserId, Clock.UtcNow), (resolve.CommentId, resolve.ResolvedBy, resolve.At));
            Assert.Equal(("comment_resolved", draft.Id, DraftAccess.For(actor, draft).SpeaksFor), (resolve.Audit.Action, resolve.Audit.EntityId, resolve.Audit.ActingOrganizationId));
        }
    }

    [Fact]
    public void Resolve_UnknownOrHidden_IsNotFound()
    {
        var comment = Comment(Guid.NewGuid(), _starter);

        Assert.IsType<NotFound>(CommentDecider.Resolve(null, Make(Role.OwnerEditor), Clock).Error);
        Assert.IsType<NotFound>(CommentDecider.Resolve(new ResolveState(comment, null), Make(Role.OwnerEditor), Clock).Error);
    }
}
