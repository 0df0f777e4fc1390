using System.Collections.ObjectModel;
using System.Globalization;
using Avatars.Engine.Randomness;

namespace Avatars.Engine.Privacy;

/// <summary>
/// Differentially private estimation of the clipping bounds of a numeric column (project design, not vendor parity;
/// docs/differential-privacy.md §2). Each bound is one private quantile chosen with the exponential mechanism over
/// the data-independent <see cref="CandidateGrid"/> c₀ &lt; … &lt; c_G. Lower bound c_j: utility −dist(q_low·n,
/// [#{x &lt; c_j}, #{x &lt; c_j+1}]), i.e. 0 for the grid point just below the quantile; upper bound c_j: utility
/// −dist((1 − q_up)·n, [#{x &gt; c_j}, #{x &gt; c_j−1}]). Each count moves by at most 1 when one row is replaced, so the
/// utility has sensitivity 1, each selection with budget ε/2 is ε/2-DP and the pair is ε-DP (sequential
/// composition); ordering the pair is post-processing. The candidate is drawn by the Gumbel-max trick from the
/// project's seeded stream.
/// </summary>
public static class PrivateBounds
{
    /// <summary>
    /// The default lower quantile, the 5th percentile: at most about 5 % of the values are clipped from below (less after
    /// the outward rounding to the grid). Chosen over the 1st/2nd because the budget needed for a reliable selection
    /// grows as 1/q (docs/differential-privacy.md §2, stage 0).
    /// </summary>
    public const double DefaultLowerQuantile = 0.05;

    /// <summary>The default upper quantile, the 95th percentile (see <see cref="DefaultLowerQuantile"/>).</summary>
    public const double DefaultUpperQuantile = 0.95;

    /// <summary>
    /// The measured n·ε (rows × budget of the column) from which the default quantiles land on the grid points around
    /// the true ones in about 95 % of runs (docs/differential-privacy.md §5); below it the bounds are often far too wide.
    /// </summary>
    public const double ReliableRowsTimesEpsilon = 1000;

    private const ulong BoundsStream = 0xD6;

    /// <summary>The ISO 3 R10 preferred numbers: ten roughly geometric steps (ratio ≈ 1.26) per decade.</summary>
    private static readonly string[] Mantissas = ["1", "1.25", "1.6", "2", "2.5", "3.15", "4", "5", "6.3", "8"];

    private static readonly double[] Grid = BuildGrid();

    /// <summary>
    /// The candidate bounds, in increasing order: 0 and ± the R10 preferred numbers (1, 1.25, 1.6, 2, 2.5, 3.15, 4,
    /// 5, 6.3, 8 per decade) from 10⁻³ to 10⁹ — 243 values. A constant: it never depends on any data.
    /// </summary>
    public static IReadOnlyList<double> CandidateGrid { get; } = new ReadOnlyCollection<double>(Grid);

    /// <summary>
    /// Estimates [lower, upper] bounds of a numeric column with ε-differential privacy (replace-one-row, public n):
    /// two exponential-mechanism quantiles over <see cref="CandidateGrid"/>, each with budget ε/2. The result always
    /// has lower &lt; upper, both on the grid (crossed selections are swapped; equal ones widened to the next grid point).
    /// </summary>
    /// <param name="values">The column's values, missing values removed (no NaN).</param>
    /// <param name="epsilon">The budget spent on this column, finite and greater than 0.</param>
    /// <param name="lowerQuantile">The quantile targeted by the lower bound, e.g. <see cref="DefaultLowerQuantile"/>.</param>
    /// <param name="upperQuantile">The quantile targeted by the upper bound, greater than <paramref name="lowerQuantile"/>, e.g. <see cref="DefaultUpperQuantile"/>.</param>
    /// <param name="seed">The seed of the selection noise (the project's seeded stream; keep it secret in a deployment).</param>
    /// <returns>The private bounds.</returns>
    /// <exception cref="ArgumentException">A value is NaN, or ε or the quantiles are out of range.</exception>
    public static ColumnBounds Estimate(ReadOnlySpan<double> values, double epsilon, double lowerQuantile, double upperQuantile, ulong seed)
    {
        var random = new RowRandom(seed, BoundsStream, 0);
        return Estimate(values, epsilon, lowerQuantile, upperQuantile, ref random);
    }

