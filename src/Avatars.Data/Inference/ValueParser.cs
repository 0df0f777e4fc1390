using System.Globalization;
using csFastFloat;

namespace Avatars.Data.Inference;

/// <summary>The result of parsing a timestamp.</summary>
internal enum TimestampKind
{
    /// <summary>Not an ISO 8601 date or date-time.</summary>
    None,

    /// <summary>A date or date-time without a UTC offset (ticks are wall-clock ticks).</summary>
    Naive,

    /// <summary>A date-time with <c>Z</c> or a UTC offset (ticks are UTC ticks).</summary>
    Zoned,
}

/// <summary>
/// Culture-invariant parsers for cell text, working on spans (no string per cell). They never depend on
/// <see cref="CultureInfo.CurrentCulture"/>: the decimal separator is always '.', there are no thousands
/// separators.
/// </summary>
internal static class ValueParser
{
    private const long MaxOffsetTicks = 14 * TimeSpan.TicksPerHour;

    /// <summary>An integer: optional sign, decimal digits, surrounding white space allowed; no decimal point or exponent.</summary>
    public static bool TryParseInt(ReadOnlySpan<char> text, out long value) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// A real number with '.' as decimal point: "1.5", ".2", "-3e-4", "1.", "+5", "inf", "Infinity";
    /// surrounding white space allowed. "NaN" parses (as NaN) too.
    /// </summary>
    public static bool TryParseFloat(ReadOnlySpan<char> text, out double value)
    {
        text = text.Trim();
        if (text.IsEmpty)
        {
            value = 0;
            return false;
        }

        // csFastFloat (a dependency of Sep) is about 3x faster than double.TryParse and gives the same,
        // correctly rounded results; it stops at the first character it cannot use, so check it used all.
        return FastDoubleParser.TryParseDouble(text, out var consumed, out value) && consumed == text.Length;
    }

    /// <summary>An integer, or a real number with an integral value that fits a 64-bit integer ("3.0", "1e3").</summary>
    public static bool TryParseIntegral(ReadOnlySpan<char> text, out long value)
    {
        if (TryParseInt(text, out value))
        {
            return true;
        }

        // 2^63 is exactly representable; anything at or above it does not fit.
        if (TryParseFloat(text, out var real) && double.IsFinite(real) && Math.Floor(real) == real
            && real >= long.MinValue && real < 9223372036854775808.0)
        {
            value = (long)real;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>"true" or "false" in any letter case, surrounding white space allowed.</summary>
    public static bool TryParseBool(ReadOnlySpan<char> text, out bool value)
    {
        text = text.Trim();
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }

        if (text.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            value = false;
            return true;
        }

        value = false;
        return false;
    }

    /// <summary>Like <see cref="TryParseBool"/>, and also "1" and "0" (accepted when bool is asked for explicitly).</summary>
    public static bool TryParseBoolLenient(ReadOnlySpan<char> text, out bool value)
    {
        if (TryParseBool(text, out value))
        {
            return true;
        }

        var trimmed = text.Trim();
        if (trimmed is "1" or "0")
        {
            value = trimmed[0] == '1';
            return true;
        }

        return false;
    }

    /// <summary>
    /// An ISO 8601 date or date-time: <c>yyyy-MM-dd</c>, optionally followed by <c>T</c> or a space and
    /// <c>HH:mm</c>, <c>HH:mm:ss</c> or <c>HH:mm:ss.fffffff</c> (any number of fraction digits; beyond 7
    /// they are truncated to the 100 ns tick), optionally followed by <c>Z</c> or an offset
    /// <c>±HH:mm</c>, <c>±HHmm</c> or <c>±HH</c>. Surrounding white space is allowed.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="ticks">Wall-clock ticks for a naive value, UTC ticks for a zoned one.</param>
    /// <param name="offset">The UTC offset of a zoned value (zero otherwise).</param>
    public static TimestampKind TryParseTimestamp(ReadOnlySpan<char> text, out long ticks, out TimeSpan offset)
    {
        ticks = 0;
        offset = TimeSpan.Zero;
        text = text.Trim();
        if (text.Length < 10 || text[4] != '-' || text[7] != '-'
            || !TryDigits(text, 0, 4, out var year) || !TryDigits(text, 5, 2, out var month) || !TryDigits(text, 8, 2, out var day))
        {
            return TimestampKind.None;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return TimestampKind.None;
        }

        var value = new DateTime(year, month, day).Ticks;
        var pos = 10;
        var zoned = false;
        if (pos < text.Length)
        {
            if (text[pos] is not ('T' or 't' or ' ')
                || pos + 6 > text.Length
                || !TryDigits(text, pos + 1, 2, out var hour) || text[pos + 3] != ':' || !TryDigits(text, pos + 4, 2, out var minute)
                || hour > 23 || minute > 59)
            {
                return TimestampKind.None;
            }

            value += (hour * TimeSpan.TicksPerHour) + (minute * TimeSpan.TicksPerMinute);
            pos += 6;
            if (pos < text.Length && text[pos] == ':')
            {
                if (!TryDigits(text, pos + 1, 2, out var second) || second > 59)
                {
                    return TimestampKind.None;
                }

                value += second * TimeSpan.TicksPerSecond;
                pos += 3;
                if (pos < text.Length && text[pos] is '.' or ',')
                {
                    pos++;
                    var start = pos;
                    long fraction = 0;
                    while (pos < text.Length && char.IsAsciiDigit(text[pos]))
                    {
                        if (pos - start < 7)
                        {
                            fraction = (fraction * 10) + (text[pos] - '0');
                        }

                        pos++;
                    }

                    var digits = pos - start;
                    if (digits == 0)
                    {
                        return TimestampKind.None;
                    }

                    for (var d = digits; d < 7; d++)
                    {
                        fraction *= 10;
                    }

                    value += fraction;
                }
            }

            if (pos < text.Length)
            {
                if (!TryParseOffset(text[pos..], out offset))
                {
                    return TimestampKind.None;
                }

                zoned = true;
                value -= offset.Ticks;
                if (value < 0 || value > DateTime.MaxValue.Ticks)
                {
                    return TimestampKind.None;
                }
            }
        }

        ticks = value;
        return zoned ? TimestampKind.Zoned : TimestampKind.Naive;
    }

    private static bool TryParseOffset(ReadOnlySpan<char> text, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (text is "Z" or "z")
        {
            return true;
        }

        if (text.Length < 3 || text[0] is not ('+' or '-') || !TryDigits(text, 1, 2, out var hours))
        {
            return false;
        }

        var minutes = 0;
        if (text.Length == 6 && text[3] == ':')
        {
            if (!TryDigits(text, 4, 2, out minutes))
            {
                return false;
            }
        }
        else if (text.Length == 5)
        {
            if (!TryDigits(text, 3, 2, out minutes))
            {
                return false;
            }
        }
        else if (text.Length != 3)
        {
            return false;
        }

        var ticks = (hours * TimeSpan.TicksPerHour) + (minutes * TimeSpan.TicksPerMinute);
        if (minutes > 59 || ticks > MaxOffsetTicks)
        {
            return false;
        }

        offset = new TimeSpan(text[0] == '-' ? -ticks : ticks);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, int start, int count, out int value)
    {
        value = 0;
        if (start + count > text.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            var c = text[i];
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
