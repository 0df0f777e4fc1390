using System.Globalization;

namespace Avatars.Data;

/// <summary>
/// The order of a categorical column's levels: numeric when every level is a number (so "10" comes
/// after "9"), else ordinal string order. This is the order of the one-hot dummies in the projection
/// and the tie-break order of the weighted mode.
/// </summary>
public sealed class CategoryOrder : IComparer<string>
{
    private readonly bool numeric;

    private CategoryOrder(bool numeric) => this.numeric = numeric;

    /// <summary>The comparer that fits a set of levels.</summary>
    public static CategoryOrder For(IEnumerable<string> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var allNumeric = true;
        var any = false;
        foreach (var level in levels)
        {
            any = true;
            if (!TryNumber(level, out _))
            {
                allNumeric = false;
                break;
            }
        }

        return new CategoryOrder(any && allNumeric);
    }

    /// <summary>Returns the levels sorted in category order.</summary>
    public static string[] Sort(IEnumerable<string> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var array = levels.ToArray();
        if (array.Length < 2)
        {
            return array;
        }

        // Parse every level once (not at every comparison): large numeric-looking level sets stay O(n log n).
        var keys = new double[array.Length];
        for (var i = 0; i < array.Length; i++)
        {
            if (!TryNumber(array[i], out keys[i]))
            {
                Array.Sort(array, StringComparer.Ordinal);
                return array;
            }
        }

        var order = new int[array.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            var byValue = keys[a].CompareTo(keys[b]);
            return byValue != 0 ? byValue : string.CompareOrdinal(array[a], array[b]);
        });

        var sorted = new string[array.Length];
        for (var i = 0; i < order.Length; i++)
        {
            sorted[i] = array[order[i]];
        }

        return sorted;
    }

    /// <inheritdoc />
    public int Compare(string? x, string? y)
    {
        if (numeric && TryNumber(x, out var a) && TryNumber(y, out var b))
        {
            var byValue = a.CompareTo(b);
            if (byValue != 0)
            {
                return byValue;
            }
        }

        return string.CompareOrdinal(x, y);
    }

    private static bool TryNumber(string? text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
