using System.Collections.ObjectModel;
using Avatars.Data;
using Avatars.Engine.Metrics.Signal;
using MathStatistics = MathNet.Numerics.Statistics.Statistics;

namespace Avatars.Engine.TimeSeries;

/// <summary>
/// The individual-level encoding of a time-series table (from <see cref="TimeSeriesEncoder.Encode"/>): the feature
/// columns to append to the parent table, and <see cref="Decode"/>, which rebuilds a long table from the avatars'
/// features.
/// </summary>
/// <remarks>
/// Feature columns, all float, in this order: the projection's score columns
/// (<c>&lt;prefix&gt;&lt;variable&gt;_fpca_&lt;k&gt;</c> or <c>&lt;prefix&gt;&lt;variable&gt;_t&lt;k&gt;</c>), then
/// <c>&lt;prefix&gt;length</c>, <c>&lt;prefix&gt;start</c> and <c>&lt;prefix&gt;duration</c> (datetimes as seconds
/// since the epoch). An individual of the parent table without any series row gets the mean of every feature
/// (<see cref="FeaturesFor"/>): its avatar neighbourhood sees it as the average individual, and it contributes an
/// average series to the avatars drawn from it.
/// </remarks>
public sealed class TimeSeriesEncoding
{
    /// <summary>The suffix of the length feature.</summary>
    public const string LengthName = "length";

    /// <summary>The suffix of the start feature.</summary>
    public const string StartName = "start";

    /// <summary>The suffix of the duration feature.</summary>
    public const string DurationName = "duration";

    private readonly Table template;
    private readonly HashSet<string> excluded;
    private readonly string prefix;
    private readonly double[] means;
    private readonly double[] stds;
    private readonly Dictionary<string, int> rowOfId;
    private readonly double[][] residualStd;

    internal TimeSeriesEncoding(
        Table template,
        string idColumn,
        string timeColumn,
        HashSet<string> excluded,
        string prefix,
        TimeSeriesSettings settings,
        AlignedSeries aligned,
        SeriesProjection projection,
        Table features,
        double minTime,
        double maxTime)
    {
        this.template = template;
        this.excluded = excluded;
        this.prefix = prefix;
        IdColumn = idColumn;
        TimeColumn = timeColumn;
        Settings = settings;
        Aligned = aligned;
        Projection = projection;
        Features = features;
        FeatureColumns = Array.AsReadOnly(features.Columns.Skip(1).Select(c => c.Name).ToArray());
        MinTime = minTime;
        MaxTime = maxTime;
        MinLength = aligned.Lengths.Min();
        MaxLength = aligned.Lengths.Max();
        means = features.Columns.Skip(1).Select(c => MeanStd(((FloatColumn)c).Values.ToArray()).Mean).ToArray();
        stds = features.Columns.Skip(1).Select(c => MeanStd(((FloatColumn)c).Values.ToArray()).Std).ToArray();
        residualStd = ComputeResidualStd(aligned.Curves, projection);
        rowOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = features[0];
        for (var row = 0; row < ids.Length; row++)
        {
            rowOfId[ids.FormatValue(row)!] = row;
        }
    }

    /// <summary>The name of the original series table.</summary>
    public string TableName => template.Name;

    /// <summary>The id column of the series table.</summary>
    public string IdColumn { get; }

    /// <summary>The time column of the series table.</summary>
    public string TimeColumn { get; }

    /// <summary>The parameters used.</summary>
    public TimeSeriesSettings Settings { get; }

    /// <summary>The aligned original series.</summary>
    public AlignedSeries Aligned { get; }

    /// <summary>The fitted projection (FPCA or flatten).</summary>
    public SeriesProjection Projection { get; }

    /// <summary>
    /// One row per individual of the series table (order of first appearance): the id column (original name and type)
    /// followed by the float <see cref="FeatureColumns"/>.
    /// </summary>
    public Table Features { get; }

    /// <summary>The names of the feature columns the orchestrator appends (without the id column).</summary>
    public IReadOnlyList<string> FeatureColumns { get; }

