using System.Reflection;
using Hub.Core.Common;

namespace Hub.Core.Accounts;

/// <summary>
/// What a new password must be (ASVS 2.1.1, 2.1.7, 2.1.9; NIST SP 800-63B 5.1.1.2): 12 to 1024 characters, not
/// counting spaces at its ends (12 spaces had locked an account out for good); at least 5 different characters
/// ("aaaaaaaaaaaa", "121212121212"); not a run along the keyboard, the alphabet or the digits ("1234567890ab",
/// "qwertzuiopas"); not a common password, also not one with digits or symbols around it ("Passwort2026!"), checked
/// against the 20,000 most common ones of published leaks (common-passwords.txt); not the e-mail address. No rules
/// about character classes: length and the lists do more, and the user may choose a passphrase.
/// </summary>
public static class PasswordRules
{
    public const int MinLength = 12;

    public const int MaxLength = 1024;

    public const int MinDistinct = 5;

    private static readonly string[] _runs =
    [
        "0123456789", "abcdefghijklmnopqrstuvwxyz", "qwertzuiopüasdfghjklöäyxcvbnm", "qwertzuiopasdfghjklyxcvbnm", "qwertyuiopasdfghjklzxcvbnm",
        "1qaz2wsx3edc4rfv5tgb6zhn7ujm8ik9ol0p", "1qay2wsx3edc4rfv5tgb6zhn7ujm8ik9ol0p",
    ];

    private static readonly Lazy<HashSet<string>> _common = new(LoadCommon);

    /// <summary>Why <paramref name="password"/> cannot be used, or null.</summary>
    public static ErrorMessage? Check(string? password, string? email)
    {
        var trimmed = password?.Trim(' ') ?? "";
        if (trimmed.Length < MinLength || password!.Length > MaxLength)
            return new ErrorMessage("Das neue Passwort braucht {0} bis {1} Zeichen (Leerzeichen am Anfang und Ende zählen nicht).", MinLength, MaxLength);
        var lower = trimmed.ToLowerInvariant();
        if (lower.Distinct().Count() < MinDistinct)
            return new ErrorMessage("Das Passwort ist zu einfach: es braucht mindestens {0} verschiedene Zeichen.", MinDistinct);
        if (IsRun(lower))
            return new ErrorMessage("Das Passwort ist zu einfach: eine Reihe auf der Tastatur, im Alphabet oder der Ziffern ist leicht zu erraten.");
        if (IsCommon(lower))
            return new ErrorMessage("Dieses Passwort gehört zu den häufigsten Passwörtern aus bekannten Datenlecks. Bitte wählen Sie ein anderes, zum Beispiel einen Satz aus mehreren Wörtern.");
        if (!string.IsNullOrEmpty(email) && (string.Equals(trimmed, email.Trim(), StringComparison.OrdinalIgnoreCase)
            || (email.Split('@')[0] is { Length: >= 4 } local && lower.Contains(local.ToLowerInvariant(), StringComparison.Ordinal) && lower.Length - local.Length < 8)))
            return new ErrorMessage("Das neue Passwort muss sich von der E-Mail-Adresse unterscheiden.");
        return null;
    }

    private static bool IsRun(string lower)
    {
        var core = new string(lower.Where(char.IsLetterOrDigit).ToArray());
        if (core.Length < MinLength - 2)
            return false;
        foreach (var run in _runs)
        {
            var repeated = string.Concat(Enumerable.Repeat(run, 1 + (core.Length / run.Length) + 1));
            var reversed = new string(repeated.Reverse().ToArray());
            if (repeated.Contains(core, StringComparison.Ordinal) || reversed.Contains(core, StringComparison.Ordinal))
                return true;
        }

        return false;
    }

    /// <summary>The password itself, or its letters once the digits and symbols before and after them are gone.</summary>
    private static bool IsCommon(string lower)
    {
        if (_common.Value.Contains(lower))
            return true;
        var start = 0;
        var end = lower.Length;
        while (start < end && !char.IsLetter(lower[start]))
            start++;
        while (end > start && !char.IsLetter(lower[end - 1]))
            end--;
        var core = lower[start..end];
        if (core.Length >= 4 && _common.Value.Contains(core))
            return true;
        // The same common word twice ("passwortpasswort"), with or without something between.
        var half = core.Length / 2;
        return half >= 4 && _common.Value.Contains(core[..half]) && core.EndsWith(core[..half], StringComparison.Ordinal);
    }

    private static HashSet<string> LoadCommon()
    {
        using var stream = typeof(PasswordRules).Assembly.GetManifestResourceStream("Hub.Core.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded in Hub.Core.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
                set.Add(line);
        }

        return set;
    }
}
