using System.Globalization;

namespace Avatars.Data.IO.Csv;

/// <summary>
/// Fast culture-invariant formatting of the values the CSV writer produces most: floats in shortest
/// round-trip form and ISO timestamps. The output is identical to <c>ToString("R")</c> and to the
/// custom formats <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c> / <c>zzz</c>, several times faster.
/// </summary>
internal static class InvariantFormat
{
    /// <summary>Room a formatted float or timestamp needs at most.</summary>
    public const int MaxLength = 48;

    private static readonly double[] Pow10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6];
    private static readonly long[] Pow10Int = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

    /// <summary>
    /// Writes a float like <c>ToString("R", InvariantCulture)</c>, plus ".0" when that is a whole
    /// number (so it reads back as float): <c>1.5</c>, <c>3.0</c>, <c>-2E-07</c>, <c>Infinity</c>.
    /// </summary>
    public static int Float(double value, Span<char> destination)
    {
        if (TryFixed(value, destination, out var length))
        {
            return length;
        }

        value.TryFormat(destination, out length, "R", CultureInfo.InvariantCulture);
        if (!destination[..length].ContainsAnyExcept("-0123456789"))
        {
            destination[length++] = '.';
            destination[length++] = '0';
        }

        return length;
    }

    /// <summary>
    /// A naive timestamp: <c>yyyy-MM-dd</c> when <paramref name="dateOnly"/>, else
    /// <c>yyyy-MM-dd HH:mm:ss</c> with a fraction of up to 7 digits, trailing zeros (and the point) dropped.
    /// </summary>
    public static int Timestamp(long ticks, bool dateOnly, Span<char> destination)
    {
        var value = new DateTime(ticks, DateTimeKind.Unspecified);
        value.Deconstruct(out var year, out var month, out var day);
        Digits(year, 4, destination);
        destination[4] = '-';
        Digits(month, 2, destination[5..]);
        destination[7] = '-';
        Digits(day, 2, destination[8..]);
        if (dateOnly)
        {
            return 10;
        }

        destination[10] = ' ';
        Digits(value.Hour, 2, destination[11..]);
        destination[13] = ':';
        Digits(value.Minute, 2, destination[14..]);
        destination[16] = ':';
        Digits(value.Second, 2, destination[17..]);
        var length = 19;
        var fraction = (int)(ticks % TimeSpan.TicksPerSecond);
        if (fraction != 0)
        {
            var digits = 7;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }

            destination[length++] = '.';
            Digits(fraction, digits, destination[length..]);
            length += digits;
        }

        return length;
    }

    /// <summary>A zoned timestamp: the wall-clock time at <paramref name="offset"/> then <c>+hh:mm</c> (like <c>zzz</c>).</summary>
    public static int Timestamp(long utcTicks, TimeSpan offset, Span<char> destination)
    {
        var length = Timestamp(utcTicks + offset.Ticks, dateOnly: false, destination);
        destination[length++] = offset < TimeSpan.Zero ? '-' : '+';
        var minutes = (int)Math.Abs(offset.Ticks / TimeSpan.TicksPerMinute);
        Digits(minutes / 60, 2, destination[length..]);
        destination[length + 2] = ':';
        Digits(minutes % 60, 2, destination[(length + 3)..]);
        return length + 5;
    }

    /// <summary>
    /// The fixed-point form of values with at most 6 decimals between 1e-4 and 1e15, where "R" also
    /// prints fixed-point: the fewest decimals that parse back to the value. Below 2^51 / 10^k only one
    /// k-decimal number rounds to the value, so it is the shortest round-trip form "R" prints.
    /// </summary>
    private static bool TryFixed(double value, Span<char> destination, out int length)
    {
        length = 0;
        var magnitude = Math.Abs(value);
        if (!(magnitude >= 1e-4 && magnitude < 1e15))
        {
            return false; // also NaN and zero (keeps "-0")
        }

        for (var k = 0; k < Pow10.Length; k++)
        {
            var scaled = magnitude * Pow10[k];
            if (scaled >= 2251799813685248.0)
            {
                return false;
            }

            var rounded = Math.Round(scaled);
            if (rounded / Pow10[k] != magnitude)
            {
                continue;
            }

            var digits = (long)rounded;
            if (value < 0)
            {
                destination[length++] = '-';
            }

            var whole = digits / Pow10Int[k];
            whole.TryFormat(destination[length..], out var written, default, CultureInfo.InvariantCulture);
            length += written;
            destination[length++] = '.';
            if (k == 0)
            {
                destination[length++] = '0';
            }
            else
            {
                Digits((int)(digits % Pow10Int[k]), k, destination[length..]);
                length += k;
            }

            return true;
        }

        return false;
    }

    /// <summary>Writes a non-negative number with exactly <paramref name="count"/> digits (zero-padded).</summary>
    private static void Digits(int value, int count, Span<char> destination)
    {
        for (var i = count - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
