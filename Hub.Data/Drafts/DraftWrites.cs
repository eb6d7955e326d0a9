using Dapper;
using Hub.Core.Drafts;
using Npgsql;

namespace Hub.Data.Drafts;

internal static class DraftWrites
{
    public static async Task InsertRevisionAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, Guid draftId, int revision, DraftContent content, string bodyHtml, Guid userId,
        DateTimeOffset at, CancellationToken ct)
    {
        const string insert = """
            insert into draft_revisions (draft_id, revision, title, summary, body, body_html, steckbrief, created_by, created_at)
            values (@draftId, @revision, @Title, @Summary, @Body, @bodyHtml, @steckbrief::jsonb, @userId, @at)
            """;
        const string services = """
            delete from draft_catalog_services where draft_id = @draftId;
            insert into draft_catalog_services (draft_id, ozg_id) select @draftId, unnest(@ids);
            """;
        await conn.ExecuteAsync(new CommandDefinition(insert, new
        {
            draftId, revision, content.Title, content.Summary, Body = content.Body ?? "", bodyHtml,
            steckbrief = DraftJson.Serialize(content.Steckbrief ?? new Steckbrief()), userId, at,
        }, tx, cancellationToken: ct));
        await conn.ExecuteAsync(new CommandDefinition(services, new { draftId, ids = (content.CatalogServiceIds ?? []).ToArray() }, tx, cancellationToken: ct));
    }
}
