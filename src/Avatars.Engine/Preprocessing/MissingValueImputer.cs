using Avatars.Data;

namespace Avatars.Engine.Preprocessing;

/// <summary>
/// Adds a missing-value indicator <c>&lt;col&gt;__is_missing</c> ∈ {"0","1"} for every column that has
/// missing values, and fills the missing values (method.md §4.2). Works on the engine's working form
/// (<see cref="FloatColumn"/> and <see cref="CategoryColumn"/> only). Fitted on one table, it can be
/// applied to another with the same columns (e.g. avatars being evaluated).
/// </summary>
internal sealed class MissingValueImputer
{
    /// <summary>The suffix of indicator columns.</summary>
    public const string IndicatorSuffix = "__is_missing";

    private readonly ImputationOptions options;
    private readonly Table reference;
    private readonly double[] fillNumbers;
    private readonly int[] fillCodes;
    private readonly int[] trainingRows;
    private readonly double[] mean;
    private readonly double[] scale;

    private MissingValueImputer(Table reference, ImputationOptions options, IReadOnlyList<string> indicatorColumns, int[] trainingRows)
    {
        this.reference = reference;
        this.options = options;
        IndicatorColumns = indicatorColumns;
        this.trainingRows = trainingRows;
        var p = reference.ColumnCount;
        fillNumbers = new double[p];
        fillCodes = new int[p];
        mean = new double[p];
        scale = new double[p];
        for (var c = 0; c < p; c++)
        {
            switch (reference[c])
            {
                case FloatColumn f:
                    (mean[c], scale[c]) = MeanAndScale(f.Values);
                    fillNumbers[c] = options.Method == ImputationMethod.Median ? Median(f.Values)
                        : options.Method == ImputationMethod.Mode ? NumericMode(f.Values)
                        : mean[c];
                    break;
                case CategoryColumn cat:
                    fillCodes[c] = CategoricalMode(cat);
                    break;
            }
        }
    }

    /// <summary>Columns of the reference table that had missing values (and get an indicator).</summary>
    public IReadOnlyList<string> IndicatorColumns { get; }

    /// <summary>True when the KNN methods had to fall back to mean/mode because too few complete rows exist.</summary>
    public bool FellBackToSimpleImputation =>
        IndicatorColumns.Count > 0 && options.Method is ImputationMethod.Knn or ImputationMethod.FastKnn && trainingRows.Length < options.K;

    /// <summary>The name of the indicator column of a column.</summary>
    public static string IndicatorName(string column) => column + IndicatorSuffix;

    /// <summary>Learns the fill values (and, for KNN, the reference rows) from a working table.</summary>
    public static MissingValueImputer Fit(Table working, ImputationOptions options, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(working);
        ArgumentNullException.ThrowIfNull(options);
        var indicators = working.Columns.Where(c => c.MissingCount > 0).Select(c => c.Name).ToArray();
        var training = Array.Empty<int>();
        if (options.Method is ImputationMethod.Knn or ImputationMethod.FastKnn && indicators.Length > 0)
        {
            training = NearestNeighbourImputation.SampleCompleteRows(working, options, seed);
        }

        return new MissingValueImputer(working, options, indicators, training);
    }

