using System.Globalization;
using System.Text;

namespace Avatars.Engine.Reporting.Plots;

/// <summary>Escaping and culture-invariant number formatting for HTML and SVG text.</summary>
public static class Markup
{
    /// <summary>
    /// Escapes text for HTML/SVG element content and quoted attribute values: <c>&amp; &lt; &gt; " '</c> become
    /// entities and characters that are not allowed in XML (control characters, lone surrogates) become U+FFFD,
    /// so user data (column names, category levels) can never open a tag or leave an attribute.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[i + 1]);
                        i++;
                    }
                    else if (char.IsSurrogate(c) || (c < 0x20 && c is not '\t' and not '\n' and not '\r') || c is '\uFFFE' or '\uFFFF')
                    {
                        builder.Append('\uFFFD');
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Escapes text after shortening it to <paramref name="maxLength"/> characters (with an ellipsis).</summary>
    public static string EscapeShort(string? text, int maxLength)
    {
        text ??= string.Empty;
        return Escape(text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, Math.Max(1, maxLength - 1)), "…"));
    }

    /// <summary>A coordinate for SVG attributes: <c>0.###</c>, invariant culture, <c>0</c> for non-finite values.</summary>
    public static string Coord(double value) =>
        double.IsFinite(value) ? Math.Round(value, 3).ToString("0.###", CultureInfo.InvariantCulture) : "0";

    /// <summary>A number for display: up to 4 significant digits, thousands separators, exponent for very large or small values.</summary>
    public static string Number(double value)
    {
        if (double.IsNaN(value))
        {
            return "n/a";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "∞" : "−∞";
        }

        var abs = Math.Abs(value);
        if (abs != 0 && (abs >= 1e9 || abs < 1e-3))
        {
            return value.ToString("0.###e+0", CultureInfo.InvariantCulture);
        }

        var decimals = abs >= 1000 ? 0 : abs >= 100 ? 1 : abs >= 10 ? 2 : 3;
        return Math.Round(value, decimals).ToString(decimals == 0 ? "#,0" : "#,0." + new string('#', decimals), CultureInfo.InvariantCulture);
    }

    /// <summary>A percentage for display, e.g. <c>12.3 %</c>.</summary>
    public static string Percent(double fraction) =>
        double.IsFinite(fraction) ? (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %" : "n/a";

    /// <summary>An integer with thousands separators, invariant culture.</summary>
    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
