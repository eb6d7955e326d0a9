using System.Text.RegularExpressions;
using System.Xml.Linq;
using Hub.Core.Tenancy;
using Hub.Web.Tenancy;

namespace Hub.Web.Tests.Common;

/// <summary>German is the key and the default; every key the code uses must have its English text.</summary>
public sealed partial class LocalizationTests
{
    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "IkzHub.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    private static HashSet<string> EnglishKeys() =>
        XDocument.Load(Path.Combine(Root(), "Hub.Web", "Resources", "SharedResource.en.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

    public static IEnumerable<string> UsedKeys()
    {
        var root = Root();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "Hub.Web", "Views"), "*.cshtml", SearchOption.AllDirectories))
        {
            foreach (Match m in ViewKey().Matches(File.ReadAllText(file)))
                keys.Add(Unescape(m.Groups[1].Value));
        }

        foreach (var project in new[] { "Hub.Web", "Hub.Core" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, project), "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal)))
            {
                var text = File.ReadAllText(file);
                foreach (var regex in new[] { CodeKey(), MessageKey(), AttributeKey(), ValidatorAdd(), ConstMessage(), TemplateTuple() })
                {
                    foreach (Match m in regex.Matches(text))
                        keys.Add(Unescape(m.Groups[1].Value));
                }
            }
        }

        foreach (var kind in Enum.GetValues<OrganizationKind>())
            keys.Add(TenancyLabels.Kind(kind));
        foreach (var role in Enum.GetValues<MembershipRole>())
            keys.Add(TenancyLabels.Role(role));
        foreach (var status in Enum.GetValues<Hub.Core.Drafts.DraftStatus>())
            keys.Add(Hub.Core.Drafts.DraftCodes.Label(status));
        foreach (var state in Enum.GetValues<Hub.Core.Progress.ImplementationState>())
            keys.Add(Hub.Core.Progress.ImplementationCodes.Label(state));
        foreach (var status in Enum.GetValues<Hub.Core.Adoptions.AdoptionStatus>())
            keys.Add(Hub.Core.Adoptions.AdoptionCodes.Label(status));
        foreach (var status in Enum.GetValues<Hub.Core.Releases.ReleaseStatus>())
            keys.Add(Hub.Core.Releases.ReleaseStatusCodes.Label(status));
        var revision = new Hub.Core.Drafts.DraftRevision(Guid.Empty, 1, "a", null, "", "", new Hub.Core.Drafts.Steckbrief(), "", default);
        foreach (var field in Hub.Web.Drafts.RevisionDiff.Between(revision, revision).Fields)
            keys.Add(field.Label);
        return keys;
    }

    [Fact]
    public void EveryUsedKey_HasAnEnglishTranslation()
    {
        var english = EnglishKeys();

        // A key that differs from another only in its first letter is found through the capitalized one (SharedLocalizer).
        var missing = UsedKeys().Where(k => !english.Contains(k) && !(Hub.Web.Common.SharedLocalizer.CapitalizedKey(k) is { } capitalized && english.Contains(capitalized)))
            .Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "Missing in SharedResource.en.resx:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void EnglishResource_HasNoKeysDifferingOnlyInCase()
    {
        // The resource compiler compares names without case and drops the second one (warning MSB3568): that text would
        // stay German in the English UI.
        var clashes = XDocument.Load(Path.Combine(Root(), "Hub.Web", "Resources", "SharedResource.en.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!)
            .GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g)).ToList();

        Assert.True(clashes.Count == 0, "Keys differing only in case:\n" + string.Join("\n", clashes));
    }

    [Fact]
    public void LowercaseKey_InEnglish_IsTheCapitalizedKeysTranslationInLowercase_InGermanItself()
    {
        var localizer = new Hub.Web.Common.SharedLocalizer(new Microsoft.Extensions.Localization.ResourceManagerStringLocalizerFactory(
            Microsoft.Extensions.Options.Options.Create(new Microsoft.Extensions.Localization.LocalizationOptions { ResourcesPath = "Resources" }),
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance));
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en");
            Assert.Equal("Withdrawn", localizer["Zurückgezogen"].Value);
            Assert.Equal("withdrawn", localizer["zurückgezogen"].Value);
            Assert.Equal("lead", localizer["federführend"].Value);
            Assert.Equal("approved", localizer["Freigabe erteilt"].Value);
            Assert.True(localizer["nirgends übersetzt"].ResourceNotFound);
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("de");
            Assert.Equal("zurückgezogen", localizer["zurückgezogen"].Value);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void EnglishResource_HasNoEmptyOrUntranslatedGermanValues()
    {
        var doc = XDocument.Load(Path.Combine(Root(), "Hub.Web", "Resources", "SharedResource.en.resx"));

        foreach (var data in doc.Root!.Elements("data"))
        {
            var value = (string?)data.Element("value");
            Assert.False(string.IsNullOrWhiteSpace(value), $"empty translation for '{(string)data.Attribute("name")!}'");
            Assert.DoesNotMatch("[äöüß]", value!.Replace("Bergstraße", "", StringComparison.Ordinal));
        }
    }

    private static string Unescape(string s) => s.Replace("\\\"", "\"", StringComparison.Ordinal);

    [GeneratedRegex(@"L\[""((?:[^""\\]|\\.)*)""")]
    private static partial Regex ViewKey();

    [GeneratedRegex(@"localizer\[""((?:[^""\\]|\\.)*)""")]
    private static partial Regex CodeKey();

    [GeneratedRegex(@"ErrorMessage(?: \w+ =\s*new)?\(\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex MessageKey();

    [GeneratedRegex(@"(?:ErrorMessage|Display\(Name) = ""((?:[^""\\]|\\.)*)""")]
    private static partial Regex AttributeKey();

    [GeneratedRegex(@"\.Add\(""[a-zA-Z]+"", ""((?:[^""\\]|\\.)*)""")]
    private static partial Regex ValidatorAdd();

    [GeneratedRegex(@"const string \w+Message = ""((?:[^""\\]|\\.)*)""")]
    private static partial Regex ConstMessage();

    /// <summary>Templates chosen by a switch, as in AuditLabels and Notification.Text: <c>=&gt; ("…", [args])</c>.</summary>
    [GeneratedRegex(@"=> \(""((?:[^""\\]|\\.)*)"", \[")]
    private static partial Regex TemplateTuple();
}
