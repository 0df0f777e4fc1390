namespace Avatars.Engine.Preprocessing;

/// <summary>
/// The number of decimals present in a numeric column, so avatar values (weighted means) can be
/// rounded back to the precision of the original data (method.md §4.7).
/// </summary>
internal static class NumericPrecision
{
    /// <summary>Decimals beyond this are treated as "full precision" (no rounding).</summary>
    public const int FullPrecision = 15;

    /// <summary>The largest number of decimals any finite value of the column needs (0–15; 15 means do not round).</summary>
    public static int DecimalsOf(ReadOnlySpan<double> values)
    {
        var decimals = 0;
        foreach (var value in values)
        {
            if (!double.IsFinite(value))
            {
                continue;
            }

            while (decimals < FullPrecision && Math.Round(value, decimals, MidpointRounding.ToEven) != value)
            {
                decimals++;
            }

            if (decimals == FullPrecision)
            {
                break;
            }
        }

        return decimals;
    }

    /// <summary>Rounds half-to-even to <paramref name="decimals"/> (no-op at full precision).</summary>
    public static double Round(double value, int decimals) =>
        decimals >= FullPrecision || !double.IsFinite(value) ? value : Math.Round(value, decimals, MidpointRounding.ToEven);
}
