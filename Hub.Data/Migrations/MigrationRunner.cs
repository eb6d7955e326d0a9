using Dapper;
using Npgsql;

namespace Hub.Data.Migrations;

public sealed class MigrationException(string message) : Exception(message);

/// <summary>
/// Applies migrations in order, one transaction per file, recorded with a checksum in a journal.
/// An advisory lock makes concurrent starts apply each file once; an edited applied file stops everything.
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

    private const string AppliedSql = "select version, file_name, checksum from schema_migrations order by version";

    private const string RecordSql = "insert into schema_migrations (version, file_name, checksum) values (@Version, @FileName, @Checksum)";

    public async Task<IReadOnlyList<string>> ApplyAsync(IReadOnlyList<Migration> migrations, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("select pg_advisory_lock(@LockKey)", new { LockKey }, cancellationToken: ct));
        try
        {
            await conn.ExecuteAsync(new CommandDefinition(CreateJournalSql, cancellationToken: ct));
            var applied = (await conn.QueryAsync<AppliedRow>(new CommandDefinition(AppliedSql, cancellationToken: ct)))
                .ToDictionary(r => r.Version);
            Verify(migrations, applied);

            var done = new List<string>();
            foreach (var migration in migrations.Where(m => !applied.ContainsKey(m.Version)))
            {
                await using var tx = await conn.BeginTransactionAsync(ct);
                try
                {
                    await conn.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: tx, cancellationToken: ct, commandTimeout: 0));
                }
                catch (PostgresException e)
                {
                    throw new MigrationException($"Migration {migration.FileName} failed: {e.MessageText} (SQLSTATE {e.SqlState}). Nothing of it was applied.");
                }

                await conn.ExecuteAsync(new CommandDefinition(RecordSql, new { migration.Version, migration.FileName, migration.Checksum }, tx, cancellationToken: ct));
                await tx.CommitAsync(ct);
                done.Add(migration.FileName);
            }

            return done;
        }
        finally
        {
            await conn.ExecuteAsync("select pg_advisory_unlock(@LockKey)", new { LockKey });
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
