using Hub.Core.Common;
using Hub.Core.Drafts;
using Hub.Core.Tenancy;

namespace Hub.Core.Tests.Common;

/// <summary>Who acts in the decider tables: one owner, two partners in one cooperation, an organization outside it.</summary>
public enum Role
{
    OwnerEditor,
    OwnerAdmin,
    OwnerReviewer,
    PartnerReviewer,
    PartnerEditor,
    Coordinator,
    Observer,
    Outsider,
    PlatformAdmin,
}

/// <summary>A small world of organizations and the people in it, and a clock that stands still.</summary>
public static class World
{
    public static readonly Guid Owner = Guid.NewGuid();
    public static readonly Guid PartnerA = Guid.NewGuid();
    public static readonly Guid PartnerB = Guid.NewGuid();
    public static readonly Guid OutsideOrg = Guid.NewGuid();
    public static readonly Guid CooperationId = Guid.NewGuid();

    public static IClock Clock { get; } = new FixedClock(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero));

    /// <summary>Renders text as one paragraph and refuses text with <see cref="TooDeep"/> in it.</summary>
    public static IMarkdown Markdown { get; } = new ParagraphMarkdown();

    public const string TooDeep = ">>>>>>>>";

    public static Actor Make(Role role) => role switch
    {
        Role.OwnerEditor => Person(memberships: [new(Owner, "Owner", MembershipRole.Editor)]),
        Role.OwnerAdmin => Person(memberships: [new(Owner, "Owner", MembershipRole.Admin)]),
        Role.OwnerReviewer => Person(memberships: [new(Owner, "Owner", MembershipRole.Reviewer)]),
        Role.PartnerReviewer => Person(memberships: [new(PartnerA, "A", MembershipRole.Reviewer)]),
        Role.PartnerEditor => Person(memberships: [new(PartnerA, "A", MembershipRole.Editor)]),
        Role.Coordinator => Person(coordinated: [CooperationId]),
        Role.Observer => Person(observes: "06"),
        Role.Outsider => Person(memberships: [new(OutsideOrg, "Outside", MembershipRole.Admin)]),
        Role.PlatformAdmin => Person(platformAdmin: true),
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static Actor Person(Membership[]? memberships = null, Guid[]? coordinated = null, string? observes = null, bool platformAdmin = false) =>
        new(Guid.NewGuid(), "x@y.de", "X", platformAdmin, memberships ?? [], coordinated ?? [],
            observes is null ? [] : [new ObserverScope(observes, null, null)]);

    public static DraftSnapshot Draft(DraftStatus status = DraftStatus.InReview, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), Owner, "06", CooperationId, [Owner, PartnerA, PartnerB], status, 3, status == DraftStatus.InReview ? 3 : null, 1, [], null);

    /// <summary>Every combination of the values of two or three enums, for a table test.</summary>
    public static TheoryData<TA, TB, TC> Every<TA, TB, TC>()
        where TA : struct, Enum
        where TB : struct, Enum
        where TC : struct, Enum
    {
        var data = new TheoryData<TA, TB, TC>();
        foreach (var a in Enum.GetValues<TA>())
        {
            foreach (var b in Enum.GetValues<TB>())
            {
                foreach (var c in Enum.GetValues<TC>())
                    data.Add(a, b, c);
            }
        }

        return data;
    }

    private sealed class FixedClock(DateTimeOffset now) : IClock
    {
        public DateTimeOffset UtcNow => now;
    }

    private sealed class ParagraphMarkdown : IMarkdown
    {
        public string ToSafeHtml(string? markdown) => $"<p>{markdown}</p>";

        public ErrorMessage? Check(string? markdown) =>
            markdown?.Contains(TooDeep, StringComparison.Ordinal) == true ? new ErrorMessage("Zu tief verschachtelt.") : null;

        public IReadOnlyList<MarkdownHeading> Headings(string? markdown) => [];
    }
}
