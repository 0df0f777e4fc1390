using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Avatars.Engine.Reporting.Report;

/// <summary>
/// Makes PDFsharp output byte-for-byte reproducible. PDFsharp draws three values at random on every save:
/// the six-letter font-subset prefixes ("ABCDEF+Liberation Sans"), the XMP document and instance UUIDs, and
/// the trailer /ID. Each is replaced in place by a value of the same length derived from a SHA-256 of the
/// document with those values masked, so cross-reference offsets stay valid.
/// </summary>
internal static partial class PdfDeterminism
{
    [GeneratedRegex(@"/(?:BaseFont|FontName)/([A-Z]{6})\+")]
    private static partial Regex SubsetPrefix();

    [GeneratedRegex(@"uuid:([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})")]
    private static partial Regex Uuid();

    [GeneratedRegex(@"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")]
    private static partial Regex TrailerId();

    internal static byte[] Normalize(byte[] pdf)
    {
        // Latin-1 maps bytes 1:1 to chars, so string indices are byte offsets.
        string text = Encoding.Latin1.GetString(pdf);
        var spans = new List<(int Index, int Length, Func<byte[], int, string> Make)>();
        var prefixes = new List<string>();
        foreach (Match m in SubsetPrefix().Matches(text))
        {
            string p = m.Groups[1].Value;
            int ordinal = prefixes.IndexOf(p);
            if (ordinal < 0)
            {
                prefixes.Add(p);
                ordinal = prefixes.Count - 1;
            }

            spans.Add((m.Groups[1].Index, 6, (h, _) => Letters(h, ordinal)));
        }

        int uuidIndex = 0;
        foreach (Match m in Uuid().Matches(text))
        {
            int n = uuidIndex++;
            spans.Add((m.Groups[1].Index, 36, (h, _) => GuidFrom(h, n)));
        }

        foreach (Match m in TrailerId().Matches(text))
        {
            for (int g = 1; g <= 2; g++)
            {
                int len = m.Groups[g].Length;
                spans.Add((m.Groups[g].Index, len, (h, _) => Hex(h, len)));
            }
        }

        if (spans.Count == 0)
        {
            return pdf;
        }

        byte[] masked = (byte[])pdf.Clone();
        foreach (var (index, length, _) in spans)
        {
            masked.AsSpan(index, length).Fill((byte)'0');
        }

        byte[] hash = SHA256.HashData(masked);
        foreach (var (index, length, make) in spans)
        {
            string value = make(hash, index);
            Encoding.Latin1.GetBytes(value).CopyTo(masked.AsSpan(index, length));
        }

        return masked;
    }

    private static string Letters(byte[] hash, int ordinal)
    {
        Span<char> c = stackalloc char[6];
        for (int i = 0; i < 6; i++)
        {
            c[i] = (char)('A' + (hash[((ordinal * 6) + i) % hash.Length] % 26));
        }

        if (ordinal > 0)
        {
            // Keep distinct fonts distinct even if the letters collide.
            c[5] = (char)('A' + (ordinal % 26));
        }

        return new string(c);
    }

    private static string GuidFrom(byte[] hash, int n)
    {
        byte[] b = SHA256.HashData([.. hash, (byte)n]);
        return new Guid(b.AsSpan(0, 16)).ToString("D");
    }

    private static string Hex(byte[] hash, int length)
    {
        var sb = new StringBuilder(length);
        for (int i = 0; sb.Length < length; i++)
        {
            sb.Append(hash[i % hash.Length].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return sb.ToString(0, length);
    }
}
