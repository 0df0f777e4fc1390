using Avatars.Data;
using Avatars.Engine.Metrics.Signal;

namespace Avatars.Engine.TimeSeries;

/// <summary>
/// Resamples each individual's series on a common grid over normalised time (method.md §5.3, project design).
/// The long table has one row per (individual, time stamp); rows are grouped by the id column, ordered by time
/// (stable, so duplicate time stamps keep their table order), and each value column is linearly interpolated at
/// the grid times <c>g_k = k / (G − 1)</c> of the normalised time <c>u = (t − t_first) / (t_last − t_first)</c>.
/// </summary>
/// <remarks>
/// Handling of edge cases: a missing or non-finite time stamp, or a missing value in a value column, is an error
/// (impute first); a series with a single time stamp becomes a constant curve with length 1 and duration 0; at
/// a duplicated time stamp the first row (in table order) is used. Int, float and datetime columns are accepted for
/// time and values (datetimes as seconds since the epoch).
/// </remarks>
public static class SeriesAlignment
{
    /// <summary>Aligns the series of a long-format table.</summary>
    /// <param name="table">The long table (id, time, values; other columns are ignored).</param>
    /// <param name="idColumn">The column identifying the individual (any type; missing ids are an error).</param>
    /// <param name="timeColumn">The time column (int, float or datetime).</param>
    /// <param name="valueColumns">The series variables; null means every numeric column other than id and time and <paramref name="excludedColumns"/>.</param>
    /// <param name="method">How the grid size is chosen.</param>
    /// <param name="nbPoints">The grid size for <see cref="AlignmentMethod.Specified"/> (at least 2); ignored otherwise.</param>
    /// <param name="excludedColumns">Columns never taken as values when <paramref name="valueColumns"/> is null (e.g. the primary key).</param>
    /// <exception cref="TimeSeriesException">Unknown or non-numeric column, missing values, no rows, or an invalid grid size.</exception>
    public static AlignedSeries Align(
        Table table,
        string idColumn,
        string timeColumn,
        IReadOnlyList<string>? valueColumns = null,
        AlignmentMethod method = AlignmentMethod.Max,
        int? nbPoints = null,
        IReadOnlyCollection<string>? excludedColumns = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(idColumn);
        ArgumentNullException.ThrowIfNull(timeColumn);
        var id = Find(table, idColumn);
        var time = Find(table, timeColumn);
        if (idColumn == timeColumn)
        {
            throw new TimeSeriesException($"The id and time columns must differ; both are '{idColumn}'.");
        }

        if (!time.Type.IsNumeric())
        {
            throw new TimeSeriesException($"Time column '{timeColumn}' is {time.Type.ToYamlName()}; it must be int, float or datetime.");
        }

        var names = valueColumns?.ToArray() ?? table.Columns
            .Where(c => c.Name != idColumn && c.Name != timeColumn && c.Type.IsNumeric() && (excludedColumns is null || !excludedColumns.Contains(c.Name)))
            .Select(c => c.Name)
            .ToArray();
        if (names.Length == 0)
        {
            throw new TimeSeriesException($"Table '{table.Name}' has no value column besides '{idColumn}' and '{timeColumn}'.");
        }

        var values = new double[names.Length][];
        for (var v = 0; v < names.Length; v++)
        {
            var column = Find(table, names[v]);
            if (column.Name == idColumn || column.Name == timeColumn)
            {
                throw new TimeSeriesException($"Value column '{column.Name}' is also the id or time column.");
            }

            if (!column.Type.IsNumeric())
            {
                throw new TimeSeriesException($"Value column '{column.Name}' is {column.Type.ToYamlName()}; series values must be int, float or datetime.");
            }

            values[v] = ContinuousValues.Read(column);
            var missing = Array.FindIndex(values[v], double.IsNaN);
            if (missing >= 0)
            {
                throw new TimeSeriesException($"Value column '{column.Name}' has a missing or non-finite value at row {missing}; impute the series before aligning them.");
            }
        }

        if (table.RowCount == 0)
        {
            throw new TimeSeriesException($"Table '{table.Name}' has no rows.");
        }

        var times = ContinuousValues.Read(time);
        var missingTime = Array.FindIndex(times, double.IsNaN);
        if (missingTime >= 0)
        {
            throw new TimeSeriesException($"Time column '{timeColumn}' has a missing or non-finite value at row {missingTime}.");
        }

        // Group rows by id, in order of first appearance.
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var firstRows = new List<int>();
        for (var row = 0; row < table.RowCount; row++)
        {
            var key = id.FormatValue(row) ?? throw new TimeSeriesException($"Id column '{idColumn}' has a missing value at row {row}.");
            if (!groups.TryGetValue(key, out var rows))
            {
                rows = [];
                groups.Add(key, rows);
                firstRows.Add(row);
            }

            rows.Add(row);
        }

        var members = firstRows.Select(r => groups[id.FormatValue(r)!].OrderBy(i => times[i]).ToArray()).ToArray();
        var lengths = members.Select(m => m.Length).ToArray();
        var grid = GridSize(lengths, method, nbPoints);
        var n = members.Length;
        var starts = new double[n];
        var durations = new double[n];
        var curves = names.Select(_ => new double[n * grid]).ToArray();
        var u = new double[lengths.Max()];
        var y = new double[u.Length];
        for (var i = 0; i < n; i++)
        {
            var rows = members[i];
            var first = times[rows[0]];
            var duration = times[rows[^1]] - first;
            starts[i] = first;
            durations[i] = duration;
            for (var j = 0; j < rows.Length; j++)
            {
                u[j] = duration > 0 ? (times[rows[j]] - first) / duration : 0;
            }

            for (var v = 0; v < names.Length; v++)
            {
                for (var j = 0; j < rows.Length; j++)
                {
                    y[j] = values[v][rows[j]];
                }

                Interpolate(u.AsSpan(0, rows.Length), y.AsSpan(0, rows.Length), curves[v].AsSpan(i * grid, grid));
            }
        }

        var ids = new Table([id], table.Name).TakeRows(firstRows.ToArray()).WithName(table.Name + "_ids");
        return new AlignedSeries(ids, timeColumn, new SeriesCurves(names, n, grid, curves), lengths, starts, durations);
    }

