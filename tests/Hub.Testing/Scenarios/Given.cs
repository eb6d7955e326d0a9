using Hub.Core.Accounts;
using Hub.Core.Adoptions;
using Hub.Core.Common;
using Hub.Core.Drafts;
using Hub.Core.Tenancy;
using Hub.Data.Common;
using Hub.Testing.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Testing.Scenarios;

/// <summary>
/// Scenario builders: a web test states the situation it needs (a cooperation, a draft in some state, a release, an
/// adoption) and gets organizations and people of its own, so it depends neither on the demo accounts nor on other tests.
/// Organizations, people and cooperations are plain rows (<see cref="TestData"/>); everything with a lifecycle goes
/// through the app's own use cases (the instances its controllers get), acting as the person who would do it, so the
/// lifecycle rules, the audit trail and the notifications are the real ones.
/// </summary>
/// <example><code>
/// var s = await Given.DraftInReviewAsync(app);
/// var reviewer = await app.SignedInAsync(s.Reviewers[0]);
/// </code></example>
public static partial class Given
{
    /// <summary>The title of a builder's draft unless the test names one.</summary>
    public const string Title = "Testdienst Urkunden";

    /// <summary>The description in revision 1 of a builder's draft: two sections, <c>ablauf</c> and <c>nachweise</c>.</summary>
    public const string Body = "## Ablauf\n\n1. Antrag stellen\n2. Bezahlen\n\n## Nachweise\n\nPersonalausweis";

    /// <summary>Revision 1 of a builder's draft: <see cref="Body"/>, Reifegrad 3 on civento, one OZG-Leistung.</summary>
    public static DraftContent Content(string title) =>
        new(title, "Geburts-, Ehe- und Sterbeurkunden online anfordern.", Body, new Steckbrief(Platform: "civento", TargetReifegrad: 3), ["10557"]);

    /// <summary>A cooperation of a lead organization and <paramref name="partners"/> partners (see <see cref="Cooperation"/>).</summary>
    /// <param name="requiredApprovals">Approvals a release needs; by default two, or fewer when there are fewer partners.</param>
    public static async Task<Cooperation> CooperationAsync(HubWebFactory app, int partners = 3, int? requiredApprovals = null)
    {
        var tag = Tag();
        var lead = await OrganizationAsync(app, $"Federführung {tag}");
        var others = new List<Organization>();
        var reviewers = new List<Person>();
        for (var i = 1; i <= partners; i++)
        {
            var partner = await OrganizationAsync(app, $"Partner {i} {tag}");
            others.Add(partner);
            reviewers.Add(await PersonAsync(app, $"reviewer{i}.{tag}@test.demo", (partner.Id, "reviewer")));
        }

        var name = $"Verbund {tag}";
        var required = requiredApprovals ?? Math.Min(Hub.Core.Tenancy.Cooperation.DefaultRequiredApprovals, partners);
        var id = await app.Data.CooperationAsync(lead.Id, others.Select(o => o.Id).ToList(), name, required);
        var coordinator = await PersonAsync(app, $"coordinator.{tag}@test.demo");
        await app.Data.CoordinatorAsync(id, coordinator.Id);
        var editor = await PersonAsync(app, $"editor.{tag}@test.demo", (lead.Id, "editor"));
        return new Cooperation(id, name, lead, others, editor, reviewers, coordinator, required);
    }

    /// <summary>An organization outside every cooperation, with an editor and a reviewer: a stranger to the builders' drafts, a possible adopter of their releases.</summary>
    public static async Task<Outsider> OutsiderAsync(HubWebFactory app)
    {
        var tag = Tag();
        var organization = await OrganizationAsync(app, $"Gemeinde {tag}");
        return new Outsider(
            organization,
            await PersonAsync(app, $"editor.{tag}@test.demo", (organization.Id, "editor")),
            await PersonAsync(app, $"reviewer.{tag}@test.demo", (organization.Id, "reviewer")));
    }

    /// <summary>A ministry observer: reads everything of the Land, writes nothing.</summary>
    public static async Task<Person> ObserverAsync(HubWebFactory app, string land = "06")
    {
        var observer = await PersonAsync(app, $"observer.{Tag()}@test.demo");
        await app.Data.ObserverAsync(observer.Id, land);
        return observer;
    }

    /// <summary>A draft (status draft, revision 1 with <see cref="Content"/>) by the lead's editor, in <paramref name="cooperation"/> or a new one.</summary>
    public static async Task<Draft> DraftAsync(HubWebFactory app, string title = Title, Cooperation? cooperation = null)
    {
        cooperation ??= await CooperationAsync(app);
        var created = await AsAsync(app, cooperation.Editor, (CreateDraft create, Actor actor) =>
            create.ExecuteAsync(actor, cooperation.Lead.Id, cooperation.CooperationId, Content(title), default));
        return new Draft(cooperation, created.Summary.Id);
    }