    /// <summary>The shortest original series length (number of time stamps).</summary>
    public int MinLength { get; }

    /// <summary>The longest original series length.</summary>
    public int MaxLength { get; }

    /// <summary>The smallest original time stamp (datetimes as seconds since the epoch).</summary>
    public double MinTime { get; }

    /// <summary>The largest original time stamp (datetimes as seconds since the epoch).</summary>
    public double MaxTime { get; }

    /// <summary>
    /// The features of the given parents, one row per parent id in that order: <paramref name="parentIds"/> (its own name
    /// and type) followed by the <see cref="FeatureColumns"/>. A parent without a series (or with a missing id) gets the
    /// mean of each feature over the individuals that have one, i.e. it is treated as the average individual.
    /// Ids are matched on their formatted value, so the parent key should have the type of the series id column.
    /// </summary>
    /// <param name="parentIds">The parent table's key column.</param>
    /// <exception cref="TimeSeriesException"><paramref name="parentIds"/> has the name of a feature column.</exception>
    public Table FeaturesFor(Column parentIds)
    {
        ArgumentNullException.ThrowIfNull(parentIds);
        if (FeatureColumns.Contains(parentIds.Name))
        {
            throw new TimeSeriesException($"The parent key column '{parentIds.Name}' has the name of a feature column of table '{TableName}'.");
        }

        var n = parentIds.Length;
        var values = FeatureColumns.Select(_ => new double[n]).ToArray();
        for (var row = 0; row < n; row++)
        {
            var key = parentIds.FormatValue(row);
            var source = key is not null && rowOfId.TryGetValue(key, out var r) ? r : -1;
            for (var f = 0; f < values.Length; f++)
            {
                values[f][row] = source >= 0 ? ((FloatColumn)Features[f + 1])[source] : means[f];
            }
        }

        var columns = new List<Column> { parentIds };
        columns.AddRange(FeatureColumns.Select((name, f) => new FloatColumn(name, values[f])));
        return new Table(columns, TableName + "_features");
    }

    /// <summary>
    /// The projected series of another long table with the same columns (e.g. the avatar series), measured with this
    /// encoding's model: each series aligned on the same grid size, scored by the same projection, and its length,
    /// start and duration — the same <see cref="FeatureColumns"/> (one row per id of <paramref name="series"/>, the id
    /// column first). The privacy metrics of a time-series table compare these with <see cref="Features"/>.
    /// </summary>
    /// <param name="series">A long table with the original's id, time and value columns.</param>
    /// <exception cref="TimeSeriesException">A column is missing or not numeric, or a value is missing.</exception>
    public Table FeaturesOf(Table series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var values = Aligned.Curves.VariableNames;
        var aligned = SeriesAlignment.Align(series, IdColumn, TimeColumn, values, AlignmentMethod.Specified, Aligned.Curves.GridSize, [.. excluded]);
        var scores = Projection.Scores(aligned.Curves);
        var columns = new List<Column> { aligned.Ids[0] };
        columns.AddRange(scores.Columns.Select(c => c.WithName(prefix + c.Name)));
        columns.Add(new FloatColumn(prefix + LengthName, [.. aligned.Lengths.Select(l => (double)l)]));
        columns.Add(new FloatColumn(prefix + StartName, [.. aligned.Starts]));
        columns.Add(new FloatColumn(prefix + DurationName, [.. aligned.Durations]));
        return new Table(columns, TableName + "_features");
    }

