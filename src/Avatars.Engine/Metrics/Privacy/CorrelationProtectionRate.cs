using Avatars.Data;
using Avatars.Engine.Avatarization;

namespace Avatars.Engine.Metrics.Privacy;

/// <summary>
/// Correlation protection rate (method.md §6.8, VERIFIED-CODE paper era, commit <c>614cb6d</c>): protection against
/// an attacker who knows the values of some variables <c>V</c> (<c>known_variables</c>) of an individual.
/// <list type="number">
/// <item><c>U</c> = originals whose combination of <c>V</c> values is unique in the original table;</item>
/// <item>for each <c>u ∈ U</c>, the avatars matching it on <c>V</c>: categorical by equality, numeric when
/// <c>|a − u| &lt; boundaries · |mean_X(col)|</c> (strict);</item>
/// <item><c>n2</c> = the number of <c>u</c> with exactly one matching avatar;</item>
/// <item><c>CPR = 100 · (1 − round(n2 · (1 − HR/100)) / n)</c>, round half to even, HR = hidden rate in percent.</item>
/// </list>
/// The paper's code multiplies by the signed mean; the absolute value is used here so that a column with a negative
/// mean does not silently match nothing (identical for the non-negative data the paper used). Missing values equal
/// missing values on categorical variables and match nothing on numeric ones. Candidates are grouped by their
/// categorical values and sorted on the first numeric variable, so each unique original costs a binary search plus a
/// scan of the window (stopped at 2 matches). Needs pairing (for HR). No target in the report.
/// </summary>
public static class CorrelationProtectionRate
{
    /// <summary>The paper's relative half-width of the numeric matching window.</summary>
    public const double DefaultBoundaries = 0.05;

    /// <summary>Computes the correlation protection rate.</summary>
    /// <param name="original">The original table.</param>
    /// <param name="avatars">The avatars.</param>
    /// <param name="knownVariables">The variables the attacker knows (at least one).</param>
    /// <param name="hiddenRate">The hidden rate in percent (from <see cref="HiddenRate"/>).</param>
    /// <param name="boundaries">Relative half-width of the numeric window (default 0.05).</param>
    /// <exception cref="AvatarizationException">No variable is given or a variable is missing.</exception>
    public static CorrelationProtectionResult Compute(Table original, Table avatars, IReadOnlyList<string> knownVariables, double hiddenRate, double boundaries = DefaultBoundaries)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(avatars);
        ArgumentNullException.ThrowIfNull(knownVariables);
        if (knownVariables.Count == 0)
        {
            throw new AvatarizationException(
                $"known_variables is empty for table '{original.Name}': the correlation protection rate needs at least one variable the attacker knows.", original.Name, parameter: "known_variables");
        }

        if (double.IsNaN(hiddenRate) || hiddenRate < 0 || hiddenRate > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(hiddenRate), hiddenRate, $"The hidden rate must be a percentage in [0, 100] (got {hiddenRate}).");
        }

        var keys = CellKeys.Build(original, avatars, knownVariables);
        var n = original.RowCount;
        var comparer = keys.RowComparer;

        // 1. Originals whose combination of known values is unique.
        var counts = new Dictionary<int, int>(comparer);
        for (var i = 0; i < n; i++)
        {
            counts[~i] = counts.GetValueOrDefault(~i) + 1;
        }

        // 2. Candidate avatars grouped by their categorical known values, sorted on the first numeric one.
        var categorical = Enumerable.Range(0, keys.Columns.Count).Where(c => !keys.IsNumeric[c]).Select(c => keys.Columns[c]).ToArray();
        var numeric = Enumerable.Range(0, keys.Columns.Count).Where(c => keys.IsNumeric[c]).ToArray();
        var groupKeys = CellKeys.Build(original, avatars, categorical);
        var windows = numeric.Select(c => boundaries * Math.Abs(Mean(keys.Originals[c]))).ToArray();
        var groups = new Dictionary<int, List<int>>(groupKeys.RowComparer);
        for (var j = 0; j < avatars.RowCount; j++)
        {
            if (numeric.Length > 0 && double.IsNaN(Value(keys.Avatars[numeric[0]][j])))
            {
                continue;
            }

            if (!groups.TryGetValue(j, out var members))
            {
                groups[j] = members = [];
            }

            members.Add(j);
        }

        var sortedGroups = new Dictionary<int, (double[] First, int[] Rows)>(groupKeys.RowComparer);
        foreach (var (representative, members) in groups)
        {
            var rows = members.ToArray();
            var first = numeric.Length == 0 ? [] : rows.Select(r => Value(keys.Avatars[numeric[0]][r])).ToArray();
            if (numeric.Length > 0)
            {
                Array.Sort(first, rows);
            }

            sortedGroups[representative] = (first, rows);
        }

        var unique = 0;
        var singleMatch = 0;
        for (var i = 0; i < n; i++)
        {
            if (counts[~i] != 1)
            {
                continue;
            }

            unique++;
            if (sortedGroups.TryGetValue(~i, out var group) && CountMatches(keys, numeric, windows, group, i) == 1)
            {
                singleMatch++;
            }
        }

        var exposed = Math.Round(singleMatch * (1 - (hiddenRate / 100)), MidpointRounding.ToEven);
        var value = n == 0 ? double.NaN : 100 * (1 - (exposed / n));
        return new CorrelationProtectionResult(value, unique, singleMatch);
    }

    /// <summary>Matching avatars of original <paramref name="i"/> in its categorical group, counted up to 2.</summary>
    private static int CountMatches(CellKeys keys, int[] numeric, double[] windows, (double[] First, int[] Rows) group, int i)
    {
        if (numeric.Length == 0)
        {
            return Math.Min(group.Rows.Length, 2);
        }

        var u = Value(keys.Originals[numeric[0]][i]);
        if (double.IsNaN(u))
        {
            return 0;
        }

        var start = LowerBound(group.First, u - windows[0]);
        var found = 0;
        for (var p = start; p < group.First.Length && group.First[p] < u + windows[0] && found < 2; p++)
        {
            if (Math.Abs(group.First[p] - u) >= windows[0])
            {
                continue;
            }

            var row = group.Rows[p];
            var all = true;
            for (var c = 1; c < numeric.Length && all; c++)
            {
                var a = Value(keys.Avatars[numeric[c]][row]);
                var x = Value(keys.Originals[numeric[c]][i]);
                all = Math.Abs(a - x) < windows[c];
            }

            if (all)
            {
                found++;
            }
        }

        return found;
    }

    private static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value)
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

    private static double Value(long key) => key == long.MinValue ? double.NaN : BitConverter.Int64BitsToDouble(key);

    private static double Mean(long[] keys)
    {
        double sum = 0;
        var count = 0;
        foreach (var key in keys)
        {
            var v = Value(key);
            if (!double.IsNaN(v))
            {
                sum += v;
                count++;
            }
        }

        return count == 0 ? double.NaN : sum / count;
    }
}

/// <summary>The correlation protection rate and its detail.</summary>
/// <param name="Value">The rate in percent.</param>
/// <param name="UniqueCount">Originals whose combination of known values is unique (|U|).</param>
/// <param name="SingleMatchCount">Of those, the ones matched by exactly one avatar (n2).</param>
public sealed record CorrelationProtectionResult(double Value, int UniqueCount, int SingleMatchCount);