    /// <summary>Returns the table with indicators appended (for the fitted indicator columns) and every missing value filled.</summary>
    public Table Apply(Table working, CancellationToken cancellationToken = default)
    {
        var columns = new List<Column>(working.ColumnCount + IndicatorColumns.Count);
        var filledNumbers = new double[working.ColumnCount][];
        var filledCodes = new int[working.ColumnCount][];
        var incomplete = new List<int>();
        for (var r = 0; r < working.RowCount; r++)
        {
            for (var c = 0; c < working.ColumnCount; c++)
            {
                if (working[c].IsMissing(r))
                {
                    incomplete.Add(r);
                    break;
                }
            }
        }

        for (var c = 0; c < working.ColumnCount; c++)
        {
            switch (working[c])
            {
                case FloatColumn f:
                    filledNumbers[c] = f.Values.ToArray();
                    break;
                case CategoryColumn cat:
                    filledCodes[c] = AlignCodes(cat, (CategoryColumn)reference[cat.Name]);
                    break;
            }
        }

        if (incomplete.Count > 0)
        {
            if (options.Method is ImputationMethod.Knn or ImputationMethod.FastKnn && trainingRows.Length >= options.K)
            {
                new NearestNeighbourImputation(reference, trainingRows, mean, scale, options.K).Fill(working, incomplete, filledNumbers, filledCodes, cancellationToken);
            }
            else
            {
                FillSimple(incomplete, filledNumbers, filledCodes);
            }
        }

        for (var c = 0; c < working.ColumnCount; c++)
        {
            var name = working[c].Name;
            columns.Add(filledNumbers[c] is { } numbers
                ? new FloatColumn(name, numbers)
                : new CategoryColumn(name, filledCodes[c], [.. ((CategoryColumn)reference[name]).Levels]));
        }

        foreach (var name in IndicatorColumns)
        {
            var source = working[name];
            var codes = new int[working.RowCount];
            for (var r = 0; r < codes.Length; r++)
            {
                codes[r] = source.IsMissing(r) ? 1 : 0;
            }

            columns.Add(new CategoryColumn(IndicatorName(name), codes, ["0", "1"]));
        }

        return new Table(columns, working.Name);
    }

    /// <summary>Maps a column's codes onto the reference levels; unseen levels become missing (then imputed).</summary>
    private static int[] AlignCodes(CategoryColumn column, CategoryColumn reference)
    {
        if (ReferenceEquals(column, reference) || column.Levels.SequenceEqual(reference.Levels))
        {
            return column.Codes.ToArray();
        }

        var map = new int[column.LevelCount];
        for (var l = 0; l < map.Length; l++)
        {
            map[l] = IndexOf(reference.Levels, column.Levels[l]);
        }

        var codes = new int[column.Length];
        for (var r = 0; r < codes.Length; r++)
        {
            codes[r] = column[r] < 0 ? CategoryColumn.MissingCode : map[column[r]];
        }

        return codes;
    }

    private static int IndexOf(IReadOnlyList<string> levels, string level)
    {
        for (var i = 0; i < levels.Count; i++)
        {
            if (string.Equals(levels[i], level, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return CategoryColumn.MissingCode;
    }

    private void FillSimple(List<int> incomplete, double[][] numbers, int[][] codes)
    {
        foreach (var r in incomplete)
        {
            for (var c = 0; c < numbers.Length; c++)
            {
                if (numbers[c] is { } n && double.IsNaN(n[r]))
                {
                    n[r] = fillNumbers[c];
                }
                else if (codes[c] is { } k && k[r] < 0)
                {
                    k[r] = fillCodes[c];
                }
            }
        }
    }

    private static (double Mean, double Scale) MeanAndScale(ReadOnlySpan<double> values)
    {
        double sum = 0, sumSquares = 0;
        var count = 0;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                sum += v;
                count++;
            }
        }

        var mean = count == 0 ? 0 : sum / count;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                sumSquares += (v - mean) * (v - mean);
            }
        }

        var sd = count == 0 ? 0 : Math.Sqrt(sumSquares / count);
        return (mean, sd > 0 ? sd : 1);
    }

    private static double Median(ReadOnlySpan<double> values)
    {
        var observed = new List<double>(values.Length);
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                observed.Add(v);
            }
        }

        if (observed.Count == 0)
        {
            return 0;
        }

        observed.Sort();
        var mid = observed.Count / 2;
        return observed.Count % 2 == 1 ? observed[mid] : (observed[mid - 1] + observed[mid]) / 2;
    }

    private static double NumericMode(ReadOnlySpan<double> values)
    {
        var counts = new Dictionary<double, int>();
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                counts[v] = counts.GetValueOrDefault(v) + 1;
            }
        }

        return counts.Count == 0 ? 0 : counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).First().Key;
    }

    private static int CategoricalMode(CategoryColumn column)
    {
        var counts = new int[Math.Max(1, column.LevelCount)];
        foreach (var code in column.Codes)
        {
            if (code >= 0)
            {
                counts[code]++;
            }
        }

        var best = 0;
        for (var l = 1; l < counts.Length; l++)
        {
            if (counts[l] > counts[best])
            {
                best = l;
            }
        }

        return best;
    }
}
