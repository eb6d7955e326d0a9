using System.Text.RegularExpressions;
using Hub.Core.Common;

namespace Hub.Core.Drafts;

/// <summary>The "Steckbrief" of an online service besides title, summary and the Markdown description.</summary>
public sealed record Steckbrief(
    string? Platform = null,
    int? TargetReifegrad = null,
    string? PaymentMethods = null,
    string? Evidence = null,
    string? LegalBasis = null,
    string? Fees = null,
    string? Contact = null);

/// <summary>What one save writes: a complete new revision.</summary>
public sealed partial record DraftContent(string? Title, string? Summary, string? Body, Steckbrief? Steckbrief, IReadOnlyCollection<string>? CatalogServiceIds)
{
    public const int TitleMax = 200;
    public const int SummaryMax = 1000;
    public const int BodyMax = 200_000;
    public const int FieldMax = 2000;

    public FieldValidator Validate()
    {
        var s = Steckbrief ?? new Steckbrief();
        var v = new FieldValidator()
            .Required("title", Title, TitleMax)
            .MaxLength("summary", Summary, SummaryMax)
            .MaxLength("body", Body, BodyMax)
            .MaxLength("platform", s.Platform, 200)
            .Range("targetReifegrad", s.TargetReifegrad, 0, 4)
            .MaxLength("paymentMethods", s.PaymentMethods, FieldMax)
            .MaxLength("evidence", s.Evidence, FieldMax)
            .MaxLength("legalBasis", s.LegalBasis, FieldMax)
            .MaxLength("fees", s.Fees, FieldMax)
            .MaxLength("contact", s.Contact, FieldMax);
        if (CatalogServiceIds is { } ids && (ids.Count > 50 || ids.Any(id => !OzgId().IsMatch(id))))
            v.Add("catalogServiceIds", "OZG-IDs haben 5 Ziffern (höchstens 50 je Entwurf).");
        return v;
    }

    public DraftContent Normalized() => this with
    {
        Title = Title?.Trim(),
        Summary = FieldValidator.Trim(Summary),
        Body = Body ?? "",
        Steckbrief = Steckbrief ?? new Steckbrief(),
        CatalogServiceIds = (CatalogServiceIds ?? []).Distinct().Order(StringComparer.Ordinal).ToList(),
    };

    [GeneratedRegex("^[0-9]{5}$")]
    private static partial Regex OzgId();
}
