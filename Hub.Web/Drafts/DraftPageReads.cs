using Hub.Core.Audit;
using Hub.Core.Common;
using Hub.Core.Drafts;
using Hub.Core.Releases;
using Hub.Core.Tenancy;
using Microsoft.Extensions.Caching.Memory;

namespace Hub.Web.Drafts;

/// <summary>What a draft page shows that is the same for everyone who may see the draft.</summary>
public sealed record DraftPageData(
    DraftDetails Draft,
    IReadOnlyList<ReviewEntry> Reviews,
    IReadOnlyList<RevisionEntry> Revisions,
    IReadOnlyList<CommentEntry> Comments,
    IReadOnlyList<MarkdownHeading> Headings,
    Page<AuditEntry> Timeline,
    IReadOnlyList<ReleaseInfo> Releases);

/// <summary>
/// The reads of a draft page, kept in memory per draft and change counter (migration 0020): every change to what the
/// page shows counts <c>drafts.change_seq</c> up in the changing transaction, so data kept under the counter a request
/// reads is never older than the database. Each request still reads the counter through the row-level policies and
/// checks <see cref="DraftAccess"/> against the kept snapshot, so only those who may see the draft get it; the rest of
/// the page (what the reader may do) is decided per request. Kept entries are keyed by the counter read with the draft's
/// head, the first of the page's reads: the later reads may already include a newer change, never miss an older one.
/// Names of people and organizations may be as old as an entry's lifetime (<c>Hub:Cache:DraftPageSeconds</c>, 60;
/// 0 turns keeping off). Bounded by <c>Hub:Cache:DraftPagesMegabytes</c> (64; the least used go first).
/// </summary>
public sealed class DraftPageReads(IDraftStore drafts, ICommentStore comments, IAuditStore audit, IReleaseStore releases, IMarkdown markdown,
    IConfiguration configuration) : IDisposable
{
    public const int TimelineSize = 30;

    private readonly ReadDraft _read = new(drafts);
    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(configuration.GetValue("Hub:Cache:DraftPageSeconds", 60));
    private readonly MemoryCache _kept = new(new MemoryCacheOptions { SizeLimit = configuration.GetValue("Hub:Cache:DraftPagesMegabytes", 64L) * 1024 * 1024 });

    public async Task<Result<DraftPageData>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var keep = _lifetime > TimeSpan.Zero;
        if (keep)
        {
            if (await drafts.ChangeSeqAsync(id, ct) is not { } seq)
                return NotFound.Instance;
            if (_kept.TryGetValue((id, seq), out DraftPageData? kept) && kept is not null)
            {
                var visible = ReadDraft.Visible(actor, kept.Draft);
                return visible.IsSuccess ? kept : visible.Error;
            }
        }

        var found = await _read.GetAsync(actor, id, ct);
        if (!found.IsSuccess)
            return found.Error;
        var draft = found.Value;
        var data = new DraftPageData(draft, await drafts.ListReviewsAsync(id, ct), await drafts.ListRevisionEntriesAsync(id, ct),
            await comments.ListAsync(id, ct), markdown.Headings(draft.Content.Body), await audit.ListAsync("draft", id, new PageRequest(1, TimelineSize), ct),
            await releases.ListForDraftAsync(id, ct));
        if (keep)
            _kept.Set((id, draft.ChangeSeq), data, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = _lifetime, Size = ApproximateBytes(data) });
        return data;
    }

    /// <summary>Two bytes per character of the texts that can be long, and a little for everything else.</summary>
    private static long ApproximateBytes(DraftPageData data)
    {
        var chars = (long)data.Draft.Content.Body.Length + data.Draft.Content.BodyHtml.Length + (data.Draft.Content.Summary?.Length ?? 0)
            + data.Comments.Sum(c => (long)c.Body.Length + c.BodyHtml.Length) + data.Reviews.Sum(r => (long)r.Body.Length + r.BodyHtml.Length)
            + data.Timeline.Items.Sum(e => (long)(e.BeforeJson?.Length ?? 0) + (e.AfterJson?.Length ?? 0))
            + data.Releases.Sum(r => (long)r.Notes.Length + r.NotesHtml.Length);
        return (2 * chars) + 4096;
    }

    public void Dispose() => _kept.Dispose();
}