    /// <summary>The same estimate drawing from a given stream (one stream per column in the table-level entry).</summary>
    internal static ColumnBounds Estimate(ReadOnlySpan<double> values, double epsilon, double lowerQuantile, double upperQuantile, ref RowRandom random)
    {
        if (!double.IsFinite(epsilon) || epsilon <= 0)
        {
            throw new ArgumentException($"epsilon = {epsilon} must be a finite number greater than 0.", nameof(epsilon));
        }

        if (!(lowerQuantile >= 0 && lowerQuantile < upperQuantile && upperQuantile <= 1))
        {
            throw new ArgumentException(
                $"The quantiles must satisfy 0 ≤ lower < upper ≤ 1 (got {lowerQuantile} and {upperQuantile}).", nameof(lowerQuantile));
        }

        var sorted = values.ToArray();
        foreach (var v in sorted)
        {
            if (double.IsNaN(v))
            {
                throw new ArgumentException("The values must not contain missing values (NaN); remove them first.", nameof(values));
            }
        }

        Array.Sort(sorted);
        var (lowerUtility, upperUtility) = Utilities(sorted, lowerQuantile, upperQuantile);

        // Each selection gets ε/2; with sensitivity 1 the exponential mechanism weighs a candidate by exp((ε/2)·u/2).
        var scale = epsilon / 4;
        var lower = Select(lowerUtility, scale, ref random);
        var upper = Select(upperUtility, scale, ref random);

        if (lower > upper)
        {
            (lower, upper) = (upper, lower);
        }

        if (lower == upper)
        {
            if (upper < Grid.Length - 1)
            {
                upper++;
            }
            else
            {
                lower--;
            }
        }

        return new ColumnBounds(Grid[lower], Grid[upper]);
    }

    /// <summary>
    /// The utilities of every grid point as lower and as upper bound, from the sorted values. Lower bound c_j: the data
    /// ranks between c_j and the next grid point are [#{x &lt; c_j}, #{x &lt; c_j+1}], the utility is minus the distance
    /// from the target rank q_low·n to that interval (0 for the grid point just below the quantile). Upper bound c_j:
    /// the same with the ranks counted from the top, [#{x &gt; c_j}, #{x &gt; c_j−1}], and the target (1 − q_up)·n.
    /// Each interval end moves by at most 1 when one row is replaced (n fixed), so each utility has sensitivity 1.
    /// </summary>
    internal static (double[] Lower, double[] Upper) Utilities(double[] sorted, double lowerQuantile, double upperQuantile)
    {
        var n = sorted.Length;
        var below = new int[Grid.Length];
        var above = new int[Grid.Length];
        for (var j = 0; j < Grid.Length; j++)
        {
            below[j] = CountBelow(sorted, Grid[j]);
            above[j] = n - CountAtMost(sorted, Grid[j]);
        }

        var lower = new double[Grid.Length];
        var upper = new double[Grid.Length];
        var lowerTarget = lowerQuantile * n;
        var upperTarget = (1 - upperQuantile) * n;
        for (var j = 0; j < Grid.Length; j++)
        {
            lower[j] = -Distance(lowerTarget, below[j], j + 1 < Grid.Length ? below[j + 1] : n);
            upper[j] = -Distance(upperTarget, above[j], j > 0 ? above[j - 1] : n);
        }

        return (lower, upper);
    }

    /// <summary>The distance from <paramref name="target"/> to the interval [<paramref name="from"/>, <paramref name="to"/>].</summary>
    private static double Distance(double target, int from, int to) =>
        target < from ? from - target : target > to ? target - to : 0;

    /// <summary>Gumbel-max sampling of an index with probability ∝ exp(scale · utility[j]).</summary>
    internal static int Select(ReadOnlySpan<double> utility, double scale, ref RowRandom random)
    {
        var best = 0;
        var bestScore = double.NegativeInfinity;
        for (var j = 0; j < utility.Length; j++)
        {
            // Gumbel(0, 1) = −ln(Exponential(1)).
            var score = (scale * utility[j]) - Math.Log(random.NextExponential());
            if (score > bestScore)
            {
                bestScore = score;
                best = j;
            }
        }

        return best;
    }

    /// <summary>#{x &lt; c} in a sorted array.</summary>
    private static int CountBelow(double[] sorted, double c)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < c)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>#{x ≤ c} in a sorted array.</summary>
    private static int CountAtMost(double[] sorted, double c)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= c)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static double[] BuildGrid()
    {
        var positive = new List<double>();
        for (var exponent = -3; exponent <= 8; exponent++)
        {
            foreach (var mantissa in Mantissas)
            {
                positive.Add(double.Parse($"{mantissa}E{exponent}", CultureInfo.InvariantCulture));
            }
        }

        positive.Add(1e9);
        return [.. positive.Select(p => -p).Reverse(), 0.0, .. positive];
    }
}
