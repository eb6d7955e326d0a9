using Hub.Core.Accounts;
using Hub.Core.Audit;
using Hub.Core.Common;
using Hub.Core.Tenancy;
using Xunit;

namespace Hub.Core.Tests.Accounts;

/// <summary>No account enumeration: every refusal is the same error after exactly one hash verification (so the same work).</summary>
public sealed class SignInTests
{
    private sealed class CountingHasher : IPasswordHasher
    {
        public int Verifications { get; private set; }

        public string Hash(string password) => "h:" + password;

        public bool Verify(string hash, string password)
        {
            Verifications++;
            return hash == "h:" + password;
        }
    }

    private sealed class OneUser(UserAccount? user) : IUserStore
    {
        public Task<UserAccount?> FindByEmailAsync(string normalizedEmail, CancellationToken ct) =>
            Task.FromResult(user is not null && user.Email == normalizedEmail ? user : null);

        public Task<Actor?> LoadActorAsync(Guid userId, CancellationToken ct) => throw new NotSupportedException();

        public Task<bool> CreateAsync(UserAccount user, AuditEvent audit, CancellationToken ct) => throw new NotSupportedException();

        public Task RecordFailedSignInAsync(Guid userId, DateTimeOffset now, SignInPolicy policy, CancellationToken ct) => Task.CompletedTask;

        public Task RecordSuccessfulSignInAsync(Guid userId, DateTimeOffset now, CancellationToken ct) => Task.CompletedTask;

        public Task ChangePasswordAsync(Guid userId, string passwordHash, DateTimeOffset now, AuditEvent audit, CancellationToken ct) => throw new NotSupportedException();

        public Task<bool> SetDisabledAsync(Guid userId, DateTimeOffset? disabledAt, DateTimeOffset now, AuditEvent audit, CancellationToken ct) => throw new NotSupportedException();
    }

    private sealed class FixedClock : IClock
    {
        public DateTimeOffset UtcNow { get; } = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
    }

    private static readonly UserAccount _user = new(Guid.NewGuid(), "eva@viernheim.demo", "Eva", "h:richtig-2026", false, null, 0, null);

    [Theory]
    [InlineData("niemand@viernheim.demo", "richtig-2026", null, null)]
    [InlineData("eva@viernheim.demo", "falsch", null, null)]
    [InlineData("eva@viernheim.demo", "richtig-2026", "disabled", null)]
    [InlineData("eva@viernheim.demo", "richtig-2026", null, "locked")]
    public async Task Execute_EveryRefusal_SameErrorAfterExactlyOneVerification(string email, string password, string? disabled, string? locked)
    {
        var clock = new FixedClock();
        var user = _user with
        {
            DisabledAt = disabled is null ? null : clock.UtcNow.AddDays(-1),
            LockedUntil = locked is null ? null : clock.UtcNow.AddMinutes(5),
        };
        var hasher = new CountingHasher();
        var result = await new SignIn(new OneUser(user), hasher, clock, SignInPolicy.Default).ExecuteAsync(email, password, default);

        Assert.False(result.IsSuccess);
        Assert.Equal("invalid_credentials", result.Error.Code);
        Assert.Equal(SignIn.FailedMessage, result.Error.Message);
        Assert.Equal(1, hasher.Verifications);
    }

    [Fact]
    public async Task Execute_RightPassword_SucceedsAfterOneVerification()
    {
        var hasher = new CountingHasher();
        var result = await new SignIn(new OneUser(_user), hasher, new FixedClock(), SignInPolicy.Default).ExecuteAsync("Eva@Viernheim.demo ", "richtig-2026", default);

        Assert.True(result.IsSuccess);
        Assert.Equal(1, hasher.Verifications);
    }
}
