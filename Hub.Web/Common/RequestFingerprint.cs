using System.Security.Cryptography;
using System.Text;

namespace Hub.Web.Common;

/// <summary>
/// What a request with an idempotency key asks for, as SHA-256 of its method, path, query string and body: the form's fields (without
/// the antiforgery token and the key itself, which do not change what is asked) and uploaded files, or the raw body,
/// which <see cref="InputGuard"/> keeps readable for requests that carry an Idempotency-Key header.
/// </summary>
public static class RequestFingerprint
{
    private static readonly string[] _ignoredFields = ["__RequestVerificationToken", IdempotencyFilter.FormField];

    public static async Task<string> ComputeAsync(HttpRequest request, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(sha, request.Method + "\n" + request.Path.Value + "\n" + request.QueryString.Value + "\n");
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            foreach (var field in form.Where(f => !_ignoredFields.Contains(f.Key, StringComparer.Ordinal)).OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                foreach (var value in field.Value)
                    Append(sha, field.Key.Length + ":" + field.Key + "=" + (value?.Length ?? -1) + ":" + value + "\n");
            }

            foreach (var file in form.Files.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                Append(sha, "file:" + file.Name + ":" + file.FileName + ":" + file.Length + "\n");
                await using var content = file.OpenReadStream();
                sha.AppendData(await SHA256.HashDataAsync(content, ct));
            }
        }
        else if (request.Body.CanSeek)
        {
            request.Body.Position = 0;
            sha.AppendData(await SHA256.HashDataAsync(request.Body, ct));
            request.Body.Position = 0;
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static void Append(IncrementalHash sha, string text) => sha.AppendData(Encoding.UTF8.GetBytes(text));
}
