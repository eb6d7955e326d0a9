using Dapper;
using Npgsql;

namespace Hub.Data.Common;

/// <summary>
/// The role the web application runs as (migration 0008 creates <c>hub_app</c> and its privileges). Row-level security
/// only binds a role that is neither superuser, BYPASSRLS nor (a member of) a table's owner, so the hub checks that at
/// start and refuses to serve otherwise.
/// </summary>
public static class AppRole
{
    public const string Name = "hub_app";

    /// <summary>Lets hub_app sign in with <paramref name="password"/> (the embedded cluster and the tests; elsewhere the operator grants a login).</summary>
    public static async Task EnableLoginAsync(NpgsqlDataSource owner, string password, CancellationToken ct)
    {
        if (password.Any(c => !char.IsAsciiLetterOrDigit(c)))
            throw new ArgumentException("The generated application password must be letters and digits only.", nameof(password));
        await using var conn = await owner.OpenConnectionAsync(ct);
        // A utility statement takes no parameters; the password is checked to be plain letters and digits above.
        await conn.ExecuteAsync(new CommandDefinition($"alter role {Name} with login password '{password}'", cancellationToken: ct));
    }

    /// <summary>The connection string of the owner with hub_app as the user.</summary>
    public static string ConnectionString(string ownerConnectionString, string password) =>
        new NpgsqlConnectionStringBuilder(ownerConnectionString) { Username = Name, Password = password }.ConnectionString;

    /// <summary>Why <paramref name="app"/> must not serve the hub, or null when its role is safe for row-level security.</summary>
    public static async Task<string?> ProblemAsync(NpgsqlDataSource app, CancellationToken ct)
    {
        const string sql = """
            select current_user as role_name, r.rolsuper as super_user, r.rolbypassrls as bypass_rls,
                   (select string_agg(t.tablename, ', ' order by t.tablename) from pg_tables t
                    where t.schemaname = 'public' and pg_has_role(current_user, t.tableowner, 'USAGE')) as owned_tables,
                   pg_has_role(current_user, 'hub_app', 'USAGE') as is_app
            from pg_roles r where r.rolname = current_user
            """;
        await using var conn = await app.OpenConnectionAsync(ct);
        var role = await conn.QuerySingleAsync<RoleRow>(new CommandDefinition(sql, cancellationToken: ct));
        if (role.SuperUser)
            return $"the database role '{role.RoleName}' is a superuser";
        if (role.BypassRls)
            return $"the database role '{role.RoleName}' has BYPASSRLS";
        if (role.OwnedTables is { Length: > 0 } owned)
            return $"the database role '{role.RoleName}' owns (or acts as the owner of) tables: {owned}";
        if (!role.IsApp)
            return $"the database role '{role.RoleName}' is not a member of {Name} and lacks its privileges";
        return null;
    }

    public static async Task VerifyAsync(NpgsqlDataSource app, CancellationToken ct)
    {
        if (await ProblemAsync(app, ct) is { } problem)
        {
            throw new InvalidOperationException(
                $"Refusing to serve: {problem}. Row-level security would not bind it. Connect the web application as {Name} " +
                "(or a login role that is a member of it) with ConnectionStrings:HubApp; ConnectionStrings:Hub is the owner for migrations.");
        }
    }

    private sealed class RoleRow
    {
        public string RoleName { get; init; } = "";

        public bool SuperUser { get; init; }

        public bool BypassRls { get; init; }

        public string? OwnedTables { get; init; }

        public bool IsApp { get; init; }
    }
}
