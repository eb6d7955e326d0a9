using Dapper;
using Npgsql;

namespace Hub.Data.Migrations;

public sealed class MigrationException(string message) : Exception(message);

/// <summary>
/// Applies the versioned migrations in order, one transaction per file, recorded with a checksum in a journal; an
/// edited applied file stops everything. Then the repeatable definitions (ADR 0010): from the first file that is new or
/// changed on — and all of them after a versioned migration was applied, which may have dropped what they define —
/// every file is applied again, in one transaction. An advisory lock makes concurrent starts do each of this once.
/// </summary>
public sealed class MigrationRunner(NpgsqlDataSource dataSource)
{
    private const long LockKey = 0x1_4B5A_4855_42; // "IKZHUB"

    private const string CreateJournalSql = """
        create table if not exists schema_migrations (
            version integer not null,
            file_name text not null,
            checksum text not null,
            applied_at timestamptz not null default now(),
            constraint pk_schema_migrations primary key (version)
        )
        """;

    // Created after the versioned migrations, which make hub_app: the journals are the owner's alone.
    private const string CreateRepeatableJournalSql = """
        create table if not exists schema_repeatables (
            file_name text not null,
            checksum text not null,
            applied_at timestamptz not null default now(),
            constraint pk_schema_repeatables primary key (file_name)
        );
        do $$ begin
            if exists (select 1 from pg_roles where rolname = 'hub_app') then
                revoke all on schema_repeatables from hub_app;
            end if;
        end $$
        """;

    private const string AppliedSql = "select version, file_name, checksum from schema_migrations order by version";

    private const string RecordSql = "insert into schema_migrations (version, file_name, checksum) values (@Version, @FileName, @Checksum)";

    private const string AppliedRepeatablesSql = "select file_name, checksum from schema_repeatables";

    private const string RecordRepeatableSql = """
        insert into schema_repeatables (file_name, checksum) values (@FileName, @Checksum)
        on conflict (file_name) do update set checksum = excluded.checksum, applied_at = now()
        """;

    private const string ForgetAllRepeatablesSql =
        "do $$ begin if to_regclass('schema_repeatables') is not null then delete from schema_repeatables; end if; end $$";

    private const string ForgetRepeatablesSql = "delete from schema_repeatables where file_name <> all (@Names)";

    /// <summary>Applies versioned migrations only (the runner's own tests); the hub applies <see cref="SchemaScripts"/>.</summary>
    public Task<IReadOnlyList<string>> ApplyAsync(IReadOnlyList<Migration> migrations, CancellationToken ct = default) =>
        ApplyAsync(new SchemaScripts(migrations, []), ct);

    /// <summary>Brings the schema up to date; returns the names of the files applied (versioned, then repeatable).</summary>
    public async Task<IReadOnlyList<string>> ApplyAsync(SchemaScripts scripts, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("select pg_advisory_lock(@LockKey)", new { LockKey }, cancellationToken: ct));
        try
        {
            var done = await ApplyVersionedAsync(conn, scripts.Versioned, ct);
            if (scripts.Repeatable.Count > 0)
                done.AddRange(await ApplyRepeatableAsync(conn, scripts.Repeatable, anyVersioned: done.Count > 0, ct));
            return done;
        }
        finally
        {
            await conn.ExecuteAsync("select pg_advisory_unlock(@LockKey)", new { LockKey });
        }
    }

    private static async Task<List<string>> ApplyVersionedAsync(NpgsqlConnection conn, IReadOnlyList<Migration> migrations, CancellationToken ct)
    {
        await conn.ExecuteAsync(new CommandDefinition(CreateJournalSql, cancellationToken: ct));
        var applied = (await conn.QueryAsync<AppliedRow>(new CommandDefinition(AppliedSql, cancellationToken: ct)))
            .ToDictionary(r => r.Version);
        Verify(migrations, applied);

        var done = new List<string>();
        foreach (var migration in migrations.Where(m => !applied.ContainsKey(m.Version)))
        {
            await using var tx = await conn.BeginTransactionAsync(ct);
            await RunAsync(conn, tx, migration.FileName, migration.Sql, ct);
            await conn.ExecuteAsync(new CommandDefinition(RecordSql, new { migration.Version, migration.FileName, migration.Checksum }, tx, cancellationToken: ct));
            // With the versioned file, forget what the repeatable files were applied as: if the process dies before they
            // run again, the next start still applies every one of them (the migration may have dropped what they define).
            await conn.ExecuteAsync(new CommandDefinition(ForgetAllRepeatablesSql, transaction: tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            done.Add(migration.FileName);
        }

        return done;
    }

    private static async Task<List<string>> ApplyRepeatableAsync(
        NpgsqlConnection conn, IReadOnlyList<RepeatableScript> scripts, bool anyVersioned, CancellationToken ct)
    {
        await using var tx = await conn.BeginTransactionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(CreateRepeatableJournalSql, transaction: tx, cancellationToken: ct));
        var applied = (await conn.QueryAsync<(string FileName, string Checksum)>(new CommandDefinition(AppliedRepeatablesSql, transaction: tx, cancellationToken: ct)))
            .ToDictionary(r => r.FileName, r => r.Checksum, StringComparer.Ordinal);
        var ordered = RepeatableScript.Ordered(scripts);
        var first = anyVersioned ? 0 : ordered.ToList().FindIndex(s => !applied.TryGetValue(s.FileName, out var sum) || sum != s.Checksum);

        var done = new List<string>();
        if (first >= 0)
        {
            foreach (var script in ordered.Skip(first))
            {
                await RunAsync(conn, tx, "repeatable/" + script.FileName, script.Sql, ct);
                await conn.ExecuteAsync(new CommandDefinition(RecordRepeatableSql, new { script.FileName, script.Checksum }, tx, cancellationToken: ct));
                done.Add("repeatable/" + script.FileName);
            }
        }

        await conn.ExecuteAsync(new CommandDefinition(ForgetRepeatablesSql, new { Names = ordered.Select(s => s.FileName).ToArray() }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return done;
    }

    private static async Task RunAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string fileName, string sql, CancellationToken ct)
    {
        try
        {
            await conn.ExecuteAsync(new CommandDefinition(sql, transaction: tx, cancellationToken: ct, commandTimeout: 0));
        }
        catch (PostgresException e)
        {
            throw new MigrationException($"Migration {fileName} failed: {e.MessageText} (SQLSTATE {e.SqlState}). Nothing of it was applied.");
        }
    }

    private static void Verify(IReadOnlyList<Migration> migrations, Dictionary<int, AppliedRow> applied)
    {
        var byVersion = migrations.ToDictionary(m => m.Version);
        foreach (var row in applied.Values.OrderBy(r => r.Version))
        {
            if (!byVersion.TryGetValue(row.Version, out var file))
                throw new MigrationException($"The database has migration {row.FileName} applied, but no such file exists. Is this an older version of the hub?");
            if (!string.Equals(file.Checksum, row.Checksum, StringComparison.Ordinal))
                throw new MigrationException($"Migration {file.FileName} was changed after it was applied (checksum {row.Checksum[..12]}… is now {file.Checksum[..12]}…). Applied migrations are never edited: revert the file and add a new migration.");
        }
    }

    private sealed record AppliedRow(int Version, string FileName, string Checksum);
}
