using Avatars.Data;

namespace Avatars.Engine.TimeSeries;

/// <summary>
/// Maps grid curves back to a long-format series table with individual time stamps (method.md §5.3, project design).
/// Each avatar's length is rounded to an integer (half away from zero) and raised to at least 2; its time stamps are
/// evenly spaced over [start, start + duration] (a negative duration counts as 0); its values are the grid curve
/// linearly interpolated at the corresponding normalised times.
/// </summary>
public static class SeriesReconstruction
{
    /// <summary>The smallest length an avatar series gets.</summary>
    public const int MinimumLength = 2;

    /// <summary>Builds the long table.</summary>
    /// <param name="ids">One row per avatar: its id (the column keeps its name and type and is repeated per time stamp).</param>
    /// <param name="curves">The avatars' grid curves, one per row of <paramref name="ids"/>.</param>
    /// <param name="lengths">The avatars' series lengths (any real; rounded, at least 2).</param>
    /// <param name="starts">The avatars' first time stamps.</param>
    /// <param name="durations">The avatars' durations (last minus first time stamp).</param>
    /// <param name="timeColumn">The name of the time column of the output (float).</param>
    /// <returns>Columns: the id, the time, then one float column per series variable; rows grouped by avatar, in time order.</returns>
    /// <exception cref="TimeSeriesException">The counts disagree, or a length, start or duration is not finite.</exception>
    public static Table ToLongTable(Column ids, SeriesCurves curves, IReadOnlyList<double> lengths, IReadOnlyList<double> starts, IReadOnlyList<double> durations, string timeColumn)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(curves);
        ArgumentNullException.ThrowIfNull(lengths);
        ArgumentNullException.ThrowIfNull(starts);
        ArgumentNullException.ThrowIfNull(durations);
        ArgumentNullException.ThrowIfNull(timeColumn);
        var n = curves.Count;
        if (ids.Length != n || lengths.Count != n || starts.Count != n || durations.Count != n)
        {
            throw new TimeSeriesException(
                $"{n} curves but {ids.Length} ids, {lengths.Count} lengths, {starts.Count} starts and {durations.Count} durations; they must match.");
        }

        if (curves.VariableNames.Contains(timeColumn) || curves.VariableNames.Contains(ids.Name) || timeColumn == ids.Name)
        {
            throw new TimeSeriesException($"The id '{ids.Name}', time '{timeColumn}' and series variables must have distinct names.");
        }

        var sizes = new int[n];
        var total = 0;
        for (var i = 0; i < n; i++)
        {
            if (!double.IsFinite(lengths[i]) || !double.IsFinite(starts[i]) || !double.IsFinite(durations[i]))
            {
                throw new TimeSeriesException($"Avatar {i} has a non-finite length ({lengths[i]}), start ({starts[i]}) or duration ({durations[i]}).");
            }

            sizes[i] = RoundLength(lengths[i]);
            total = checked(total + sizes[i]);
        }

        var rows = new int[total];
        var times = new double[total];
        var values = curves.VariableNames.Select(_ => new double[total]).ToArray();
        var at = 0;
        for (var i = 0; i < n; i++)
        {
            var size = sizes[i];
            var duration = Math.Max(0, durations[i]);
            for (var j = 0; j < size; j++)
            {
                var u = j / (double)(size - 1);
                rows[at + j] = i;
                times[at + j] = j == size - 1 ? starts[i] + duration : starts[i] + (duration * u);
                for (var v = 0; v < values.Length; v++)
                {
                    values[v][at + j] = Evaluate(curves.Curve(v, i), u);
                }
            }

            at += size;
        }

        var columns = new List<Column>
        {
            new Table([ids]).TakeRows(rows)[0],
            new FloatColumn(timeColumn, times),
        };
        columns.AddRange(curves.VariableNames.Select((name, v) => new FloatColumn(name, values[v])));
        return new Table(columns, "series");
    }

    /// <summary>The number of time stamps a real length gives: rounded half away from zero, at least <see cref="MinimumLength"/>.</summary>
    /// <param name="length">The (avatarized) length.</param>
    public static int RoundLength(double length) =>
        double.IsFinite(length) ? (int)Math.Clamp(Math.Round(length, MidpointRounding.AwayFromZero), MinimumLength, int.MaxValue) : MinimumLength;

    /// <summary>A grid curve linearly interpolated at normalised time u ∈ [0, 1].</summary>
    /// <param name="curve">Values at k / (G − 1), k = 0 … G − 1.</param>
    /// <param name="u">The normalised time (clamped to [0, 1]).</param>
    public static double Evaluate(ReadOnlySpan<double> curve, double u)
    {
        var position = Math.Clamp(u, 0, 1) * (curve.Length - 1);
        var k = (int)Math.Floor(position);
        if (k >= curve.Length - 1)
        {
            return curve[^1];
        }

        var fraction = position - k;
        return fraction == 0 ? curve[k] : curve[k] + ((curve[k + 1] - curve[k]) * fraction);
    }
}