    /// <summary>
    /// Rebuilds a long table from the avatars' features. Each row of <paramref name="avatarFeatures"/> gives one series:
    /// curves rebuilt by the projection, then placed in time. With the default clamps: the length is rounded (half away
    /// from zero) into [<see cref="MinLength"/>, <see cref="MaxLength"/>]; the start is clamped into
    /// [<see cref="MinTime"/>, <see cref="MaxTime"/>]; the duration into [0, <see cref="MaxTime"/> − start] (so the
    /// end never passes the latest original stamp); a single-stamp series has duration 0. Stamps are evenly spaced over
    /// [start, start + duration]. An int time column is written as int: start and duration are rounded, and when the
    /// duration is shorter than length − 1 it is lengthened to length − 1 (moving the start earlier if the end would pass
    /// <see cref="MaxTime"/>, never before <see cref="MinTime"/>) so that the stamps stay distinct integers; the values are
    /// the curve at the rounded stamps. A datetime time column is written as datetime, a float one as float.
    /// </summary>
    /// <param name="avatarFeatures">A table holding every <see cref="FeatureColumns"/> (numeric, no missing values); other columns are ignored.</param>
    /// <param name="avatarIds">The id to write for each avatar row (e.g. the parent avatar's new key; any type, same row count).</param>
    /// <param name="options">Clamping and naming options.</param>
    /// <returns>
    /// The original series table's columns, in order: the id column (values of <paramref name="avatarIds"/>, repeated
    /// per stamp), the time column, the value columns (original types; ints rounded) and the excluded columns as 1..N
    /// integers. Rows: avatar 0's stamps in time order, then avatar 1's, and so on.
    /// </returns>
    /// <exception cref="TimeSeriesException">A feature column is absent, not numeric or has a missing value, or the row counts differ.</exception>
    public Table Decode(Table avatarFeatures, Column avatarIds, TimeSeriesDecodeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(avatarFeatures);
        ArgumentNullException.ThrowIfNull(avatarIds);
        options ??= new TimeSeriesDecodeOptions();
        var n = avatarFeatures.RowCount;
        if (avatarIds.Length != n)
        {
            throw new TimeSeriesException(
                $"Decoding table '{TableName}': {n} rows of avatar features but {avatarIds.Length} avatar ids in '{avatarIds.Name}'; they must match.");
        }

        var features = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var name in FeatureColumns)
        {
            features[name] = ReadFeature(avatarFeatures, name);
        }

        if (options.RestoreScoreSpread)
        {
            foreach (var score in Projection.ScoreColumns)
            {
                features[prefix + score] = Rescale(features[prefix + score], prefix + score);
            }
        }

        var scores = new Table(
            Projection.ScoreColumns.Select(s => (Column)new FloatColumn(s, features[prefix + s])),
            "scores");
        var curves = Projection.Reconstruct(scores);
        if (options.AddResidualNoise)
        {
            curves = AddResidualNoise(curves, options.NoiseSeed);
        }

        if (options.RestorePointSpread)
        {
            curves = RestorePointSpread(curves);
        }

        var lengths = features[prefix + LengthName];
        var starts = features[prefix + StartName];
        var durations = features[prefix + DurationName];
        var intTime = template[TimeColumn].Type == ColumnType.Int;

        var rows = new List<int>();
        var times = new List<double>();
        var values = curves.VariableNames.Select(_ => new List<double>()).ToArray();
        for (var i = 0; i < n; i++)
        {
            var (length, start, duration) = Place(lengths[i], starts[i], durations[i], intTime, options.ClampToOriginalRanges);
            for (var j = 0; j < length; j++)
            {
                var t = length == 1 ? start : j == length - 1 ? start + duration : start + (duration * j / (length - 1));
                if (intTime)
                {
                    t = Math.Round(t, MidpointRounding.AwayFromZero);
                }

                var u = length == 1 ? 0 : duration > 0 ? (t - start) / duration : j / (double)(length - 1);
                rows.Add(i);
                times.Add(t);
                for (var v = 0; v < values.Length; v++)
                {
                    values[v].Add(SeriesReconstruction.Evaluate(curves.Curve(v, i), u));
                }
            }
        }

        var total = rows.Count;
        var ids = avatarIds.Take(rows.ToArray()).WithName(IdColumn);
        var columns = new List<Column>();
        foreach (var column in template.Columns)
        {
            if (column.Name == IdColumn)
            {
                columns.Add(ids);
            }
            else if (column.Name == TimeColumn)
            {
                columns.Add(Typed(column, times.ToArray()));
            }
            else if (excluded.Contains(column.Name))
            {
                columns.Add(new IntColumn(column.Name, Enumerable.Range(1, total).Select(k => (long)k).ToArray()));
            }
            else
            {
                columns.Add(Typed(column, values[curves.IndexOf(column.Name)].ToArray()));
            }
        }

