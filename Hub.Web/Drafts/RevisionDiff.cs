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

public sealed record FieldDiffDto(string Field, bool Changed, IReadOnlyList<DiffLine> Lines);

/// <summary>
/// One field of the revision (title, description, a Steckbrief entry) compared line by line. The side-by-side rows are
/// computed only when a page shows them (a second diff with word-level pieces: half of a 20 kB diff page's work).
/// </summary>
public sealed class FieldDiff(string name, string label, bool changed, IReadOnlyList<DiffLine> inline, Func<IReadOnlyList<DiffRow>> sideBySide)
{
    private readonly Lazy<IReadOnlyList<DiffRow>> _sideBySide = new(sideBySide);

    public string Field => name;

    public string Label => label;

    public bool Changed => changed;

    public IReadOnlyList<DiffLine> Inline => inline;

    public IReadOnlyList<DiffRow> SideBySide => _sideBySide.Value;
}

/// <summary>The difference between two revisions of a draft, readable inline or side by side (DiffPlex, line level).</summary>
public sealed record RevisionDiff(int From, int To, IReadOnlyList<FieldDiff> Fields)
{
    public int InsertedLines => Fields.Sum(f => f.Inline.Count(l => l.Kind == DiffKind.Inserted));

    public int DeletedLines => Fields.Sum(f => f.Inline.Count(l => l.Kind == DiffKind.Deleted));

    private static readonly InlineDiffBuilder _inline = new(new Differ());
    private static readonly SideBySideDiffBuilder _sideBySide = new(new Differ());

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

    private static FieldDiff Compare(string field, string label, string oldText, string newText)
    {
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
