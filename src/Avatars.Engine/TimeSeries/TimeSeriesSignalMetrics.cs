using System.Collections.ObjectModel;
using Avatars.Data;
using Avatars.Engine.Metrics.Signal;
using MathStatistics = MathNet.Numerics.Statistics.Statistics;

namespace Avatars.Engine.TimeSeries;

/// <summary>
/// Signal metrics of time series (method.md §5.3, <c>TimeSeriesSignalMetricsPerDataset</c>; the definitions are
/// project design). Both sets of curves are on the same grid. Pointwise: at each grid point, the
/// <see cref="HellingerDistance"/> between the original individuals' values and the avatars' values (equal-width
/// bins over the union range); <c>pointwise_hellinger_mean/std</c> summarise all (variable, grid point) pairs.
/// Density: per variable, the Hellinger distance between all the original grid values pooled and all the avatar
/// grid values pooled; <c>density_hellinger_mean/std</c> summarise the variables. Standard deviations are sample
/// ones (n − 1), NaN with a single term.
/// </summary>
public static class TimeSeriesSignalMetrics
{
    /// <summary>The acceptance target of the project for <see cref="TimeSeriesSignalResult.PointwiseHellingerMean"/>.</summary>
    public const double PointwiseTarget = 0.2;

    /// <summary>Computes the metrics.</summary>
    /// <param name="original">The original aligned curves.</param>
    /// <param name="avatars">The avatar curves (any count) on the same grid size and variables.</param>
    /// <param name="bins">Equal-width bins of the histograms.</param>
    /// <exception cref="TimeSeriesException">The grids or variables differ, or a side has no curves.</exception>
    public static TimeSeriesSignalResult Compute(SeriesCurves original, SeriesCurves avatars, int bins = HellingerDistance.DefaultBins)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(avatars);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        if (original.GridSize != avatars.GridSize || !original.VariableNames.SequenceEqual(avatars.VariableNames))
        {
            throw new TimeSeriesException(
                $"The original curves have grid size {original.GridSize} and variables [{string.Join(", ", original.VariableNames)}]; the avatars have {avatars.GridSize} and [{string.Join(", ", avatars.VariableNames)}].");
        }

        if (original.Count == 0 || avatars.Count == 0)
        {
            throw new TimeSeriesException($"Both sides need curves (original {original.Count}, avatars {avatars.Count}).");
        }

        var variables = new List<SeriesVariableSignal>();
        var allPointwise = new List<double>();
        for (var v = 0; v < original.VariableNames.Count; v++)
        {
            var name = original.VariableNames[v];
            var pointwise = new double[original.GridSize];
            for (var k = 0; k < pointwise.Length; k++)
            {
                pointwise[k] = HellingerDistance.Continuous(name, ColumnType.Float, Column(original, v, k), Column(avatars, v, k), bins).Distance;
            }

            var density = HellingerDistance.Continuous(name, ColumnType.Float, original.Values(v).ToArray(), avatars.Values(v).ToArray(), bins).Distance;
            var (mean, std) = MeanStd(pointwise);
            variables.Add(new SeriesVariableSignal(name, Array.AsReadOnly(pointwise), mean, std, density));
            allPointwise.AddRange(pointwise);
        }

        var (pointwiseMean, pointwiseStd) = MeanStd(allPointwise);
        var (densityMean, densityStd) = MeanStd(variables.Select(s => s.DensityHellinger).ToArray());
        return new TimeSeriesSignalResult(variables.AsReadOnly(), pointwiseMean, pointwiseStd, densityMean, densityStd);
    }

    private static double[] Column(SeriesCurves curves, int variable, int point)
    {
        var values = curves.Values(variable);
        var column = new double[curves.Count];
        for (var i = 0; i < column.Length; i++)
        {
            column[i] = values[(i * curves.GridSize) + point];
        }

        return column;
    }

    /// <summary>Mean and sample standard deviation (NaN with fewer than two values).</summary>
    private static (double Mean, double Std) MeanStd(IReadOnlyList<double> values) => MathStatistics.MeanStandardDeviation(values);
}

/// <summary>The time-series signal metrics of one series variable.</summary>
/// <param name="Name">The series variable.</param>
/// <param name="Pointwise">The Hellinger distance at each grid point.</param>
/// <param name="PointwiseMean">The mean of <paramref name="Pointwise"/>.</param>
/// <param name="PointwiseStd">The sample standard deviation of <paramref name="Pointwise"/>.</param>
/// <param name="DensityHellinger">The Hellinger distance between all the grid values pooled.</param>
public sealed record SeriesVariableSignal(string Name, ReadOnlyCollection<double> Pointwise, double PointwiseMean, double PointwiseStd, double DensityHellinger);

/// <summary>The time-series signal metrics of a table (<c>TimeSeriesSignalMetricsPerDataset</c>).</summary>
/// <param name="Variables">Per series variable.</param>
/// <param name="PointwiseHellingerMean"><c>pointwise_hellinger_mean</c>: over every (variable, grid point).</param>
/// <param name="PointwiseHellingerStd"><c>pointwise_hellinger_std</c>: sample standard deviation over the same terms.</param>
/// <param name="DensityHellingerMean"><c>density_hellinger_mean</c>: over the variables.</param>
/// <param name="DensityHellingerStd"><c>density_hellinger_std</c>: over the variables (NaN with one variable).</param>
public sealed record TimeSeriesSignalResult(
    ReadOnlyCollection<SeriesVariableSignal> Variables,
    double PointwiseHellingerMean,
    double PointwiseHellingerStd,
    double DensityHellingerMean,
    double DensityHellingerStd);
