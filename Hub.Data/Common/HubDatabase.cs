using System.Data;
using Dapper;
using Npgsql;

namespace Hub.Data.Common;

/// <summary>Builds the one NpgsqlDataSource of the process and sets Dapper up once.</summary>
public static class HubDatabase
{
    private static int _configured;

    /// <summary>The owner's data source (migrations, imports, demo data, the operator's commands).</summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString) => Create(connectionString, statelessSessions: false);

    /// <summary>
    /// The web app's data source (role hub_app). Its connections keep no session state: the acting user is set per
    /// transaction, and nothing takes session locks, listens or creates temporary tables; so a connection going back to
    /// the pool is not reset (Npgsql's reset is a statement per open, 7,000 of them in a three-second benchmark run).
    /// </summary>
    public static NpgsqlDataSource CreateAppDataSource(string connectionString) => Create(connectionString, statelessSessions: true);

    private static NpgsqlDataSource Create(string connectionString, bool statelessSessions)
    {
        ConfigureDapper();
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var settings = builder.ConnectionStringBuilder;
        settings.ApplicationName ??= "ikzhub";
        // Chosen knowingly (docs/performance.md), each only where the connection string does not say otherwise:
        // - no JIT: PostgreSQL compiled every dashboard and task query whose estimate crossed jit_above_cost, which cost
        //   0.5-0.7 s per query on the Germany data set and saved nothing on queries that read a few hundred rows;
        // - automatic preparation of the statements a connection runs often (parsed and planned once per connection).
        //   Row-level security stays correct: the acting user is a per-transaction setting read by the policies at run
        //   time (current_setting), not a value baked into a plan;
        // - for the web app, generic plans for its prepared statements (plan_cache_mode=force_generic_plan): planned once
        //   per connection. PostgreSQL's own choice (auto) kept planning every query on a table with row-level policies
        //   afresh, because a custom plan for one user always looks cheaper than the generic one (measured: "Meine
        //   Aufgaben" planned its two main queries in 6 ms each per request, executing them took 0.3 ms; generic plans
        //   execute as fast). Queries with optional filters write only the filters given (Sql.Where), so each combination
        //   has its own generic plan that can use their indexes. The owner's connections (CLI, seeding) keep PostgreSQL's
        //   default.
        if (string.IsNullOrEmpty(settings.Options))
            settings.Options = statelessSessions ? "-c jit=off -c plan_cache_mode=force_generic_plan" : "-c jit=off";
        if (settings.MaxAutoPrepare == 0)
            settings.MaxAutoPrepare = 100;
        if (statelessSessions)
            settings.NoResetOnClose = true;
        return builder.Build();
    }

    public static void ConfigureDapper()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 1)
            return;
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new DateOnlyHandler());
        SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
    }

    /// <summary>Npgsql reads timestamptz as UTC DateTime and writes only offset-zero DateTimeOffset values.</summary>
    private sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTimeOffset dto => dto,
            DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
            _ => throw new DataException($"Cannot convert {value.GetType()} to DateTimeOffset."),
        };

        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            if (parameter is NpgsqlParameter npgsql)
                npgsql.NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz;
            parameter.Value = value.UtcDateTime;
        }
    }

    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override DateOnly Parse(object value) => value switch
        {
            DateOnly d => d,
            DateTime dt => DateOnly.FromDateTime(dt),
            _ => throw new DataException($"Cannot convert {value.GetType()} to DateOnly."),
        };

        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            parameter.DbType = DbType.Date;
            parameter.Value = value;
        }
    }
}
