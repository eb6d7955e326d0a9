namespace Hub.Data.Migrations;

/// <summary>Everything that makes the schema: the versioned migrations, then the repeatable definitions.</summary>
public sealed record SchemaScripts(IReadOnlyList<Migration> Versioned, IReadOnlyList<RepeatableScript> Repeatable)
{
    /// <summary>The scripts built into Hub.Data (migrations/*.sql and migrations/repeatable/*.sql).</summary>
    public static SchemaScripts Embedded() => new(Migration.Embedded(), RepeatableScript.Embedded());
}
