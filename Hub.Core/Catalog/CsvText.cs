using System.Text;

namespace Hub.Core.Catalog;

/// <summary>Uploaded CSV bytes as text: strict UTF-8 (a BOM is fine); broken encoding is reported with its line.</summary>
public static class CsvText
{
    private static readonly UTF8Encoding _strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static (string? Text, string? Error) Decode(byte[] bytes)
    {
        try
        {
            return (_strict.GetString(bytes), null);
        }
        catch (DecoderFallbackException)
        {
            // Find the line: decode line by line (UTF-8 never uses the byte 0x0A inside a multi-byte sequence).
            var line = 1;
            var start = 0;
            for (var i = 0; i <= bytes.Length; i++)
            {
                if (i < bytes.Length && bytes[i] != (byte)'\n')
                    continue;
                try
                {
                    _strict.GetString(bytes, start, i - start);
                }
                catch (DecoderFallbackException)
                {
                    break;
                }

                line++;
                start = i + 1;
            }

            return (null, $"line {line}: not valid UTF-8 (save the file as UTF-8)");
        }
    }
}
