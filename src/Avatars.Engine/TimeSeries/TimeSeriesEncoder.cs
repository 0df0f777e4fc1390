using Avatars.Data;
using Avatars.Engine.Metrics.Signal;

namespace Avatars.Engine.TimeSeries;

/// <summary>
/// Turns a long time-series table into individual-level feature columns (align, project, add length/start/duration)
/// that the multi-table pipeline appends to the parent table before avatarization; the returned
/// <see cref="TimeSeriesEncoding"/> maps the avatars' features back to a long table (docs/time-series.md).
/// </summary>
public sealed class TimeSeriesEncoder
{
    private TimeSeriesEncoder()
    {
    }

    /// <summary>Encodes a time-series table.</summary>
    /// <param name="series">The long table: one row per (individual, time stamp).</param>
    /// <param name="idColumn">The column identifying the individual (the foreign key to the parent; any type, no missing values).</param>
    /// <param name="timeColumn">The time column (int, float or datetime; no missing values).</param>
    /// <param name="excludedColumns">
    /// Columns that are not series values (e.g. the primary key): ignored by the encoding and regenerated as 1..N
    /// integers by <see cref="TimeSeriesEncoding.Decode"/>. Every other column besides id and time is a series value and
    /// must be int, float or datetime without missing values.
    /// </param>
    /// <param name="prefix">Prepended to every feature column name, e.g. <c>"sensor1__"</c>, so that several tables can be appended to one parent.</param>
    /// <param name="settings">The projection and alignment parameters.</param>
    /// <returns>The features (one row per individual present in <paramref name="series"/>) and the decoder.</returns>
    /// <exception cref="TimeSeriesException">
    /// An unknown column, a non-numeric value column, missing values, an id or time column listed as excluded, a
    /// feature name that collides with the id column, or an invalid parameter; the message names the table and column.
    /// </exception>
    public static TimeSeriesEncoding Encode(
        Table series,
        string idColumn,
        string timeColumn,
        IReadOnlyList<string> excludedColumns,
        string prefix,
        TimeSeriesSettings settings)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(idColumn);
        ArgumentNullException.ThrowIfNull(timeColumn);
        ArgumentNullException.ThrowIfNull(excludedColumns);
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(settings);

        foreach (var name in new[] { idColumn, timeColumn }.Concat(excludedColumns))
        {
            if (!series.Contains(name))
            {
                throw new TimeSeriesException(series.UnknownColumnMessage(name));
            }
        }

        if (excludedColumns.Contains(idColumn) || excludedColumns.Contains(timeColumn))
        {
            throw new TimeSeriesException(
                $"Table '{series.Name}': the id column '{idColumn}' and the time column '{timeColumn}' cannot be excluded columns.");
        }

        var valueNames = new List<string>();
        foreach (var column in series.Columns)
        {
            if (column.Name == idColumn || column.Name == timeColumn || excludedColumns.Contains(column.Name))
            {
                continue;
            }

            if (!column.Type.IsNumeric())
            {
                throw new TimeSeriesException(
                    $"Table '{series.Name}': column '{column.Name}' is {column.Type.ToYamlName()}; the series values must be int, float or datetime "
                    + "(list identifier-like columns such as the primary key in the excluded columns).");
            }

            valueNames.Add(column.Name);
        }

        if (settings.ProjectionType == SeriesProjectionType.Fpca && settings.Nf < 1)
        {
            throw new TimeSeriesException($"Table '{series.Name}': time_series_nf is {settings.Nf}; FPCA needs at least one component per series variable.");
        }

        var aligned = SeriesAlignment.Align(series, idColumn, timeColumn, valueNames, settings.Method, settings.NbPoints, excludedColumns.ToArray());
        var projection = SeriesProjection.Fit(aligned.Curves, settings.ProjectionType, settings.Nf);
        var scores = projection.Scores(aligned.Curves);

        var featureColumns = new List<Column> { aligned.Ids[0] };
        featureColumns.AddRange(scores.Columns.Select(c => c.WithName(prefix + c.Name)));
        featureColumns.Add(new FloatColumn(prefix + TimeSeriesEncoding.LengthName, aligned.Lengths.Select(l => (double)l).ToArray()));
        featureColumns.Add(new FloatColumn(prefix + TimeSeriesEncoding.StartName, aligned.Starts.ToArray()));
        featureColumns.Add(new FloatColumn(prefix + TimeSeriesEncoding.DurationName, aligned.Durations.ToArray()));
        var names = featureColumns.Select(c => c.Name).ToArray();
        var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new TimeSeriesException(
                $"Table '{series.Name}': the feature column '{duplicate.Key}' collides with another feature or the id column; use a prefix such as \"{series.Name}__\".");
        }

        var times = ContinuousValues.Read(series[timeColumn]);
        return new TimeSeriesEncoding(
            series,
            idColumn,
            timeColumn,
            excludedColumns.ToHashSet(StringComparer.Ordinal),
            prefix,
            settings,
            aligned,
            projection,
            new Table(featureColumns, series.Name + "_features"),
            times.Min(),
            times.Max());
    }
}
