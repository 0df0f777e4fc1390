using Avatars.Data;
using Avatars.Engine.Metrics.Signal;

namespace Avatars.Engine.Reporting.Plots;

/// <summary>
/// Pearson correlation matrices of numeric columns for the correlation figures, computed exactly as the
/// correlation-difference metric computes them (<see cref="PairwiseCorrelation"/>: pairwise-complete
/// observations), so a figure and the metric never disagree. A constant or empty column gives NaN.
/// </summary>
internal static class Correlations
{
    /// <summary>The p × p correlation matrix (row-major) of the columns.</summary>
    public static double[] Compute(IReadOnlyList<Column> columns, CancellationToken cancellationToken = default)
    {
        var p = columns.Count;
        var result = new double[p * p];
        var values = columns.Select(ContinuousValues.Read).ToArray();
        var pairs = PairwiseCorrelation.Compute(values, cancellationToken);
        var constant = new bool[p];
        for (var a = 0; a < p; a++)
        {
            for (var b = a + 1; b < p; b++)
            {
                var pair = pairs[PairwiseCorrelation.PairIndex(a, b, p)];
                result[(a * p) + b] = result[(b * p) + a] = pair.Rho;
                constant[a] |= pair.FirstConstant;
                constant[b] |= pair.SecondConstant;
            }
        }

        for (var c = 0; c < p; c++)
        {
            result[(c * p) + c] = constant[c] || columns[c].MissingCount >= columns[c].Length - 1 ? double.NaN : 1;
        }

        return result;
    }
}
