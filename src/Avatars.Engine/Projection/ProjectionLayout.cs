using System.Globalization;
using Avatars.Data;

namespace Avatars.Engine.Projection;

/// <summary>
/// The fitted description of the projected columns: continuous variables (μ, σ), categorical variables
/// (modalities and their proportions), the <c>P = p_c + M</c> projected columns in saiph order (continuous
/// columns, then dummies variable by variable) and their expanded weights.
/// </summary>
internal sealed class ProjectionLayout
{
    /// <summary>Double machine epsilon (NumPy <c>finfo(float).eps</c>), added by saiph's MCA before inverting square roots.</summary>
    public const double MachineEpsilon = 2.220446049250313E-16;

    private ProjectionLayout(
        string tableName,
        int rowCount,
        ContinuousVariable[] continuous,
        CategoricalVariable[] categorical,
        (bool Continuous, int Index)[] order,
        long[] dummyCounts,
        double[] weights)
    {
        TableName = tableName;
        RowCount = rowCount;
        Continuous = continuous;
        Categorical = categorical;
        Order = order;
        DummyCounts = dummyCounts;
        Weights = weights;
        Kind = categorical.Length == 0 ? ProjectionKind.Pca : continuous.Length == 0 ? ProjectionKind.Mca : ProjectionKind.Famd;

        var m = dummyCounts.Length;
        Proportions = new double[m];
        DummyNames = new string[m];
        DummyVariable = new int[m];
        for (var u = 0; u < categorical.Length; u++)
        {
            var variable = categorical[u];
            for (var k = 0; k < variable.ModalityCount; k++)
            {
                var dummy = variable.FirstDummy + k;
                DummyNames[dummy] = $"{variable.Name}___{variable.Modalities[k]}";
                DummyVariable[dummy] = u;
            }
        }

        for (var d = 0; d < m; d++)
        {
            Proportions[d] = dummyCounts[d] / (double)rowCount;
        }

        // MCA (method.md §3.5): F = D/N, row mass r = q/N (= 1/n), column mass c = count/N.
        var total = (double)rowCount * categorical.Length;
        McaRowFactor = 1.0 / (MachineEpsilon + Math.Sqrt(categorical.Length / total));
        McaColumnMass = new double[m];
        McaColumnFactor = new double[m];
        for (var d = 0; d < m; d++)
        {
            McaColumnMass[d] = dummyCounts[d] / total;
            McaColumnFactor[d] = 1.0 / (MachineEpsilon + Math.Sqrt(McaColumnMass[d]));
        }
    }

    public string TableName { get; }

    /// <summary>n, the number of rows fitted.</summary>
    public int RowCount { get; }

    public ProjectionKind Kind { get; }

    public ContinuousVariable[] Continuous { get; }

    public CategoricalVariable[] Categorical { get; }

    /// <summary>The fitted columns in table order, each pointing into <see cref="Continuous"/> or <see cref="Categorical"/>.</summary>
    public (bool Continuous, int Index)[] Order { get; }

    /// <summary>Occurrences of each dummy at fit time.</summary>
    public long[] DummyCounts { get; }

    /// <summary>p_m = count_m / n.</summary>
    public double[] Proportions { get; }

    /// <summary>Dummy names <c>&lt;column&gt;___&lt;modality&gt;</c>.</summary>
    public string[] DummyNames { get; }

    /// <summary>For each dummy, the index of its categorical variable.</summary>
    public int[] DummyVariable { get; }

    /// <summary>The weight of each projected column (continuous columns, then dummies).</summary>
    public double[] Weights { get; }

    /// <summary>MCA <c>1/(ε + sqrt(r))</c>, the row factor D_r (all rows have the same mass).</summary>
    public double McaRowFactor { get; }

    /// <summary>MCA column masses c_m = count_m / (n·q).</summary>
    public double[] McaColumnMass { get; }

    /// <summary>MCA <c>D_c = 1/(ε + sqrt(c_m))</c>.</summary>
    public double[] McaColumnFactor { get; }