        return new Table(columns, options.TableName ?? TableName);
    }

    /// <summary>
    /// The standard deviation, at each grid point of each variable, of what the projection leaves out of the original
    /// curves (aligned curve minus its reconstruction from its own scores); all zeros for FLATTEN or a full-rank FPCA.
    /// </summary>
    /// <param name="variable">The series variable's index (order of the value columns).</param>
    public ReadOnlySpan<double> ResidualStd(int variable) => residualStd[variable];

    private static double[][] ComputeResidualStd(SeriesCurves curves, SeriesProjection projection)
    {
        var rebuilt = projection.Reconstruct(projection.Scores(curves));
        var result = new double[curves.VariableNames.Count][];
        for (var v = 0; v < result.Length; v++)
        {
            var std = new double[curves.GridSize];
            for (var k = 0; k < curves.GridSize; k++)
            {
                std[k] = MeanStd(Enumerable.Range(0, curves.Count).Select(i => curves.Curve(v, i)[k] - rebuilt.Curve(v, i)[k])).Std;
            }

            result[v] = std;
        }

        return result;
    }

    /// <summary>The curves plus independent Gaussian noise with the residual standard deviation of each grid point (seeded).</summary>
    private SeriesCurves AddResidualNoise(SeriesCurves curves, ulong seed)
    {
        var values = new List<double[]>(curves.VariableNames.Count);
        for (var v = 0; v < curves.VariableNames.Count; v++)
        {
            var noisy = curves.Values(v).ToArray();
            var std = residualStd[v];
            for (var i = 0; i < curves.Count; i++)
            {
                var random = new Randomness.RowRandom(seed, (ulong)v, (ulong)i);
                for (var k = 0; k < curves.GridSize; k++)
                {
                    noisy[(i * curves.GridSize) + k] += std[k] * random.NextStandardNormal();
                }
            }

            values.Add(noisy);
        }

        return new SeriesCurves(curves.VariableNames, curves.Count, curves.GridSize, values);
    }

    /// <summary>
    /// The curves with, at each grid point of each variable, their values mapped affinely to the original curves' mean
    /// and standard deviation at that point (a constant point keeps the original mean).
    /// </summary>
    private SeriesCurves RestorePointSpread(SeriesCurves curves)
    {
        var original = Aligned.Curves;
        var values = new List<double[]>(curves.VariableNames.Count);
        for (var v = 0; v < curves.VariableNames.Count; v++)
        {
            var calibrated = curves.Values(v).ToArray();
            for (var k = 0; k < curves.GridSize; k++)
            {
                var (targetMean, targetStd) = PointStats(original, v, k);
                var (mean, std) = PointStats(curves, v, k);
                for (var i = 0; i < curves.Count; i++)
                {
                    var index = (i * curves.GridSize) + k;
                    calibrated[index] = std > 1e-12 ? targetMean + ((calibrated[index] - mean) * targetStd / std) : targetMean;
                }
            }

            values.Add(calibrated);
        }

        return new SeriesCurves(curves.VariableNames, curves.Count, curves.GridSize, values);
    }

    private static (double Mean, double Std) PointStats(SeriesCurves curves, int variable, int point) =>
        MeanStd(Enumerable.Range(0, curves.Count).Select(i => curves.Curve(variable, i)[point]));

    /// <summary>
    /// The avatars' features with each score column (not length, start or duration) mapped affinely to the original
    /// score column's mean and sample standard deviation: x ← μ_orig + (x − μ_avatar) · σ_orig / σ_avatar (a constant
    /// avatar column becomes μ_orig). Other columns are returned unchanged. <see cref="Decode"/> applies it when
    /// <see cref="TimeSeriesDecodeOptions.RestoreScoreSpread"/> is set.
    /// </summary>
    /// <param name="avatarFeatures">A table holding the score columns of <see cref="FeatureColumns"/> (numeric, no missing values).</param>
    /// <exception cref="TimeSeriesException">A score column is absent, not numeric or has a missing value.</exception>
    public Table RestoreScoreSpread(Table avatarFeatures)
    {
        ArgumentNullException.ThrowIfNull(avatarFeatures);
        var result = avatarFeatures;
        foreach (var score in Projection.ScoreColumns)
        {
            result = result.WithColumn(new FloatColumn(prefix + score, Rescale(ReadFeature(avatarFeatures, prefix + score), prefix + score)));
        }

        return result;
    }

    /// <summary>The length, start and duration of one avatar series after rounding and clamping.</summary>
    private (int Length, double Start, double Duration) Place(double rawLength, double start, double duration, bool intTime, bool clamp)
    {
        var length = (int)Math.Clamp(Math.Round(rawLength, MidpointRounding.AwayFromZero), 1, int.MaxValue);
        if (clamp)
        {
            length = Math.Clamp(length, MinLength, MaxLength);
            start = Math.Clamp(start, MinTime, MaxTime);
            duration = Math.Clamp(duration, 0, MaxTime - start);
        }
        else
        {
            duration = Math.Max(0, duration);
        }

        if (length == 1)
        {
            return (1, intTime ? Math.Round(start, MidpointRounding.AwayFromZero) : start, 0);
        }

        if (intTime)
        {
            start = Math.Round(start, MidpointRounding.AwayFromZero);
            duration = Math.Round(duration, MidpointRounding.AwayFromZero);
            if (duration < length - 1)
            {
                duration = length - 1;
                if (clamp && start + duration > MaxTime)
                {
                    start = Math.Max(MinTime, MaxTime - duration);
                    duration = Math.Min(duration, MaxTime - start);
                }
            }
        }

        return (length, start, duration);
    }

    private double[] ReadFeature(Table avatarFeatures, string name)
    {
        if (!avatarFeatures.TryGetColumn(name, out var column))
        {
            throw new TimeSeriesException($"Decoding table '{TableName}': " + avatarFeatures.UnknownColumnMessage(name));
        }

        if (column.Type is not (ColumnType.Float or ColumnType.Int))
        {
            throw new TimeSeriesException($"Decoding table '{TableName}': feature column '{name}' of table '{avatarFeatures.Name}' is {column.Type.ToYamlName()}; it must be float.");
        }

        var read = ContinuousValues.Read(column);
        var missing = Array.FindIndex(read, double.IsNaN);
        return missing < 0
            ? read
            : throw new TimeSeriesException($"Decoding table '{TableName}': feature column '{name}' of table '{avatarFeatures.Name}' has a missing or non-finite value at row {missing}.");
    }

    private double[] Rescale(double[] values, string name)
    {
        var f = ((ReadOnlyCollection<string>)FeatureColumns).IndexOf(name);
        var (originalMean, originalStd) = (means[f], stds[f]);
        var (mean, std) = MeanStd(values);
        return values.Select(x => std > 0 ? originalMean + ((x - mean) * originalStd / std) : originalMean).ToArray();
    }

    /// <summary>Mean and sample standard deviation (MathNet); 0 for what fewer than two values leave undefined.</summary>
    private static (double Mean, double Std) MeanStd(IEnumerable<double> values)
    {
        var (mean, std) = MathStatistics.MeanStandardDeviation(values);
        return (double.IsNaN(mean) ? 0 : mean, double.IsNaN(std) ? 0 : std);
    }

    /// <summary>A column of the original's name and type from real values (ints rounded half away from zero).</summary>
    private static Column Typed(Column original, double[] values) => original switch
    {
        IntColumn => new IntColumn(original.Name, values.Select(x => (long)Math.Round(x, MidpointRounding.AwayFromZero)).ToArray()),
        DateTimeColumn dates => new DateTimeColumn(
            original.Name,
            values.Select(DateTimeColumn.TicksFromSeconds).ToArray(),
            offset: dates.Type == ColumnType.DateTimeTz ? dates.Offset : null),
        _ => new FloatColumn(original.Name, values),
    };
}
