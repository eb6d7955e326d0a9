using System.Text;

namespace Hub.Web.Common;

/// <summary>Redirect targets: only local paths, and written as ASCII (a Location header cannot carry "ü" or a control character).</summary>
public static class LocalUrls
{
    /// <summary><paramref name="url"/> with every character outside printable ASCII percent-encoded as UTF-8, or null when it has control characters.</summary>
    public static string? AsciiOrNull(string? url)
    {
        if (url is null || ControlCharacters.Any(url))
            return null;
        var sb = new StringBuilder(url.Length);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.Value is > 0x20 and < 0x7f)
            {
                sb.Append((char)rune.Value);
                continue;
            }

            var n = rune.EncodeToUtf8(utf8);
            for (var i = 0; i < n; i++)
                sb.Append('%').Append(utf8[i].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}
