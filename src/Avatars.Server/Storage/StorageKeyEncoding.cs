using System.Text;

namespace Avatars.Server.Storage;

/// <summary>
/// Percent-encoding of storage keys: per segment for URLs (everything outside RFC 3986 "unreserved" encoded,
/// api.md §16.3) and for file names on disk (everything outside <c>[A-Za-z0-9._-]</c> plus a leading <c>.</c>),
/// and the strict decoding of both (malformed escapes and invalid UTF-8 are rejected, never repaired).
/// </summary>
internal static class StorageKeyEncoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The key as a URL path: each segment percent-encoded, <c>/</c> kept between segments.</summary>
    public static string EncodeUrlPath(string key) =>
        string.Join('/', key.Split('/').Select(s => Encode(s, IsUrlUnreserved, encodeLeadingDot: false)));

    /// <summary>One key segment as a file or folder name: safe on every file system, never hidden, never <c>.</c>/<c>..</c>.</summary>
    public static string EncodeFileSegment(string segment) => Encode(segment, IsFileSafe, encodeLeadingDot: true);

    /// <summary>Decodes a percent-encoded string once; null when an escape is malformed or the bytes are not UTF-8.</summary>
    public static string? TryDecode(string text)
    {
        if (!text.Contains('%', StringComparison.Ordinal))
        {
            return text;
        }

        var bytes = new List<byte>(text.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%')
            {
                if (i + 2 >= text.Length || !Uri.IsHexDigit(text[i + 1]) || !Uri.IsHexDigit(text[i + 2]))
                {
                    return null;
                }

                bytes.Add((byte)((HexValue(text[i + 1]) << 4) | HexValue(text[i + 2])));
                i += 2;
            }
            else if (char.IsSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsSurrogatePair(c, text[i + 1]))
                {
                    return null;
                }

                var n = new Rune(c, text[i + 1]).EncodeToUtf8(utf8);
                bytes.AddRange(utf8[..n]);
                i++;
            }
            else
            {
                var n = new Rune(c).EncodeToUtf8(utf8);
                bytes.AddRange(utf8[..n]);
            }
        }

        try
        {
            return StrictUtf8.GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static string Encode(string segment, Func<byte, bool> keep, bool encodeLeadingDot)
    {
        var bytes = StrictUtf8.GetBytes(segment);
        var builder = new StringBuilder(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (keep(b) && !(encodeLeadingDot && i == 0 && b == (byte)'.'))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static bool IsFileSafe(byte b) => b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9') or (byte)'.' or (byte)'_' or (byte)'-';

    private static bool IsUrlUnreserved(byte b) => IsFileSafe(b) || b == (byte)'~';

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
