using Hub.Data.Backup;
using Hub.Testing;

namespace Hub.Data.Tests.Migrations;

/// <summary>schema.sql is what the migrations make from scratch (ADR 0010): the current schema, readable in one file.</summary>
public sealed class SchemaFileTests
{
    [Fact]
    public async Task SchemaFile_MatchesAFreshlyMigratedDatabase()
    {
        var committedPath = Path.Combine(Repository.Root, SchemaDump.FileName);
        var fresh = await SchemaDump.DumpAsync(await TestCluster.CreateDatabaseAsync(), CancellationToken.None);
        var committed = File.Exists(committedPath) ? SchemaDump.Normalize(await File.ReadAllTextAsync(committedPath)) : "(missing)";

        if (!string.Equals(committed, fresh, StringComparison.Ordinal))
        {
            var actual = Path.Combine(Path.GetTempPath(), "ikzhub-schema-" + Guid.NewGuid().ToString("N")[..8] + ".sql");
            await File.WriteAllTextAsync(actual, fresh);
            Assert.Fail($"{SchemaDump.FileName} is stale: the migrations make a different schema (written to {actual}). " +
                "Run ./hub schema and commit the file with the migration.");
        }
    }

    [Fact]
    public void Normalize_DropsWhatChangesFromRunToRun()
    {
        const string dump = "--\n-- Dumped from database version 15.18\n-- Dumped by pg_dump version 15.18\n\\restrict abc\nCREATE TABLE t ();\n\\unrestrict abc\n";

        Assert.Equal("--\nCREATE TABLE t ();\n", SchemaDump.Normalize(dump));
    }
}
