using Hub.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Hub.Data.Accounts;

/// <summary>ASP.NET Core Identity's PBKDF2 hasher (HMAC-SHA512) with the iteration count raised to OWASP's 210,000.</summary>
public sealed class IdentityPasswordHasher : Hub.Core.Accounts.IPasswordHasher
{
    public const int Iterations = 210_000;

    private readonly PasswordHasher<UserAccount> _inner = new(Options.Create(new PasswordHasherOptions
    {
        CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
        IterationCount = Iterations,
    }));

    public string Hash(string password) => _inner.HashPassword(null!, password);

    public bool Verify(string hash, string password)
    {
        try
        {
            return _inner.VerifyHashedPassword(null!, hash, password) != PasswordVerificationResult.Failed;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
