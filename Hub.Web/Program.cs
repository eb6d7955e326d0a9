using Hub.Web.Common;

var builder = WebApplication.CreateBuilder(args);
builder.AddHub();
var app = builder.Build();
app.UseHub();

var bootstrap = app.Services.GetRequiredService<DatabaseBootstrap>();
var verb = args.FirstOrDefault(a => !a.StartsWith('-') && !a.Contains('=', StringComparison.Ordinal)) ?? "serve";
switch (verb)
{
    case "serve":
        await bootstrap.InitializeAsync(migrate: true);
        app.Lifetime.ApplicationStarted.Register(() => Banner.Print(app, bootstrap));
        await app.RunAsync();
        break;
    case "migrate":
        await bootstrap.InitializeAsync(migrate: true);
        Console.WriteLine("Database is up to date.");
        await bootstrap.DisposeAsync();
        break;
    case "psql":
        await bootstrap.InitializeAsync(migrate: true);
        var code = await Cli.RunPsqlAsync(bootstrap.ConnectionString, args.SkipWhile(a => a != "psql").Skip(1).ToArray());
        await bootstrap.DisposeAsync();
        return code;
    case "import":
        var rest = args.SkipWhile(a => a != "import").Skip(1).ToArray();
        if (rest.Length < 2 || rest[0] is not ("catalog" or "organizations"))
        {
            Console.Error.WriteLine("Use: import catalog DIR | import organizations FILE... [--land 06]");
            return 2;
        }

        await bootstrap.InitializeAsync(migrate: true);
        // Imports are the operator's work: they run as the owner, not as the web application's role.
        var owner = new Hub.Data.Common.HubDb(bootstrap.OwnerDataSource);
        var imported = rest[0] == "catalog"
            ? await Hub.Web.Catalog.CatalogCli.ImportAsync(new Hub.Data.Catalog.CatalogStore(owner), rest[1], Console.Out, CancellationToken.None)
            : await Hub.Web.Tenancy.OrganizationCli.ImportAsync(new Hub.Data.Tenancy.OrganizationStore(owner),
                app.Services.GetRequiredService<Hub.Core.Common.IClock>(), rest[1..], Console.Out, CancellationToken.None);
        await bootstrap.DisposeAsync();
        return imported;
    case "backup" or "restore":
        var file = args.SkipWhile(a => a != verb).Skip(1).FirstOrDefault();
        if (file is null)
        {
            Console.Error.WriteLine($"Use: {verb} FILE");
            return 2;
        }

        // As it is: a backup takes the database unchanged, a restore replaces it.
        await bootstrap.InitializeAsync(migrate: false, serve: false);
        if (verb == "backup")
            await Hub.Data.Backup.DatabaseBackup.BackupAsync(bootstrap.ConnectionString, file, CancellationToken.None);
        else
            await Hub.Data.Backup.DatabaseBackup.RestoreAsync(bootstrap.ConnectionString, file, CancellationToken.None);
        var chain = await Hub.Data.Common.AuditChain.VerifyAsync(bootstrap.OwnerDataSource, CancellationToken.None);
        Console.WriteLine($"{(verb == "backup" ? "Backed up to" : "Restored from")} {Path.GetFullPath(file)}: {chain.Events} audit events, chain head {chain.HeadHash}");
        await bootstrap.DisposeAsync();
        return 0;
    case "schema":
        var schemaFile = args.SkipWhile(a => a != "schema").Skip(1).FirstOrDefault();
        if (schemaFile is null)
        {
            Console.Error.WriteLine("Use: schema FILE");
            return 2;
        }

        // A fresh database beside the hub's, migrated from scratch: the file shows what the migrations make, not what a
        // long-lived database has become.
        await bootstrap.InitializeAsync(migrate: false, serve: false);
        await File.WriteAllTextAsync(schemaFile, await Hub.Data.Backup.SchemaDump.DumpFreshAsync(bootstrap.ConnectionString, CancellationToken.None));
        Console.WriteLine($"Wrote {Path.GetFullPath(schemaFile)}");
        await bootstrap.DisposeAsync();
        return 0;
    case "audit":
        if (args.SkipWhile(a => a != "audit").Skip(1).FirstOrDefault() != "verify")
        {
            Console.Error.WriteLine("Use: audit verify");
            return 2;
        }

        await bootstrap.InitializeAsync(migrate: false, serve: false);
        var report = await Hub.Data.Common.AuditChain.VerifyAsync(bootstrap.OwnerDataSource, CancellationToken.None);
        await bootstrap.DisposeAsync();
        if (report.Break is { } broken)
        {
            Console.Error.WriteLine($"Audit chain BROKEN after {report.Events} intact events: event #{broken.Seq} {broken.Id} " +
                $"({broken.OccurredAt:u}, {broken.EntityType} {broken.Action}): {broken.Reason}.");
            return 1;
        }

        Console.WriteLine($"Audit chain intact: {report.Events} events, head {report.HeadHash}");
        return 0;
    default:
        Console.Error.WriteLine($"Unknown command '{verb}'. Use: serve | migrate | psql | import | backup FILE | restore FILE | schema FILE | audit verify");
        return 2;
}

return 0;

/// <summary>The web application's entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
