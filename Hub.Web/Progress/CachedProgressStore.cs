using Hub.Core.Progress;
using Hub.Web.Common;

namespace Hub.Web.Progress;

/// <summary>
/// A Land's (or Germany's) dashboard is the same for every observer allowed to see it (Core checks that first) and costs
/// about 200 ms of PostgreSQL for Germany even with the maintained counters, so it is kept for
/// <c>Hub:Cache:StateDashboardSeconds</c> (30 s; the page says when its figures were computed). Organization and
/// cooperation dashboards are read fresh: they are cheap and their people expect to see their own change at once.
/// </summary>
public sealed class CachedProgressStore(Hub.Data.Progress.ProgressStore inner, ShortCache cache) : IProgressStore
{
    public Task<CooperationProgress?> CooperationAsync(Guid cooperationId, CancellationToken ct) => inner.CooperationAsync(cooperationId, ct);

    public Task<OrganizationProgress> OrganizationAsync(Guid organizationId, CancellationToken ct) => inner.OrganizationAsync(organizationId, ct);

    public Task<StateProgress> StateAsync(string landCode, CancellationToken ct) => cache.GetAsync("StateDashboard", 30, landCode, c => inner.StateAsync(landCode, c), ct);
}
