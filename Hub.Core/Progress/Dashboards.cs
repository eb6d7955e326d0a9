using Hub.Core.Common;
using Hub.Core.Tenancy;

namespace Hub.Core.Progress;

public sealed record StateCount(ImplementationState State, int Count);

public sealed record ThemenfeldProgress(int ThemenfeldId, string Themenfeld, int Responsible, int Live, int InProgress, int NoSolution, int NotRelevant);

/// <summary>One organization: responsible services by state (counts and shares), by Themenfeld, and its adoptions' currency.</summary>
public sealed record OrganizationProgress(
    Guid OrganizationId, string Name, int Responsible, IReadOnlyList<StateCount> States, IReadOnlyList<ThemenfeldProgress> Themenfelder,
    int Adoptions, int AdoptionsLive, int AdoptionsBehind)
{
    public int Count(ImplementationState state) => States.FirstOrDefault(s => s.State == state)?.Count ?? 0;

    public double Share(ImplementationState state) => Responsible == 0 ? 0 : Math.Round(100.0 * Count(state) / Responsible, 1);

    /// <summary>The figures of the responsible services among an organization's Umsetzungsstand (the dashboard and the status page share them).</summary>
    public static OrganizationProgress From(Guid organizationId, string name, IEnumerable<ImplementationStatus> rows, int adoptions, int live, int behind)
    {
        var responsible = rows.Where(r => r.Responsible).ToList();
        var states = responsible.GroupBy(r => r.State).Select(g => new StateCount(g.Key, g.Count())).OrderBy(s => s.State).ToList();
        var themen = responsible.GroupBy(r => (r.ThemenfeldId, r.ThemenfeldName)).OrderBy(g => g.Key.ThemenfeldId)
            .Select(g => new ThemenfeldProgress(g.Key.ThemenfeldId, g.Key.ThemenfeldName, g.Count(), g.Count(r => r.State == ImplementationState.Live),
                g.Count(r => r.State == ImplementationState.InProgress), g.Count(r => r.State == ImplementationState.NoSolution),
                g.Count(r => r.State == ImplementationState.NotRelevant)))
            .ToList();
        return new OrganizationProgress(organizationId, name, responsible.Count, states, themen, adoptions, live, behind);
    }
}

public sealed record ServiceReach(string OzgId, string Name, int LiveMunicipalities, int KreiseCovered);

public sealed record ReleaseReuse(Guid ReleaseId, Guid DraftId, string Title, string OwnerOrganizationName, int Adopters, int Live);

public sealed record MonthFigures(string Month, int Releases, int Adoptions);

/// <summary>Who runs which version: per organization in a Land; for Germany per adopted release, with how many municipalities run it
/// (<see cref="OrganizationName"/> null).</summary>
public sealed record CurrencyCell(string? OrganizationName, string Title, string AdoptedVersion, string NewestVersion, int MajorBehind, int MinorBehind, int Adopters);

/// <summary>A Land for its observers: where each OZG-Leistung is live ("in mindestens einer Kommune"), where a Kreis is fully covered
/// ("flächendeckend"), the most reused releases, releases and adoptions per month, and who runs which version.</summary>
public sealed record StateProgress(
    string LandCode, int Municipalities, int Kreise, IReadOnlyList<ServiceReach> Services, IReadOnlyList<ReleaseReuse> MostReused,
    IReadOnlyList<MonthFigures> Months, IReadOnlyList<CurrencyCell> Currency, DateTimeOffset ComputedAt)
{
    public int LiveSomewhere => Services.Count(s => s.LiveMunicipalities > 0);
}

public sealed record MemberProgress(Guid OrganizationId, string Name, int Responsible, int Live, int InProgress, int NoSolution);

/// <summary>A cooperation: its members side by side, its drafts by state, its releases, their reach outside the cooperation (EfA), funding next to output.</summary>
public sealed record CooperationProgress(
    Guid CooperationId, string Name, decimal? FundingAmount, string? Funder, IReadOnlyList<MemberProgress> Members,
    IReadOnlyList<(string Status, int Count)> Drafts, int Releases, int ReleasedServices, int OutsideAdopters, int OutsideLive,
    IReadOnlyList<string> OutsideAdopterNames)
{
    public decimal? FundingPerReleasedService => FundingAmount is { } f && ReleasedServices > 0 ? Math.Round(f / ReleasedServices, 2) : null;
}

public interface IProgressStore
{
    Task<CooperationProgress?> CooperationAsync(Guid cooperationId, CancellationToken ct);

    Task<OrganizationProgress> OrganizationAsync(Guid organizationId, CancellationToken ct);

    Task<StateProgress> StateAsync(string landCode, CancellationToken ct);
}

/// <summary>Dashboards, for those who may see them: an organization's for its members, partners and observers; a Land's for its observers;
/// Germany's (<see cref="Lands.Germany"/>) for those who observe every Land.</summary>
public sealed class ReadProgress(IProgressStore progress, IOrganizationStore organizations, ICooperationStore cooperations)
{
    public async Task<Result<OrganizationProgress>> OrganizationAsync(Actor actor, Guid organizationId, CancellationToken ct)
    {
        if (await OrganizationVisibility.VisibleAsync(actor, organizationId, organizations, cooperations, ct) is null)
            return NotFound.Instance;
        return await progress.OrganizationAsync(organizationId, ct);
    }

    public async Task<Result<CooperationProgress>> CooperationAsync(Actor actor, Guid cooperationId, CancellationToken ct)
    {
        var cooperation = await cooperations.GetAsync(cooperationId, ct);
        if (cooperation is null)
            return NotFound.Instance;
        var visible = actor.IsPlatformAdmin || actor.Coordinates(cooperationId) || cooperation.Members.Any(m => actor.IsMemberOf(m.OrganizationId))
            || (await organizations.GetAsync(cooperation.Lead.OrganizationId, ct)) is { } lead && actor.Observes(lead.LandCode);
        return visible && await progress.CooperationAsync(cooperationId, ct) is { } figures ? figures : NotFound.Instance;
    }

    public async Task<Result<StateProgress>> StateAsync(Actor actor, string landCode, CancellationToken ct)
    {
        if (!Lands.IsValid(landCode) && landCode != Lands.Germany)
            return NotFound.Instance;
        var observes = landCode == Lands.Germany ? Lands.All.Keys.All(actor.Observes) : actor.Observes(landCode);
        if (!actor.IsPlatformAdmin && !observes)
            return new Forbidden("not_an_observer", new ErrorMessage("Das Landes-Dashboard sehen die Beobachterinnen und Beobachter des Landes."));
        return await progress.StateAsync(landCode, ct);
    }
}
