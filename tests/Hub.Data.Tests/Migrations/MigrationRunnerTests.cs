using Dapper;
using Hub.Data.Common;
using Hub.Data.Migrations;
using Hub.Testing;

namespace Hub.Data.Tests.Migrations;

public sealed class MigrationRunnerTests
{
    private static Migration M(string file, string sql) => Migration.Parse(file, sql);

    private static async Task<Npgsql.NpgsqlDataSource> EmptyDatabaseAsync() =>
        HubDatabase.CreateDataSource(await TestCluster.CreateDatabaseAsync(template: null));

    [Fact]
    public async Task ApplyAsync_FreshDatabase_AppliesEveryFileInNumericOrderAndRecordsIt()
    {
        await using var db = await EmptyDatabaseAsync();
        // Given out of order: 0002 depends on 0001's table, so applying out of order would fail.
        var files = Migration.Ordered([
            M("0002_add_column.sql", "alter table things add column label text"),
            M("0001_create_things.sql", "create table things (id int primary key)"),
            M("0010_insert.sql", "insert into things (id, label) values (1, 'a')"),
        ]);

        var applied = await new MigrationRunner(db).ApplyAsync(files);

        Assert.Equal(["0001_create_things.sql", "0002_add_column.sql", "0010_insert.sql"], applied);
        await using var conn = await db.OpenConnectionAsync();
        var journal = (await conn.QueryAsync<string>("select file_name from schema_migrations order by applied_at, version")).ToList();
        Assert.Equal(applied, journal);
        Assert.Equal("a", await conn.ExecuteScalarAsync<string>("select label from things where id = 1"));
    }

    [Fact]
    public async Task ApplyAsync_SecondRun_AppliesNothing()
    {
        await using var db = await EmptyDatabaseAsync();
        var files = new[] { M("0001_create.sql", "create table once (id int)") };
        await new MigrationRunner(db).ApplyAsync(files);

        var second = await new MigrationRunner(db).ApplyAsync(files);

        Assert.Empty(second);
    }

    [Fact]
    public async Task ApplyAsync_AppliedFileEdited_RefusesAndNamesTheFile()
    {
        await using var db = await EmptyDatabaseAsync();
        await new MigrationRunner(db).ApplyAsync([M("0001_create.sql", "create table a (id int)")]);

        var edited = new[] { M("0001_create.sql", "create table a (id bigint)"), M("0002_more.sql", "create table b (id int)") };
        var error = await Assert.ThrowsAsync<MigrationException>(() => new MigrationRunner(db).ApplyAsync(edited));

        Assert.Contains("0001_create.sql", error.Message, StringComparison.Ordinal);
        await using var conn = await db.OpenConnectionAsync();
        Assert.False(await conn.ExecuteScalarAsync<bool>("select to_regclass('b') is not null"));
    }

    [Fact]
    public async Task ApplyAsync_OnlyLineEndingsDiffer_IsNotAnEdit()
    {
        await using var db = await EmptyDatabaseAsync();
        await new MigrationRunner(db).ApplyAsync([M("0001_create.sql", "create table a (\n id int\n)")]);

        var applied = await new MigrationRunner(db).ApplyAsync([M("0001_create.sql", "create table a (\r\n id int\r\n)")]);

        Assert.Empty(applied);
    }

    [Fact]
    public async Task ApplyAsync_FailingFile_RollsBackThatFileAndKeepsTheEarlierOnes()
    {
        await using var db = await EmptyDatabaseAsync();
        var files = new[]
        {
            M("0001_ok.sql", "create table ok (id int)"),
            M("0002_broken.sql", "create table half (id int); select * from does_not_exist"),
        };

        var error = await Assert.ThrowsAsync<MigrationException>(() => new MigrationRunner(db).ApplyAsync(files));

        Assert.Contains("0002_broken.sql", error.Message, StringComparison.Ordinal);
        await using var conn = await db.OpenConnectionAsync();
        Assert.True(await conn.ExecuteScalarAsync<bool>("select to_regclass('ok') is not null"));
        Assert.False(await conn.ExecuteScalarAsync<bool>("select to_regclass('half') is not null"));
        Assert.Equal(1, await conn.ExecuteScalarAsync<int>("select count(*) from schema_migrations"));
    }

    [Fact]
    public async Task ApplyAsync_ConcurrentStarts_ApplyEachFileExactlyOnce()
    {
        await using var db = await EmptyDatabaseAsync();
        // Neither file is idempotent: a second application would fail, so success proves "exactly once".
        var files = new[]
        {
            M("0001_create.sql", "create table counter (n int); insert into counter values (0)"),
            M("0002_slow_update.sql", "select pg_sleep(0.3); update counter set n = n + 1"),
        };

        var runs = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => new MigrationRunner(db).ApplyAsync(files))));

        Assert.Equal(2, runs.Sum(r => r.Count));
        await using var conn = await db.OpenConnectionAsync();
        Assert.Equal(1, await conn.ExecuteScalarAsync<int>("select n from counter"));
        Assert.Equal(2, await conn.ExecuteScalarAsync<int>("select count(*) from schema_migrations"));
    }

    [Fact]
    public async Task ApplyAsync_JournalNamesAFileThatIsGone_Refuses()
    {
        await using var db = await EmptyDatabaseAsync();
        await new MigrationRunner(db).ApplyAsync([M("0001_a.sql", "select 1"), M("0002_b.sql", "select 2")]);

        var error = await Assert.ThrowsAsync<MigrationException>(() => new MigrationRunner(db).ApplyAsync([M("0001_a.sql", "select 1")]));

        Assert.Contains("0002_b.sql", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1_short.sql")]
    [InlineData("0001-dash.sql")]
    [InlineData("0001_Upper.sql")]
    [InlineData("0001_no_extension.txt")]
    public void Parse_BadFileName_Throws(string name) =>
        Assert.Throws<InvalidOperationException>(() => Migration.Parse(name, "select 1"));

    [Fact]
    public void Ordered_DuplicateNumbers_Throws() =>
        Assert.Throws<InvalidOperationException>(() => Migration.Ordered([M("0001_a.sql", "select 1"), M("0001_b.sql", "select 1")]));

    [Fact]
    public void Embedded_ProjectMigrations_AreAllFoundInOrder()
    {
        var embedded = Migration.Embedded();
        var onDisk = Directory.GetFiles(Path.Combine(RepoRoot(), "migrations"), "*.sql").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(embedded);
        Assert.Equal(onDisk, embedded.Select(m => m.FileName).ToList());
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "IkzHub.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
