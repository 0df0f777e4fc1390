using System.Globalization;
using Avatars.Engine.Projection;

namespace Avatars.Engine.Reporting.Plots;

/// <summary>The sampled points of both sets and the sampling note shared by the projection plots.</summary>
internal sealed class ProjectionSample
{
    private ProjectionSample(int[] originalRows, int[] avatarRows, Coordinates original, Coordinates avatars, int dims)
    {
        OriginalRows = originalRows;
        AvatarRows = avatarRows;
        Original = original;
        Avatars = avatars;
        Dims = dims;
    }

    public int[] OriginalRows { get; }

    public int[] AvatarRows { get; }

    public Coordinates Original { get; }

    public Coordinates Avatars { get; }

    /// <summary>The number of dimensions available in both coordinate sets (capped by the caller).</summary>
    public int Dims { get; }

    public static ProjectionSample Create(ReportProjection projection, PlotOptions options, int wantedDims)
    {
        ArgumentNullException.ThrowIfNull(projection);
        var dims = Math.Min(wantedDims, Math.Min(projection.Original.Columns, projection.Avatars.Columns));
        return new ProjectionSample(
            PointSampler.Sample(projection.Original.Rows, options.MaxPoints, options.Seed),
            PointSampler.Sample(projection.Avatars.Rows, options.MaxPoints, options.Seed + 1),
            projection.Original,
            projection.Avatars,
            dims);
    }

    /// <summary>Coordinate <paramref name="dim"/> of a row, 0 beyond the available dimensions.</summary>
    public static double Value(Coordinates coordinates, int row, int dim) =>
        dim < coordinates.Columns && double.IsFinite(coordinates[row, dim]) ? coordinates[row, dim] : 0;

    /// <summary>The [min, max] of dimension <paramref name="dim"/> over the sampled points of both sets, padded by 4 %.</summary>
    public (double Min, double Max) Range(int dim)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var r in OriginalRows)
        {
            var v = Value(Original, r, dim);
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        foreach (var r in AvatarRows)
        {
            var v = Value(Avatars, r, dim);
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        if (!double.IsFinite(min))
        {
            return (-1, 1);
        }

        if (max - min < 1e-12)
        {
            return (min - 1, max + 1);
        }

        var pad = (max - min) * 0.04;
        return (min - pad, max + pad);
    }

    /// <summary>"Showing N of M points" note.</summary>
    public string Note(PlotOptions options)
    {
        var n = Original.Rows;
        var m = Avatars.Rows;
        if (OriginalRows.Length == n && AvatarRows.Length == m)
        {
            return $"All {Markup.Count(n)} originals and {Markup.Count(m)} avatars are shown.";
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"Showing {Markup.Count(OriginalRows.Length)} of {Markup.Count(n)} original points and {Markup.Count(AvatarRows.Length)} of {Markup.Count(m)} avatar points (uniform random sample, at most {Markup.Count(options.MaxPoints)} per set, seed {options.Seed}).");
    }
}
