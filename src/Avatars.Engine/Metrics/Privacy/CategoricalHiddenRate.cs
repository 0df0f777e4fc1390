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
/// Values are compared exactly (missing equal to missing). One KD-tree per group of avatars: O(n log n). Needs pairing.
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

        var trees = new Dictionary<int, (KdTree Tree, int[] Rows)>(keys.RowComparer);
        foreach (var (representative, members) in groups)
        {
            var rows = members.ToArray();
            var points = new double[rows.Length * dimensions];
            for (var r = 0; r < rows.Length; r++)
            {
                avatarCoordinates.AsSpan(rows[r] * dimensions, dimensions).CopyTo(points.AsSpan(r * dimensions));
            }

            trees[representative] = (new KdTree(points, rows.Length, dimensions), rows);
        }

        var hits = new bool[n];
        Parallel.For(0, n, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            if (trees.TryGetValue(~i, out var group))
            {
                // Rows are ascending, so the group tree's lowest-index tie rule is the global one.
                var local = group.Tree.Nearest(originalCoordinates.AsSpan(i * dimensions, dimensions), out _);
                hits[i] = group.Rows[local] == i;
            }
        });

        var hitCount = hits.Count(h => h);
        return new HiddenRateResult(n == 0 ? double.NaN : 100.0 * (1 - ((double)hitCount / n)), hitCount, hits);
    }
}
