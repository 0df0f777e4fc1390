using System.Globalization;

namespace Avatars.Config;

/// <summary>
/// A real number as written in a resource set, remembering whether it was written as an integer
/// (<c>epsilon: 3</c>) or as a float (<c>epsilon: 3.0</c>) so that serialization reproduces it.
/// </summary>
/// <param name="Value">The numeric value.</param>
/// <param name="IsInteger">True when written (and re-written) without a decimal point.</param>
public readonly record struct ConfigNumber(double Value, bool IsInteger)
{
    /// <summary>A float-valued number (written in Python repr, e.g. <c>3.0</c>).</summary>
    public static implicit operator ConfigNumber(double value) => new(value, false);

    /// <summary>An integer-valued number (written without a decimal point).</summary>
    public static implicit operator ConfigNumber(int value) => new(value, true);

    /// <summary>The numeric value.</summary>
    public static implicit operator double(ConfigNumber number) => number.Value;

    /// <summary>Creates a float-valued number.</summary>
    public static ConfigNumber FromDouble(double value) => new(value, false);

    /// <summary>Creates an integer-valued number.</summary>
    public static ConfigNumber FromInt64(long value) => new(value, true);

    /// <summary>The number as written by the serializer.</summary>
    public override string ToString() =>
        IsInteger ? ((long)Value).ToString(CultureInfo.InvariantCulture) : PythonFloat.Format(Value);

    /// <summary>The numeric value.</summary>
    public double ToDouble() => Value;
}

/// <summary>Python <c>repr(float)</c> as written by PyYAML (<c>3.0</c>, <c>0.5</c>, <c>1.0e-05</c>, <c>.inf</c>).</summary>
public static class PythonFloat
{
    /// <summary>Formats a double the way PyYAML represents a Python float.</summary>
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return ".nan";
        }

        if (double.IsPositiveInfinity(value))
        {
            return ".inf";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "-.inf";
        }

        var r = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = r.StartsWith('-');
        if (negative)
        {
            r = r[1..];
        }

        var exponent = 0;
        var e = r.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..e];
        }

        var dot = r.IndexOf('.', StringComparison.Ordinal);
        var digits = dot >= 0 ? r.Remove(dot, 1) : r;
        var point = (dot >= 0 ? dot : r.Length) + exponent;
        var lead = digits.Length - digits.TrimStart('0').Length;
        digits = digits[lead..];
        point -= lead;
        digits = digits.TrimEnd('0');
        var sign = negative ? "-" : string.Empty;
        if (digits.Length == 0)
        {
            return sign + "0.0";
        }

        var x = point - 1;
        string text;
        if (x is >= -4 and < 16)
        {
            if (point <= 0)
            {
                text = "0." + new string('0', -point) + digits;
            }
            else if (point >= digits.Length)
            {
                text = digits + new string('0', point - digits.Length) + ".0";
            }
            else
            {
                text = digits[..point] + "." + digits[point..];
            }
        }
        else
        {
            var mantissa = digits.Length > 1 ? digits[0] + "." + digits[1..] : digits + ".0";
            text = mantissa + "e" + (x < 0 ? "-" : "+") + Math.Abs(x).ToString("00", CultureInfo.InvariantCulture);
        }

        return sign + text;
    }
}
