using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace Hub.Web.Common;

/// <summary>
/// Input no route can use, refused once for every route before anything binds it: control characters (U+0000–U+001F
/// but tab, line feed and carriage return, and U+007F) in the path, the query or a form field — PostgreSQL refuses
/// U+0000, and the search snippets use U+0002/U+0003 as their highlight marks — and forms over the field limit. JSON
/// bodies get the same rule from <see cref="ControlCharacters.JsonConverter"/>. 400 with a problem body (API) or the
/// error page; never a 500.
/// </summary>
public sealed class InputGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
        {
            await next(context);
            return;
        }

        var request = context.Request;
        // The idempotency filter hashes the raw body after the action has bound it (RequestFingerprint).
        if (request.Headers.ContainsKey(IdempotencyFilter.Header) && !request.HasFormContentType)
            request.EnableBuffering(bufferThreshold: 64 * 1024);
        var refused = ControlCharacters.Any(request.Path.Value) || request.Query.Any(q => ControlCharacters.Any(q.Key) || q.Value.Any(ControlCharacters.Any));
        if (!refused && request.HasFormContentType)
        {
            try
            {
                var form = await request.ReadFormAsync(context.RequestAborted);
                refused = form.Any(f => ControlCharacters.Any(f.Key) || f.Value.Any(ControlCharacters.Any));
            }
            catch (InvalidDataException)
            {
                // More fields than FormOptions.ValueCountLimit (1,024), a key or value over its length limit, a broken multipart body.
                refused = true;
            }
            catch (BadHttpRequestException e)
            {
                // A chunked body past the size limit (LengthLimitedStream): 413.
                context.Response.StatusCode = e.StatusCode;
                return;
            }
        }

        if (refused)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        await next(context);
    }
}

/// <summary>The one rule for control characters in input: tab, line feed and carriage return are text, the rest is not.</summary>
public static class ControlCharacters
{
    public const string Message = "Steuerzeichen (wie U+0000) sind in Eingaben nicht erlaubt.";

    public static bool Any(string? value)
    {
        if (value is null)
            return false;
        foreach (var c in value)
        {
            if ((c < ' ' && c is not ('\t' or '\n' or '\r')) || c == '\u007f')
                return true;
        }

        return false;
    }

    /// <summary>Reads every JSON string through the rule: a control character is a binding error (400 validation_failed).</summary>
    public sealed class JsonConverter : System.Text.Json.Serialization.JsonConverter<string>
    {
        public override string? Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options)
        {
            var value = reader.GetString();
            return Any(value) ? throw new System.Text.Json.JsonException(Message) : value;
        }

        public override void Write(System.Text.Json.Utf8JsonWriter writer, string value, System.Text.Json.JsonSerializerOptions options) =>
            writer.WriteStringValue(value);
    }
}
