using Hub.Core.Audit;
using Hub.Core.Common;
using Hub.Core.Tenancy;

namespace Hub.Core.Drafts;

public interface IDraftStore
{
    /// <summary>Inserts the draft with revision 1 and its audit event; false when the owner is not a member of the cooperation.</summary>
    Task<bool> CreateAsync(NewDraft draft, AuditEvent audit, CancellationToken ct);

    Task<DraftDetails?> GetAsync(Guid id, CancellationToken ct);

    /// <summary>
    /// The draft's change counter (counted up by every change to what its page shows, in the changing transaction), or
    /// null when the draft does not exist or the acting user may not see it.
    /// </summary>
    Task<long?> ChangeSeqAsync(Guid id, CancellationToken ct);

    /// <summary>Only drafts the actor may see (the same rules as <see cref="DraftAccess"/>, in SQL).</summary>
    Task<Page<DraftSummary>> ListVisibleAsync(Actor actor, DraftQuery query, PageRequest page, CancellationToken ct);

    Task<DraftFacets> ListFacetsAsync(Actor actor, CancellationToken ct);

    Task<IReadOnlyList<DraftRevision>> ListRevisionsAsync(Guid id, CancellationToken ct);

    /// <summary>The revisions newest first, without their content (a page's list of revisions; 20 kB each otherwise).</summary>
    Task<IReadOnlyList<RevisionEntry>> ListRevisionEntriesAsync(Guid id, CancellationToken ct);

    Task<DraftRevision?> GetRevisionAsync(Guid id, int revision, CancellationToken ct);

    Task<IReadOnlyList<ReviewEntry>> ListReviewsAsync(Guid id, CancellationToken ct);

    /// <summary>
    /// The draft's state for a lifecycle command, with its row locked until the transaction ends (concurrent commands on
    /// one draft are decided one after the other); committing writes what <see cref="DraftChanges"/> decided. Null state
    /// when the draft does not exist or is hidden from the actor.
    /// </summary>
    Task<ILocked<DraftState, DraftChange>> LockAsync(Guid id, CancellationToken ct);
}
