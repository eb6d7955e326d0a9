using System.Security.Cryptography;
using System.Text;
using Hub.Core.Accounts;
using Hub.Core.Common;

namespace Hub.Web.Accounts;

/// <summary>Issues opaque bearer tokens: 256 random bits, shown once, stored only as SHA-256.</summary>
public sealed class ApiTokens(ITokenStore tokens, IClock clock)
{
    public const string Prefix = "ikz_";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    public async Task<(string Token, DateTimeOffset ExpiresAt)> IssueAsync(Guid userId, string name, CancellationToken ct)
    {
        var token = Prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.UtcNow;
        var expiresAt = now + Lifetime;
        await tokens.CreateAsync(Ids.New(), userId, Hash(token), name, now, expiresAt, ct);
        return (token, expiresAt);
    }

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
