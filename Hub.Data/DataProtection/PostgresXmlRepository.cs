using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace Hub.Data.DataProtection;

/// <summary>Keeps the data-protection key ring in PostgreSQL, so every web instance reads the same cookies.</summary>
public sealed class PostgresXmlRepository(NpgsqlDataSource db) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var conn = db.OpenConnection();
        return conn.Query<string>("select xml from data_protection_keys order by id").Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        const string sql = """
            insert into data_protection_keys (friendly_name, xml) values (@friendlyName, @xml)
            on conflict (friendly_name) do nothing
            """;
        using var conn = db.OpenConnection();
        conn.Execute(sql, new { friendlyName, xml = element.ToString(SaveOptions.DisableFormatting) });
    }
}
