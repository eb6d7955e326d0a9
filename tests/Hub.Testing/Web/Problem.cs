using Xunit;
using System.Net;
using System.Text.Json;

namespace Hub.Testing.Web;

/// <summary>Reads an RFC 9457 problem body and checks its shape.</summary>
public sealed record Problem(int Status, string Code, string Title, JsonElement Root)
{
    public static async Task<Problem> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var root = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)expected, root.GetProperty("status").GetInt32());
        return new Problem(root.GetProperty("status").GetInt32(), root.GetProperty("code").GetString()!, root.GetProperty("title").GetString()!, root);
    }

    public IReadOnlyList<string> FieldErrors(string field) =>
        Root.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var list)
            ? list.EnumerateArray().Select(e => e.GetString()!).ToList()
            : [];
}
