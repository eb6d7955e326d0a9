namespace Hub.Testing.Scenarios;

/// <summary>What the builders return: the ids a test addresses and the people it signs in as.</summary>
public static partial class Given
{
    /// <summary>Someone to sign in as: <c>app.SignedInAsync(person)</c> for the pages, <c>app.ApiAsync(person)</c> for the API.</summary>
    public sealed record Person(Guid Id, string Email, string Password);

    public sealed record Organization(Guid Id, string Name);

    /// <summary>
    /// A cooperation: the <see cref="Lead"/> organization with its <see cref="Editor"/>, the <see cref="Partners"/> with one
    /// reviewer each (<c>Reviewers[i]</c> reviews for <c>Partners[i]</c>), a <see cref="Coordinator"/> who belongs to no
    /// organization, and the approvals a release needs. The situations built on it (a draft, a release, an adoption) are
    /// cooperations too, so <c>s.Editor</c> or <c>s.Reviewers[0]</c> reads the same on each.
    /// </summary>
    public record Cooperation(
        Guid CooperationId,
        string CooperationName,
        Organization Lead,
        IReadOnlyList<Organization> Partners,
        Person Editor,
        IReadOnlyList<Person> Reviewers,
        Person Coordinator,
        int RequiredApprovals);

    /// <summary>A draft of the lead organization in the cooperation.</summary>
    public record Draft : Cooperation
    {
        public Draft(Cooperation cooperation, Guid draftId)
            : base(cooperation) => DraftId = draftId;

        public Guid DraftId { get; init; }
    }

    /// <summary>A released version of the draft.</summary>
    public record Release : Draft
    {
        public Release(Draft draft, Guid releaseId, string version)
            : base(draft) => (ReleaseId, Version) = (releaseId, version);

        public Guid ReleaseId { get; init; }

        /// <summary>"1.0", "1.1", "2.0" …</summary>
        public string Version { get; init; }
    }

    /// <summary>The release, adopted (status planned) by an organization outside the cooperation.</summary>
    public record Adoption : Release
    {
        public Adoption(Release release, Guid adoptionId, Outsider adopter)
            : base(release) => (AdoptionId, Adopter) = (adoptionId, adopter);

        public Guid AdoptionId { get; init; }

        public Outsider Adopter { get; init; }
    }

    /// <summary>An organization in no cooperation, with an editor and a reviewer.</summary>
    public sealed record Outsider(Organization Organization, Person Editor, Person Reviewer);
}
