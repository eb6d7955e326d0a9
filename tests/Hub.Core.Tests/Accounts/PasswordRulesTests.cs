using Hub.Core.Accounts;
using Xunit;

namespace Hub.Core.Tests.Accounts;

/// <summary>Attack finding 10: twelve spaces and "aaaaaaaaaaaa" were accepted; common and breached passwords were not checked.</summary>
public sealed class PasswordRulesTests
{
    [Theory]
    [InlineData("            ", "Zeichen")]                 // 12 spaces: sign-in was impossible afterwards
    [InlineData("   kurz1234   ", "Zeichen")]               // 8 characters between the spaces
    [InlineData("aaaaaaaaaaaa", "verschiedene")]
    [InlineData("121212121212", "verschiedene")]
    [InlineData("abcabcabcabcabc", "verschiedene")]
    [InlineData("1234567890123", "Reihe")]
    [InlineData("qwertzuiopasdf", "Reihe")]
    [InlineData("ZYXWVUTSRQPONM", "Reihe")]
    [InlineData("password1234", "häufigsten")]
    [InlineData("Passwort2026!", "häufigsten")]
    [InlineData("!!Sommer2026!!", "häufigsten")]
    [InlineData("iloveyou12345", "häufigsten")]
    [InlineData("passwortpasswort", "häufigsten")]
    [InlineData("digitalisierung@bensheim.demo", "E-Mail")]
    [InlineData("Digitalisierung-1!", "E-Mail")]
    public void Check_WeakPasswords_AreRefusedWithTheReason(string password, string reason)
    {
        var error = PasswordRules.Check(password, "digitalisierung@bensheim.demo");

        Assert.NotNull(error);
        Assert.Contains(reason, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Wir digitalisieren die Urkunde")]
    [InlineData("Demo-Passwort-2026!")]
    [InlineData("kX9#mP2$vL7@")]
    [InlineData("Grabnutzungsrecht verlängern 7")]
    public void Check_GoodPasswords_AreAccepted(string password) => Assert.Null(PasswordRules.Check(password, "editor@viernheim.demo"));

    [Fact]
    public void Check_OverTheMaximum_IsRefused() =>
        Assert.NotNull(PasswordRules.Check(string.Concat(Enumerable.Repeat("Urkunde-", 130)), null));
}
