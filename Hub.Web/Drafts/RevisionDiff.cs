using System.Globalization;
using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Hub.Core.Drafts;

namespace Hub.Web.Drafts;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<DiffKind>))]
public enum DiffKind
{
    [System.Text.Json.Serialization.JsonStringEnumMemberName("unchanged")]
    Unchanged,
    [System.Text.Json.Serialization.JsonStringEnumMemberName("inserted")]
    Inserted,
    [System.Text.Json.Serialization.JsonStringEnumMemberName("deleted")]
    Deleted,
    [System.Text.Json.Serialization.JsonStringEnumMemberName("modified")]
    Modified,
    [System.Text.Json.Serialization.JsonStringEnumMemberName("empty")]
    Empty,
}

public sealed record DiffLine(DiffKind Kind, int? Number, string Text);

public sealed record DiffRow(DiffLine Old, DiffLine New);

/// <summary>The API's view of a diff: the inline lines of every field.</summary>
public sealed record RevisionDiffDto(int From, int To, int InsertedLines, int DeletedLines, IReadOnlyList<FieldDiffDto> Fields);

/// <summary>One field's diff; <c>tooLarge</c>: over the diff budget, compare the two revisions' texts instead.</summary>
public sealed record FieldDiffDto(string Field, bool Changed, bool TooLarge, IReadOnlyList<DiffLine> Lines);

/// <summary>
/// One field of the revision (title, description, a Steckbrief entry) compared line by line. The side-by-side rows are
/// computed only when a page shows them (a second diff with word-level pieces: half of a 20 kB diff page's work).
/// </summary>
public sealed class FieldDiff(string name, string label, bool changed, IReadOnlyList<DiffLine> inline, Func<IReadOnlyList<DiffRow>> sideBySide, bool tooLarge = false)
{
    private readonly Lazy<IReadOnlyList<DiffRow>> _sideBySide = new(sideBySide);

    public string Field => name;

    public string Label => label;

    public bool Changed => changed;

    /// <summary>The changed part is over <see cref="RevisionDiff.MaxChangedLinePairs"/> or <see cref="RevisionDiff.MaxChangedChars"/>: not compared.</summary>
    public bool TooLarge => tooLarge;

    public IReadOnlyList<DiffLine> Inline => inline;

    public IReadOnlyList<DiffRow> SideBySide => _sideBySide.Value;
}

/// <summary>The difference between two revisions of a draft, readable inline or side by side (DiffPlex, line level).</summary>
public sealed record RevisionDiff(int From, int To, IReadOnlyList<FieldDiff> Fields)
{
    public bool TooLarge => Fields.Any(f => f.TooLarge);

    public int InsertedLines => Fields.Sum(f => f.Inline.Count(l => l.Kind == DiffKind.Inserted));

    public int DeletedLines => Fields.Sum(f => f.Inline.Count(l => l.Kind == DiffKind.Deleted));

    private static readonly InlineDiffBuilder _inline = new(new Differ());
    private static readonly SideBySideDiffBuilder _sideBySide = new(new Differ());

    /// <summary>
    /// The diff of a revision pair, kept for ten minutes (Hub:Cache:RevisionDiffSeconds): revisions never change, so the
    /// pair's diff is computed once for every reader. Callers check access to the draft first. A diff weighs in the
    /// cache's bound by its size.
    /// </summary>
    public static Task<RevisionDiff> CachedAsync(Hub.Web.Common.ShortCache cache, Guid draftId, DraftRevision from, DraftRevision to, CancellationToken ct) =>
        cache.GetAsync("RevisionDiff", 600, $"{draftId:N}:{from.Revision}:{to.Revision}", _ => Task.FromResult(Between(from, to)), ct,
            // One cache entry per 10,000 characters of lines kept (twice: the side-by-side view may be built too), so large
            // diffs cannot crowd out the figures the cache exists for or grow without bound.
            size: diff => 1 + (2 * diff.Fields.Sum(f => f.Inline.Sum(l => (long)l.Text.Length)) / 10_000));

    public static RevisionDiff Between(DraftRevision from, DraftRevision to)
    {
        var fields = new (string Field, string Label, Func<DraftRevision, string?> Value)[]
        {
            ("title", "Titel", r => r.Title),
            ("summary", "Kurzbeschreibung", r => r.Summary),
            ("body", "Beschreibung des Prozesses", r => r.Body),
            ("platform", "Zielplattform", r => r.Steckbrief.Platform),
            ("targetReifegrad", "Angestrebter Reifegrad (0–4)", r => r.Steckbrief.TargetReifegrad?.ToString(CultureInfo.InvariantCulture)),
            ("paymentMethods", "Bezahlverfahren", r => r.Steckbrief.PaymentMethods),
            ("evidence", "Nachweise", r => r.Steckbrief.Evidence),
            ("legalBasis", "Rechtsgrundlage", r => r.Steckbrief.LegalBasis),
            ("fees", "Gebühren", r => r.Steckbrief.Fees),
            ("contact", "Kontakt", r => r.Steckbrief.Contact),
        };
        return new RevisionDiff(from.Revision, to.Revision, fields.Select(f => Compare(f.Field, f.Label, f.Value(from) ?? "", f.Value(to) ?? "")).ToList());
    }

    /// <summary>
    /// The diff budget (attack finding 6: two 200 kB revisions took 24 s and 19 MB per request). After the lines both
    /// texts share at their start and end, the changed middles may hold at most this many line pairs and characters;
    /// within it a diff page costs well under a second (DiffPlex is O((N+M)·D) by lines, and its side-by-side view compares
    /// the words of changed lines). Over it, the page says so and links both revisions.
    /// </summary>
    public const long MaxChangedLinePairs = 1_000_000;

    public const int MaxChangedChars = 60_000;

    public static bool OverBudget(string oldText, string newText)
    {
        var a = oldText.Split('\n');
        var b = newText.Split('\n');
        var start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start])
            start++;
        var endA = a.Length;
        var endB = b.Length;
        while (endA > start && endB > start && a[endA - 1] == b[endB - 1])
        {
            endA--;
            endB--;
        }

        long pairs = (long)(endA - start) * (endB - start);
        var chars = a[start..endA].Sum(l => (long)l.Length) + b[start..endB].Sum(l => (long)l.Length);
        return pairs > MaxChangedLinePairs || chars > MaxChangedChars;
    }

    private static FieldDiff Compare(string field, string label, string oldText, string newText)
    {
        if (OverBudget(oldText, newText))
            return new FieldDiff(field, label, true, [], () => [], tooLarge: true);
        var inline = _inline.BuildDiffModel(oldText, newText);
        return new FieldDiff(field, label, oldText != newText, inline.Lines.Select(Line).ToList(), () =>
        {
            var sides = _sideBySide.BuildDiffModel(oldText, newText);
            return sides.OldText.Lines.Zip(sides.NewText.Lines, (o, n) => new DiffRow(Line(o), Line(n))).ToList();
        });
    }

    private static DiffLine Line(DiffPiece piece) => new(
        piece.Type switch
        {
            ChangeType.Inserted => DiffKind.Inserted,
            ChangeType.Deleted => DiffKind.Deleted,
            ChangeType.Modified => DiffKind.Modified,
            ChangeType.Imaginary => DiffKind.Empty,
            _ => DiffKind.Unchanged,
        },
        piece.Position,
        piece.Text ?? "");
}
