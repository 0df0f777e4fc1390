using System.Globalization;

namespace Avatars.Client.Lib;

/// <summary>
/// Rounds a list of numbers while keeping their rounded sum (the vendor's <c>saferound</c>, itself from
/// the iteround package): each value is rounded, then the smallest possible increments are applied to
/// chosen values until the sum of the rounded values equals the rounded sum of the originals (or a
/// given topline).
/// </summary>
public static class SafeRound
{
    // The adjustment loop converges in a few passes; the bound only turns a pathological input into an error.
    private const int MaxPasses = 100_000;

    /// <summary>Rounds the values to <paramref name="places"/> decimals keeping their rounded sum.</summary>
    /// <param name="values">The values; not modified.</param>
    /// <param name="places">Decimal places; negative rounds to tens, hundreds… (−1, −2…).</param>
    /// <param name="strategy">Which values absorb the adjustments.</param>
    /// <param name="topline">The sum to keep instead of the values' own sum (rounded to <paramref name="places"/> first).</param>
    /// <returns>The rounded values, in the input order.</returns>
    /// <exception cref="ArgumentException"><paramref name="strategy"/> is not a defined value.</exception>
    public static IReadOnlyList<double> Round(IReadOnlyList<double> values, int places, RoundingStrategy strategy = RoundingStrategy.Difference, double? topline = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!Enum.IsDefined(strategy))
        {
            throw new ArgumentException($"Expected a valid RoundingStrategy, got {((int)strategy).ToString(CultureInfo.InvariantCulture)} instead.", nameof(strategy));
        }

        var n = values.Count;
        var original = values.ToArray();
        var rounded = new double[n];
        for (var i = 0; i < n; i++)
        {
            rounded[i] = RoundHalfEven(original[i], places);
        }

        var target = topline is { } t ? RoundHalfEven(t, places) : RoundedSum(original, places);
        var increment = 1 / Math.Pow(10, places);
        var localSum = RoundedSum(rounded, places);
        var passes = 0;
        while (n > 0 && localSum != target)
        {
            if (++passes > MaxPasses)
            {
                throw new InvalidOperationException("SafeRound did not converge.");
            }

            var diff = RoundHalfEven(target - localSum, places);
            var adding = diff >= 0;

            // DIFFERENCE: the values rounded down most get the increments, those rounded up most the decrements.
            // LARGEST/SMALLEST: by value, whatever the direction.
            var descending = strategy switch
            {
                RoundingStrategy.Difference => adding,
                RoundingStrategy.Largest => true,
                _ => false,
            };
            Func<int, double> key = strategy == RoundingStrategy.Difference ? i => original[i] - rounded[i] : i => rounded[i];
            var order = Enumerable.Range(0, n);
            var sorted = (descending ? order.OrderByDescending(key) : order.OrderBy(key)).ToArray(); // stable, like Python's sorted
            var tweaks = (int)(Math.Abs(diff) / increment);
            for (var k = 0; k < Math.Min(tweaks, n); k++)
            {
                var i = sorted[k];
                rounded[i] = RoundHalfEven(rounded[i] + (adding ? increment : -increment), places);
            }

            localSum = RoundedSum(rounded, places);
        }

        return rounded;
    }

    /// <summary>Rounds the values of a dictionary to <paramref name="places"/> decimals keeping their rounded sum.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <param name="values">The values; not modified.</param>
    /// <param name="places">Decimal places; negative rounds to tens, hundreds…</param>
    /// <param name="strategy">Which values absorb the adjustments.</param>
    /// <param name="topline">The sum to keep instead of the values' own sum.</param>
    /// <returns>A dictionary with the same keys, in the same enumeration order, and the rounded values.</returns>
    public static IReadOnlyDictionary<TKey, double> Round<TKey>(IReadOnlyDictionary<TKey, double> values, int places, RoundingStrategy strategy = RoundingStrategy.Difference, double? topline = null)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(values);
        var pairs = values.ToArray();
        var rounded = Round(pairs.Select(p => p.Value).ToArray(), places, strategy, topline);
        var result = new Dictionary<TKey, double>(pairs.Length);
        for (var i = 0; i < pairs.Length; i++)
        {
            result.Add(pairs[i].Key, rounded[i]);
        }

        return result;
    }

    /// <summary>
    /// Python's <c>round(x, places)</c>: half to even, negative places allowed (−1 rounds to tens).
    /// </summary>
    public static double RoundHalfEven(double value, int places)
    {
        if (!double.IsFinite(value))
        {
            return value;
        }

        if (places >= 0)
        {
            return places > 15 ? value : Math.Round(value, places, MidpointRounding.ToEven);
        }

        var scale = Math.Pow(10, -places);
        return Math.Round(value / scale, MidpointRounding.ToEven) * scale;
    }

    private static double RoundedSum(double[] values, int places)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v; // left-to-right, as Python's sum
        }

        return RoundHalfEven(sum, places);
    }
}