    /// <summary>The grid size a method gives for the series lengths.</summary>
    /// <param name="lengths">The series lengths (at least one).</param>
    /// <param name="method">The method.</param>
    /// <param name="nbPoints">The grid size for <see cref="AlignmentMethod.Specified"/>.</param>
    /// <exception cref="TimeSeriesException"><see cref="AlignmentMethod.Specified"/> without a grid size of at least 2, or no lengths.</exception>
    public static int GridSize(IReadOnlyList<int> lengths, AlignmentMethod method, int? nbPoints)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        if (lengths.Count == 0)
        {
            throw new TimeSeriesException("There are no series to align.");
        }

        var size = method switch
        {
            AlignmentMethod.Specified => nbPoints is >= 2
                ? nbPoints.Value
                : throw new TimeSeriesException($"Alignment method Specified needs nb_points ≥ 2; got {(nbPoints is null ? "none" : nbPoints.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))}."),
            AlignmentMethod.Max => lengths.Max(),
            AlignmentMethod.Min => lengths.Min(),
            AlignmentMethod.Mean => (int)Math.Round(lengths.Average(), MidpointRounding.AwayFromZero),
            _ => throw new TimeSeriesException($"Unknown alignment method {method}."),
        };
        return Math.Max(2, size);
    }

    /// <summary>
    /// Linear interpolation of (u, y) — u non-decreasing in [0, 1] — at the grid times k / (G − 1). A single point
    /// gives a constant curve; at a duplicated abscissa the first point is used.
    /// </summary>
    internal static void Interpolate(ReadOnlySpan<double> u, ReadOnlySpan<double> y, Span<double> output)
    {
        var last = u.Length - 1;
        var segment = 0;
        for (var k = 0; k < output.Length; k++)
        {
            var g = k / (double)(output.Length - 1);
            if (last == 0 || g <= u[0])
            {
                output[k] = y[0];
                continue;
            }

            if (g >= u[last])
            {
                output[k] = y[last];
                continue;
            }

            // u[segment] < g ≤ u[segment + 1] after this loop (grid times increase, so the segment only moves forward).
            while (u[segment + 1] < g)
            {
                segment++;
            }

            var (u0, u1) = (u[segment], u[segment + 1]);
            output[k] = u1 == g ? y[segment + 1] : y[segment] + ((y[segment + 1] - y[segment]) * (g - u0) / (u1 - u0));
        }
    }

    private static Column Find(Table table, string name) =>
        table.TryGetColumn(name, out var column) ? column : throw new TimeSeriesException(table.UnknownColumnMessage(name));
}