    /// <summary>p_c, the number of continuous columns.</summary>
    public int ContinuousCount => Continuous.Length;

    /// <summary>q, the number of categorical columns.</summary>
    public int CategoricalCount => Categorical.Length;

    /// <summary>M, the number of dummies.</summary>
    public int DummyCount => DummyCounts.Length;

    /// <summary>P = p_c + M, the number of projected columns.</summary>
    public int Width => Continuous.Length + DummyCounts.Length;

    /// <summary>The name of projected column <paramref name="index"/>.</summary>
    public string ProjectedName(int index) => index < Continuous.Length ? Continuous[index].Name : DummyNames[index - Continuous.Length];

    /// <summary>Validates the table and the options and computes the fit-time statistics of every column.</summary>
    public static ProjectionLayout Create(Table table, ProjectionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        if (table.ColumnCount == 0)
        {
            throw new ProjectionException($"Table '{table.Name}' has no columns to project.", nameof(table));
        }

        if (table.RowCount < 2)
        {
            throw new ProjectionException($"Table '{table.Name}' has {table.RowCount} row(s); fitting a projection needs at least 2.", nameof(table));
        }

        foreach (var column in table.Columns)
        {
            RequireComplete(column, table.Name);
        }

        var columnWeights = ResolveWeights(table, options.ColumnWeights);
        var n = table.RowCount;
        var continuousColumns = table.Columns.Where(c => ColumnValues.IsContinuous(c.Type)).ToArray();
        var continuous = new ContinuousVariable[continuousColumns.Length];
        var errors = new ProjectionException?[continuousColumns.Length];
        Parallel.For(0, continuousColumns.Length, new ParallelOptions { CancellationToken = cancellationToken }, j =>
        {
            var column = continuousColumns[j];
            var offset = column is DateTimeColumn { Type: ColumnType.DateTimeTz } d ? d.Offset : (TimeSpan?)null;
            try
            {
                var (mean, std) = MeanAndStandardDeviation(column, n, table.Name);
                continuous[j] = new ContinuousVariable(column.Name, column.Type, offset, mean, std);
            }
            catch (ProjectionException e)
            {
                errors[j] = e;
            }
        });

        // Report the first bad column in table order, not whichever thread failed first.
        if (errors.FirstOrDefault(e => e is not null) is { } error)
        {
            throw error;
        }

        var categorical = new List<CategoricalVariable>();
        var counts = new List<long>();
        var order = new (bool, int)[table.ColumnCount];
        var continuousIndex = 0;
        for (var i = 0; i < table.ColumnCount; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var column = table[i];
            if (ColumnValues.IsContinuous(column.Type))
            {
                order[i] = (true, continuousIndex++);
                continue;
            }

            // Only the levels that occur make dummies (pandas get_dummies of the values), in category order.
            var levels = ColumnValues.Levels(column);
            var levelCounts = CountCodes(column, levels.Count);
            var present = Enumerable.Range(0, levels.Count).Where(l => levelCounts[l] > 0).ToArray();
            order[i] = (false, categorical.Count);
            categorical.Add(new CategoricalVariable(
                column.Name,
                column.Type,
                present.Select(l => levels[l]).ToArray(),
                present,
                levels.ToArray(),
                counts.Count));
            counts.AddRange(present.Select(l => levelCounts[l]));
        }

        // saiph step 4: a continuous column gets its weight, every dummy of a categorical column gets the column's weight.
        var weights = new List<double>();
        weights.AddRange(continuous.Select(v => columnWeights[v.Name]));
        foreach (var variable in categorical)
        {
            weights.AddRange(Enumerable.Repeat(columnWeights[variable.Name], variable.ModalityCount));
        }

        return new ProjectionLayout(table.Name, n, continuous, categorical.ToArray(), order, counts.ToArray(), weights.ToArray());
    }

