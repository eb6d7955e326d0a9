using Dapper;
using Hub.Data.Common;
using Hub.Data.Migrations;
using Hub.Testing;

namespace Hub.Data.Tests.Migrations;

/// <summary>Repeatable definitions (ADR 0010): applied after the versioned files, again from the first changed one on.</summary>
public sealed class RepeatableScriptTests
{
    private static Migration M(string file, string sql) => Migration.Parse(file, sql);

    private static RepeatableScript R(string file, string sql) => RepeatableScript.Parse(file, sql);

    private static readonly Migration Table = M("0001_things.sql", "create table things (id int primary key, label text)");

    private const string FunctionV1 = "create or replace function thing_label() returns text language sql as $$ select 'one' $$";
    private const string FunctionV2 = "create or replace function thing_label() returns text language sql as $$ select 'two' $$";

    // Depends on the function: recreated whenever anything before it was applied again.
    private const string View = "drop view if exists thing_labels; create view thing_labels as select id, thing_label() as label from things";

    private static async Task<Npgsql.NpgsqlDataSource> EmptyDatabaseAsync() =>
        HubDatabase.CreateDataSource(await TestCluster.CreateDatabaseAsync(template: null));

    [Fact]
    public async Task ApplyAsync_FreshDatabase_AppliesVersionedThenRepeatableInNameOrder()
    {
        await using var db = await EmptyDatabaseAsync();

        var applied = await new MigrationRunner(db).ApplyAsync(new SchemaScripts([Table], [R("020_view.sql", View), R("010_function.sql", FunctionV1)]));

        Assert.Equal(["0001_things.sql", "repeatable/010_function.sql", "repeatable/020_view.sql"], applied);
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("insert into things values (1, null)");
        Assert.Equal("one", await conn.ExecuteScalarAsync<string>("select label from thing_labels"));
    }

    [Fact]
    public async Task ApplyAsync_NothingChanged_AppliesNothing()
    {
        await using var db = await EmptyDatabaseAsync();
        var scripts = new SchemaScripts([Table], [R("010_function.sql", FunctionV1), R("020_view.sql", View)]);
        await new MigrationRunner(db).ApplyAsync(scripts);

        Assert.Empty(await new MigrationRunner(db).ApplyAsync(scripts));
    }

    [Fact]
    public async Task ApplyAsync_OneFileChanged_AppliesItAndEveryLaterFileButNotEarlierOnes()
    {
        await using var db = await EmptyDatabaseAsync();
        await new MigrationRunner(db).ApplyAsync(new SchemaScripts([Table],
            [R("005_first.sql", "create or replace function first() returns int language sql as $$ select 1 $$"), R("010_function.sql", FunctionV1), R("020_view.sql", View)]));

        var applied = await new MigrationRunner(db).ApplyAsync(new SchemaScripts([Table],
            [R("005_first.sql", "create or replace function first() returns int language sql as $$ select 1 $$"), R("010_function.sql", FunctionV2), R("020_view.sql", View)]));

        Assert.Equal(["repeatable/010_function.sql", "repeatable/020_view.sql"], applied);
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("insert into things values (1, null)");
        Assert.Equal("two", await conn.ExecuteScalarAsync<string>("select label from thing_labels"));
    }

    [Fact]
    public async Task ApplyAsync_NewVersionedMigration_AppliesEveryRepeatableAgain()
    {
        await using var db = await EmptyDatabaseAsync();
        IReadOnlyList<RepeatableScript> repeatable = [R("010_function.sql", FunctionV1), R("020_view.sql", View)];
        await new MigrationRunner(db).ApplyAsync(new SchemaScripts([Table], repeatable));

        // The new migration drops the view with the column it reads; the unchanged repeatable file brings it back.
        var applied = await new MigrationRunner(db).ApplyAsync(new SchemaScripts(
            [Table, M("0002_label_type.sql", "drop view thing_labels; alter table things alter column label type varchar(20)")], repeatable));

        Assert.Equal(["0002_label_type.sql", "repeatable/010_function.sql", "repeatable/020_view.sql"], applied);
        await using var conn = await db.OpenConnectionAsync();
        Assert.Equal(0, await conn.ExecuteScalarAsync<int>("select count(*) from thing_labels"));
    }

    [Fact]
    public async Task ApplyAsync_StoppedBetweenVersionedAndRepeatable_AppliesEveryRepeatableAtTheNextStart()
    {
        // Review finding: a start that died after a versioned migration but before the repeatable files left their journal
        // current, so the next start applied nothing, and what the migration had dropped stayed gone.
        await using var db = await EmptyDatabaseAsync();
        IReadOnlyList<RepeatableScript> repeatable = [R("010_function.sql", FunctionV1), R("020_view.sql", View)];
        await new MigrationRunner(db).ApplyAsync(new SchemaScripts([Table], repeatable));
        var withDrop = new[] { Table, M("0002_label_type.sql", "drop view thing_labels; alter table things alter column label type varchar(20)") };
        await new MigrationRunner(db).ApplyAsync(new SchemaScripts(withDrop, [])); // the versioned part only, as if the process died then

        var applied = await new MigrationRunner(db).ApplyAsync(new SchemaScripts(withDrop, repeatable));

        Assert.Equal(["repeatable/010_function.sql", "repeatable/020_view.sql"], applied);
        await using var conn = await db.OpenConnectionAsync();
        Assert.Equal(0, await conn.ExecuteScalarAsync<int>("select count(*) from thing_labels"));
    }

    [Fact]
    public async Task ApplyAsync_FailingRepeatable_NamesItAndLeavesNoneOfTheRepeatablesApplied()
    {
        await using var db = await EmptyDatabaseAsync();

        var error = await Assert.ThrowsAsync<MigrationException>(() => new MigrationRunner(db).ApplyAsync(new SchemaScripts([Table],
            [R("010_function.sql", FunctionV1), R("020_broken.sql", "create view broken as select nothing from nowhere")])));

        Assert.Contains("repeatable/020_broken.sql", error.Message, StringComparison.Ordinal);
        await using var conn = await db.OpenConnectionAsync();
        Assert.False(await conn.ExecuteScalarAsync<bool>("select exists (select 1 from pg_proc where proname = 'thing_label')"));
        Assert.Equal(1, await conn.ExecuteScalarAsync<int>("select count(*) from schema_migrations"));
    }

    [Fact]
    public void Embedded_ProjectRepeatables_AreAllFoundInNameOrder()
    {
        var embedded = RepeatableScript.Embedded();
        var onDisk = Directory.GetFiles(Path.Combine(Repository.Root, "migrations", "repeatable"), "*.sql")
            .Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(embedded);
        Assert.Equal(onDisk, embedded.Select(m => m.FileName).ToList());
    }

    [Theory]
    [InlineData("10_short.sql")]
    [InlineData("010-dash.sql")]
    [InlineData("0010_versioned_style.sql")]
    public void Parse_BadFileName_Throws(string name) =>
        Assert.Throws<InvalidOperationException>(() => RepeatableScript.Parse(name, "select 1"));
}