    /// <summary>A new revision of the draft with this body, everything else as before; the draft is being edited again.</summary>
    public static async Task<Draft> RevisionAsync(HubWebFactory app, Draft draft, string body)
    {
        var current = await AsAsync(app, draft.Editor, (ReadDraft read, Actor actor) => read.GetAsync(actor, draft.DraftId, default));
        var content = new DraftContent(current.Content.Title, current.Content.Summary, body, current.Content.Steckbrief, current.CatalogServiceIds);
        await AsAsync(app, draft.Editor, (ChangeDraft change, Actor actor) =>
            change.SaveAsync(actor, draft.DraftId, content, current.Summary.CurrentRevision, default));
        return draft;
    }

    /// <summary>A new draft, submitted for review: the partners' reviewers have it waiting.</summary>
    public static async Task<Draft> DraftInReviewAsync(HubWebFactory app, string title = Title, Cooperation? cooperation = null) =>
        await DraftInReviewAsync(app, await DraftAsync(app, title, cooperation));

    /// <summary>The draft (being edited) submitted for review with its current revision.</summary>
    public static async Task<Draft> DraftInReviewAsync(HubWebFactory app, Draft draft)
    {
        await AsAsync(app, draft.Editor, (ChangeDraft change, Actor actor) => change.SubmitAsync(actor, draft.DraftId, null, default));
        return draft;
    }

    /// <summary>A new draft, submitted and approved by as many partners as the cooperation needs: ready to release.</summary>
    public static async Task<Draft> ApprovedDraftAsync(HubWebFactory app, string title = Title, Cooperation? cooperation = null) =>
        await ApprovedDraftAsync(app, await DraftAsync(app, title, cooperation));

    /// <summary>The draft (being edited) submitted and approved by the first reviewers, as many as the cooperation needs.</summary>
    public static async Task<Draft> ApprovedDraftAsync(HubWebFactory app, Draft draft)
    {
        await DraftInReviewAsync(app, draft);
        foreach (var reviewer in draft.Reviewers.Take(draft.RequiredApprovals))
        {
            await AsAsync(app, reviewer, (ChangeDraft change, Actor actor) =>
                change.ReviewAsync(actor, draft.DraftId, null, "approve", "", default));
        }

        return draft;
    }

    /// <summary>A new draft, submitted, approved and released by its editor as version 1.0.</summary>
    public static async Task<Release> ReleaseAsync(HubWebFactory app, string title = Title, string notes = "", Cooperation? cooperation = null) =>
        await ReleaseAsync(app, await DraftAsync(app, title, cooperation), notes);

    /// <summary>The draft (being edited, e.g. after <see cref="RevisionAsync"/>) submitted, approved and released: its next version.</summary>
    public static async Task<Release> ReleaseAsync(HubWebFactory app, Draft draft, string notes = "", bool breaking = false)
    {
        await ApprovedDraftAsync(app, draft);
        var released = await AsAsync(app, draft.Editor, (ChangeDraft change, Actor actor) =>
            change.ReleaseAsync(actor, draft.DraftId, notes, breaking, default));
        return new Release(draft, released.ReleaseId!.Value, released.Decision.Version!.ToString());
    }

    /// <summary>A new release (1.0), adopted by a new <see cref="Outsider"/>.</summary>
    public static async Task<Adoption> AdoptionAsync(HubWebFactory app, string title = Title) =>
        await AdoptionAsync(app, await ReleaseAsync(app, title));

    /// <summary>The release adopted by <paramref name="adopter"/> (a new <see cref="Outsider"/> by default), through its editor.</summary>
    public static async Task<Adoption> AdoptionAsync(HubWebFactory app, Release release, Outsider? adopter = null)
    {
        adopter ??= await OutsiderAsync(app);
        var adopted = await AsAsync(app, adopter.Editor, (ManageAdoptions adoptions, Actor actor) =>
            adoptions.AdoptAsync(actor, release.ReleaseId, adopter.Organization.Id, default));
        return new Adoption(release, adopted.Id, adopter);
    }

    /// <summary>
    /// One of the app's use cases, as <paramref name="person"/>: resolved from the app's services like a request's, with the
    /// person as the acting user for row-level security. A refusal fails the test at once, naming the error.
    /// </summary>
    private static async Task<T> AsAsync<TUseCase, T>(HubWebFactory app, Person person, Func<TUseCase, Actor, Task<Result<T>>> step)
        where TUseCase : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var acting = ActingUser.Use(person.Id);
        var actor = await scope.ServiceProvider.GetRequiredService<IUserStore>().LoadActorAsync(person.Id, default)
            ?? throw new InvalidOperationException($"{person.Email} is no enabled user.");
        var result = await step(scope.ServiceProvider.GetRequiredService<TUseCase>(), actor);
        return result.IsSuccess
            ? result.Value!
            : throw new InvalidOperationException($"{typeof(TUseCase).Name} as {person.Email} failed: {result.Error!.Code} {result.Error.Message}");
    }

    private static async Task<Organization> OrganizationAsync(HubWebFactory app, string name) => new(await app.Data.OrganizationAsync(name), name);

    private static async Task<Person> PersonAsync(HubWebFactory app, string email, params (Guid Org, string Role)[] memberships) =>
        new((await app.Data.UserAsync(email, false, memberships)).Id, email, TestData.Password);

    /// <summary>Random, so that names stay apart however fast the builders run (a version 7 id starts with the time).</summary>
    private static string Tag() => Guid.NewGuid().ToString("N")[..8];
}