    /// <summary>Rejects a column with missing values: imputation must happen before the projection.</summary>
    public static void RequireComplete(Column column, string tableName)
    {
        if (column.MissingCount > 0)
        {
            throw new ProjectionException(
                $"Column '{column.Name}' of table '{tableName}' has {column.MissingCount} missing value(s). Impute missing values before projecting.",
                column.Name);
        }
    }

    private static Dictionary<string, double> ResolveWeights(Table table, IReadOnlyDictionary<string, double>? given)
    {
        var weights = table.ColumnNames.ToDictionary(name => name, _ => 1.0, StringComparer.Ordinal);
        if (given is null)
        {
            return weights;
        }

        foreach (var (name, weight) in given)
        {
            if (!weights.ContainsKey(name))
            {
                throw new ProjectionException(
                    $"ColumnWeights names column '{name}', which table '{table.Name}' does not have. Its columns are: {string.Join(", ", table.ColumnNames)}.",
                    name);
            }

            if (!double.IsFinite(weight) || weight <= 0)
            {
                throw new ProjectionException(
                    $"ColumnWeights['{name}'] is {weight.ToString(CultureInfo.InvariantCulture)}; a column weight must be a finite number greater than 0.",
                    name);
            }

            weights[name] = weight;
        }

        return weights;
    }

    private static long[] CountCodes(Column column, int levelCount)
    {
        var counts = new long[levelCount];
        var buffer = new int[RowBlocks.BlockSize];
        for (var start = 0; start < column.Length; start += buffer.Length)
        {
            var span = buffer.AsSpan(0, Math.Min(buffer.Length, column.Length - start));
            ColumnValues.ReadCodes(column, start, span);
            foreach (var code in span)
            {
                counts[code]++;
            }
        }

        return counts;
    }

    /// <summary>
    /// Mean and population standard deviation. The mean gets one correction pass (mean += Σ(x − mean)/n), and a
    /// constant column gets exactly σ = 0, so that rounding noise is never standardised into O(1) values.
    /// </summary>
    private static (double Mean, double StandardDeviation) MeanAndStandardDeviation(Column column, int n, string tableName)
    {
        var buffer = new double[RowBlocks.BlockSize];
        double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (var start = 0; start < n; start += buffer.Length)
        {
            var span = Block(column, start, Math.Min(buffer.Length, n - start), buffer);
            var summary = VectorMath.Summary(span);
            if (double.IsNaN(summary.Sum))
            {
                var row = start + span.IndexOfAnyExceptInRange(double.MinValue, double.MaxValue);
                throw new ProjectionException(
                    $"Column '{column.Name}' of table '{tableName}' has the non-finite value {span[row - start].ToString(CultureInfo.InvariantCulture)} at row {row}; only finite numbers can be projected.",
                    column.Name);
            }

            min = Math.Min(min, summary.Min);
            max = Math.Max(max, summary.Max);
            sum += summary.Sum;
        }

        if (min == max)
        {
            return (min, 0.0);
        }

        // Second pass: correct the mean with the mean deviation, and take the squares around the first mean:
        // Σ(x − m')² = Σ(x − m)² − n(m' − m)² for m' = m + Σ(x − m)/n.
        var mean = sum / n;
        double deviations = 0, squares = 0;
        for (var start = 0; start < n; start += buffer.Length)
        {
            var (s, s2) = VectorMath.Deviations(Block(column, start, Math.Min(buffer.Length, n - start), buffer), mean);
            deviations += s;
            squares += s2;
        }

        var shift = deviations / n;
        return (mean + shift, Math.Sqrt(Math.Max(0, (squares / n) - (shift * shift))));
    }

    /// <summary>A block of a continuous column: a slice of a float column, a converted copy otherwise.</summary>
    private static ReadOnlySpan<double> Block(Column column, int start, int count, double[] buffer)
    {
        if (column is FloatColumn f)
        {
            return f.Values.Slice(start, count);
        }

        var span = buffer.AsSpan(0, count);
        ColumnValues.ReadContinuous(column, start, span);
        return span;
    }
}
