using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Hub.Web.Common;

/// <summary>
/// The hub's one localizer (keys are the German texts). The resource compiler treats names without case, so a German text
/// that differs from another only in its first letter (the status "zurückgezogen" mid-sentence, "Zurückgezogen" as a
/// label) cannot have its own entry: such a key is looked up with a capital first letter, and the answer gets a small one.
/// </summary>
public sealed class SharedLocalizer(IStringLocalizerFactory factory) : IStringLocalizer<SharedResource>
{
    private readonly IStringLocalizer _inner = factory.Create(typeof(SharedResource));

    public LocalizedString this[string name] => Find(name, n => _inner[n]);

    public LocalizedString this[string name, params object[] arguments] => Find(name, n => _inner[n, arguments]);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => _inner.GetAllStrings(includeParentCultures);

    /// <summary>The key a lowercase key is translated through (null for any other key).</summary>
    public static string? CapitalizedKey(string name) =>
        name.Length > 0 && char.IsLower(name[0]) ? char.ToUpper(name[0], CultureInfo.InvariantCulture) + name[1..] : null;

    private static LocalizedString Find(string name, Func<string, LocalizedString> lookup)
    {
        var found = lookup(name);
        // In German the key is the text: nothing more to look for (German is the default, so this is the common case).
        if (!found.ResourceNotFound || CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "de" || CapitalizedKey(name) is not { } key)
            return found;
        var capitalized = lookup(key);
        return capitalized.ResourceNotFound
            ? found
            : new LocalizedString(name, char.ToLower(capitalized.Value[0], CultureInfo.CurrentCulture) + capitalized.Value[1..], false, capitalized.SearchedLocation);
    }
}
