using Avatars.Data;
using Avatars.Engine.Avatarization;
using Avatars.Engine.Neighbors;

namespace Avatars.Engine.Metrics.Privacy;

/// <summary>
/// Categorical hidden rate (method.md §6.7; parameter <c>categorical_hidden_rate_variables</c>). The vendor formula
/// is unknown. <b>Project design, not vendor parity:</b> the hidden rate of an attacker who also knows the values of
/// the variables <c>V</c> exactly and therefore only considers the avatars sharing them:
/// <c>hit_i = [argmin_{j : A_j[V] = X_i[V]} ‖F_i − G_j‖ == i]</c> (lowest avatar index wins exact ties, as in
/// <see cref="HiddenRate"/>), a miss when no avatar shares the values; <c>CHR = 100 · (1 − (1/n) Σ_i hit_i)</c>.
/// Values are compared exactly (missing equal to missing). One KD-tree per group of avatars, queried in batch by the originals of that group: O(n log n). Needs pairing.
/// No target in the report.
/// </summary>
public static class CategoricalHiddenRate
{
    /// <summary>Computes the categorical hidden rate.</summary>
    /// <param name="original">The original table (for the values of <paramref name="variables"/>).</param>
    /// <param name="sensitiveUnshuffled">The avatars in original row order.</param>
    /// <param name="variables">The variables the attacker knows (at least one).</param>
    /// <param name="originalCoordinates">Row-major n × d coordinates of the originals.</param>
    /// <param name="avatarCoordinates">Row-major n × d coordinates of the avatars.</param>
    /// <param name="dimensions">d.</param>
    /// <param name="cancellationToken">Cancels the computation.</param>
    /// <exception cref="AvatarizationException">No variable is given, a variable is missing, or the row counts differ.</exception>
    public static HiddenRateResult Compute(
        Table original,
        Table sensitiveUnshuffled,
        IReadOnlyList<string> variables,
        double[] originalCoordinates,
        double[] avatarCoordinates,
        int dimensions,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(sensitiveUnshuffled);
        ArgumentNullException.ThrowIfNull(variables);
        if (variables.Count == 0)
        {
            throw new AvatarizationException(
                $"categorical_hidden_rate_variables is empty for table '{original.Name}': name at least one variable the attacker knows.", original.Name, parameter: "categorical_hidden_rate_variables");
        }

        PrivacyEvaluator.RequirePairing(original, sensitiveUnshuffled);
        PairedCoordinates.Check(originalCoordinates, avatarCoordinates, dimensions);
        var n = originalCoordinates.Length / dimensions;
        if (n != original.RowCount)
        {
            throw new ArgumentException($"The coordinates hold {n} rows but table '{original.Name}' has {original.RowCount}.", nameof(originalCoordinates));
        }

        var keys = CellKeys.Build(original, sensitiveUnshuffled, variables);
        var groups = new Dictionary<int, List<int>>(keys.RowComparer);
        for (var j = 0; j < n; j++)
        {
            if (!groups.TryGetValue(j, out var members))
            {
                groups[j] = members = [];
            }

            members.Add(j);
        }

        // The originals of each group query the group's avatars in one batch (KD-tree, grouped by leaf).
        var queriesOf = new Dictionary<int, List<int>>(keys.RowComparer);
        for (var i = 0; i < n; i++)
        {
            if (groups.ContainsKey(~i))
            {
                if (!queriesOf.TryGetValue(~i, out var list))
                {
                    queriesOf[~i] = list = [];
                }

                list.Add(i);
            }
        }

        var hits = new bool[n];
        foreach (var (representative, members) in groups)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!queriesOf.TryGetValue(representative, out var originals))
            {
                continue;
            }

            var rows = members.ToArray();
            if ((long)rows.Length * originals.Count <= SmallGroupPairs)
            {
                foreach (var i in originals)
                {
                    hits[i] = NearestByScan(originalCoordinates.AsSpan(i * dimensions, dimensions), avatarCoordinates, rows, dimensions) == i;
                }

                continue;
            }

            var points = Gather(avatarCoordinates, rows, dimensions);
            var tree = new KdTree(points, rows.Length, dimensions, KdTree.DefaultBucketSize, maxDegreeOfParallelism: -1);
            var queries = Gather(originalCoordinates, originals, dimensions);
            var nearest = NeighborSearch.NearestIn(tree, queries, cancellationToken: cancellationToken);
            for (var q = 0; q < originals.Count; q++)
            {
                // Rows are ascending, so the group tree's lowest-index tie rule is the global one.
                hits[originals[q]] = rows[nearest.Indices[q]] == originals[q];
            }
        }

        var hitCount = hits.Count(h => h);
        return new HiddenRateResult(n == 0 ? double.NaN : 100.0 * (1 - ((double)hitCount / n)), hitCount, hits);
    }

    /// <summary>Groups with at most this many (original, avatar) pairs are scanned directly rather than through a tree.</summary>
    private const long SmallGroupPairs = 4_096;

    /// <summary>The nearest of <paramref name="rows"/> (ascending) to a point; strict improvement only, so the lowest index wins ties.</summary>
    private static int NearestByScan(ReadOnlySpan<double> point, double[] coordinates, int[] rows, int dimensions)
    {
        var best = -1;
        var bestSquared = double.PositiveInfinity;
        foreach (var row in rows)
        {
            var squared = EuclideanDistance.Squared(point, coordinates.AsSpan(row * dimensions, dimensions));
            if (squared < bestSquared)
            {
                bestSquared = squared;
                best = row;
            }
        }

        return best;
    }

    private static double[] Gather(double[] coordinates, IReadOnlyList<int> rows, int dimensions)
    {
        var points = new double[rows.Count * dimensions];
        for (var r = 0; r < rows.Count; r++)
        {
            coordinates.AsSpan(rows[r] * dimensions, dimensions).CopyTo(points.AsSpan(r * dimensions));
        }

        return points;
    }
}
