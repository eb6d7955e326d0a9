namespace Hub.Testing;

/// <summary>
/// The maintained counters (0013 live status per Kreis, 0015 adoptions per release and month, 0025 status figures per
/// organization, and the catalogue's municipal column) next to a fresh count from the rows, each as ordered text lines:
/// equal lists mean no drift. Used on random parallel work (CounterDriftTests) and on the generated data sets.
/// </summary>
public static class CounterTruth
{
    public const string LiveTruth = """
        select o.land_code || '/' || coalesce(o.kreis_code, '') || '/' || i.ozg_id || '=' || count(*)
        from implementation_status i join organizations o on o.id = i.organization_id
        where i.status = 'live' and progress_live_municipal(o.kind) group by o.land_code, o.kreis_code, i.ozg_id order by 1
        """;

    public const string LiveCounters = "select land_code || '/' || kreis_code || '/' || ozg_id || '=' || live from progress_live_counts where live <> 0 order by 1";

    public const string AdoptionTruth = """
        select o.land_code || '/' || a.release_id || '/' || a.draft_id || '=' || count(*) || ',' || count(*) filter (where a.status = 'live')
        from adoptions a join organizations o on o.id = a.organization_id where a.status <> 'dropped'
        group by o.land_code, a.release_id, a.draft_id order by 1
        """;

    public const string AdoptionCounters =
        "select land_code || '/' || release_id || '/' || draft_id || '=' || adopters || ',' || live from adoption_counts where adopters <> 0 or live <> 0 order by 1";

    public const string MonthTruth = """
        select o.land_code || '/' || to_char(a.created_at at time zone 'Europe/Berlin', 'YYYY-MM') || '=' || count(*)
        from adoptions a join organizations o on o.id = a.organization_id
        group by o.land_code, to_char(a.created_at at time zone 'Europe/Berlin', 'YYYY-MM') order by 1
        """;

    public const string MonthCounters = "select land_code || '/' || to_char(month, 'YYYY-MM') || '=' || adoptions from adoption_month_counts where adoptions <> 0 order by 1";

    /// <summary>A LeiKa Typ of 4, 5 or 6 in <c>catalog_leika.leika_typ</c> (a list like "1, 4"): executed by municipalities, as 0006 defined it.</summary>
    public const string MunicipalLeikaTyp = "(^|, )(4|5|6)($|,)";

    /// <summary>Whether the catalogue service <c>s</c> is executed by municipalities, independent of the column kept since 0025.</summary>
    public const string IsMunicipal = $"exists (select 1 from catalog_leika k where k.ozg_id = s.ozg_id and k.leika_typ ~ '{MunicipalLeikaTyp}')";

    public const string MunicipalTruth = $"select s.ozg_id from catalog_services s where {IsMunicipal} order by 1";

    public const string MunicipalColumn = "select ozg_id from catalog_municipal_services where municipal order by 1";

    // Per organization (0025) as the cooperation dashboard defined its figures before the counters: responsible by the
    // recorded row or else the catalogue's default, over every catalogue service.
    public const string OrganizationTruth = $"""
        select o.id || '=' || x.responsible || ',' || x.live || ',' || x.in_progress || ',' || x.no_solution
        from organizations o cross join lateral (
            select count(*) filter (where coalesce(i.responsible, {IsMunicipal})) as responsible,
                   count(*) filter (where i.status = 'live') as live, count(*) filter (where i.status = 'in_progress') as in_progress,
                   count(*) filter (where i.status = 'no_solution') as no_solution
            from catalog_services s left join implementation_status i on i.organization_id = o.id and i.ozg_id = s.ozg_id) x
        order by 1
        """;

    public const string OrganizationCounters = """
        select o.id || '=' || (coalesce(c.responsible, 0) + (select count(*) from catalog_municipal_services where municipal) - coalesce(c.on_municipal, 0))
               || ',' || coalesce(c.live, 0) || ',' || coalesce(c.in_progress, 0) || ',' || coalesce(c.no_solution, 0)
        from organizations o left join organization_status_counts c on c.organization_id = o.id
        order by 1
        """;

    /// <summary>Every pair (fresh count, counters) above.</summary>
    public static IReadOnlyList<(string Name, string Truth, string Counters)> All { get; } =
    [
        ("live status per Land, Kreis and service", LiveTruth, LiveCounters),
        ("adoptions per Land and release", AdoptionTruth, AdoptionCounters),
        ("adoptions per Land and month", MonthTruth, MonthCounters),
        ("municipal services", MunicipalTruth, MunicipalColumn),
        ("status figures per organization", OrganizationTruth, OrganizationCounters),
    ];
}
