using Avatars.Data;

namespace Avatars.Client.Processors;

/// <summary>
/// Expresses consecutive ranges of repeated records (start and end of each record, several rows per
/// individual) relative to the bounds of the data: each record's range and the change from the previous
/// record's end are shares of the possible change towards the lower or upper bound (the minimum and
/// maximum over start and end). Postprocessed values therefore always stay within the original bounds.
/// </summary>
/// <example>
/// id <c>[1,1,1,2,2,2]</c>, start <c>[30,100,80,70,40,70]</c>, end <c>[10,80,70,60,30,5]</c> become
/// range <c>[-0.8,-0.210526,-0.133333,-0.153846,-0.285714,-1]</c>, first <c>[30,30,30,70,70,70]</c> and
/// difference <c>[0,1,0,0,-0.363636,0.571429]</c>.
/// </example>
public sealed class InterRecordBoundedRangeDifferenceProcessor : IProcessor
{
    /// <summary>Creates the processor.</summary>
    /// <param name="idVariable">The column identifying the individual of each row.</param>
    /// <param name="targetStartVariable">The column holding the start of each range.</param>
    /// <param name="targetEndVariable">The column holding the end of each range.</param>
    /// <param name="newFirstVariableName">The name of the column holding each individual's first start.</param>
    /// <param name="newRangeVariable">The name of the column holding the bounded relative range.</param>
    /// <param name="newDifferenceVariableName">The name of the column holding the bounded change from the previous end.</param>
    /// <param name="sortByVariable">The column ordering the records of an individual; null keeps the row order.</param>
    /// <param name="shouldRoundOutput">Round postprocessed values to integers (half to even).</param>
    public InterRecordBoundedRangeDifferenceProcessor(
        string idVariable,
        string targetStartVariable,
        string targetEndVariable,
        string newFirstVariableName,
        string newRangeVariable,
        string newDifferenceVariableName,
        string? sortByVariable = null,
        bool shouldRoundOutput = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(idVariable);
        ArgumentException.ThrowIfNullOrEmpty(targetStartVariable);
        ArgumentException.ThrowIfNullOrEmpty(targetEndVariable);
        ArgumentException.ThrowIfNullOrEmpty(newFirstVariableName);
        ArgumentException.ThrowIfNullOrEmpty(newRangeVariable);
        ArgumentException.ThrowIfNullOrEmpty(newDifferenceVariableName);
        IdVariable = idVariable;
        TargetStartVariable = targetStartVariable;
        TargetEndVariable = targetEndVariable;
        NewFirstVariableName = newFirstVariableName;
        NewRangeVariable = newRangeVariable;
        NewDifferenceVariableName = newDifferenceVariableName;
        SortByVariable = string.IsNullOrEmpty(sortByVariable) ? null : sortByVariable;
        ShouldRoundOutput = shouldRoundOutput;
    }

    /// <summary>The column identifying the individual of each row.</summary>
    public string IdVariable { get; }

    /// <summary>The range start column.</summary>
    public string TargetStartVariable { get; }

    /// <summary>The range end column.</summary>
    public string TargetEndVariable { get; }

    /// <summary>The first-start column.</summary>
    public string NewFirstVariableName { get; }

    /// <summary>The relative range column.</summary>
    public string NewRangeVariable { get; }

    /// <summary>The relative change column.</summary>
    public string NewDifferenceVariableName { get; }

    /// <summary>The column ordering the records of an individual (null: row order).</summary>
    public string? SortByVariable { get; }

    /// <summary>Whether postprocessed values are rounded to integers.</summary>
    public bool ShouldRoundOutput { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A configured column is missing or has missing values.</exception>
    public Table Preprocess(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var names = new List<string> { IdVariable, TargetStartVariable, TargetEndVariable };
        if (SortByVariable is not null)
        {
            names.Add(SortByVariable);
        }

        if (names.Any(n => !data.Contains(n)))
        {
            throw new ArgumentException(
                "Expected valid variable names for `id_variable`, `target_start_variable`, `target_end_variable` and `sort_by_variable`, "
                + $"got '{IdVariable}', '{TargetStartVariable}', '{TargetEndVariable}' and '{SortByVariable ?? "None"}' instead",
                nameof(data));
        }

        foreach (var name in names)
        {
            InterRecord.RequireNoMissing(
                data[name],
                "Expected no missing values for `id_variable`, `target_start_variable`, `target_end_variable` and `sort_by_variable`, got columns with nulls instead");
        }

        var id = data[IdVariable];
        var startColumn = data[TargetStartVariable];
        var start = ColumnData.ToDoubles(startColumn);
        var end = ColumnData.ToDoubles(data[TargetEndVariable]);
        var (lower, upper) = Bounds(start, end);
        Column[] keys = SortByVariable is null ? [id] : [id, data[SortByVariable]];
        var range = new double[start.Length];
        var first = new double[start.Length];
        var diff = new double[start.Length];
        foreach (var rows in InterRecord.GroupInOrder(id, ColumnData.StableSort(keys, data.RowCount)))
        {
            for (var k = 0; k < rows.Count; k++)
            {
                var row = rows[k];
                range[row] = InterRecord.RelativeChange(start[row], end[row], lower, upper);
                first[row] = start[rows[0]];
                var previous = k == 0 ? start[row] : end[rows[k - 1]];
                diff[row] = InterRecord.RelativeChange(previous, start[row], lower, upper);
            }
        }

        return data.Drop(TargetStartVariable, TargetEndVariable)
            .WithColumn(new FloatColumn(NewRangeVariable, range))
            .WithColumn(ColumnData.Numeric(NewFirstVariableName, first, startColumn.Type == ColumnType.Int))
            .WithColumn(new FloatColumn(NewDifferenceVariableName, diff));
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A column is missing from <paramref name="source"/> or <paramref name="dest"/>, or has missing values.</exception>
    public Table Postprocess(Table source, Table dest)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(dest);

        // Python does not validate here; these checks turn its KeyErrors/NaNs into clear messages.
        foreach (var name in new[] { IdVariable, NewFirstVariableName, NewRangeVariable, NewDifferenceVariableName })
        {
            InterRecord.RequireNoMissing(ColumnData.Require(dest, name, dest.UnknownColumnMessage(name)), $"Expected no missing values for `{name}` in dest, got column with nulls instead");
        }

        var sourceStart = ColumnData.Require(source, TargetStartVariable, source.UnknownColumnMessage(TargetStartVariable));
        var sourceEnd = ColumnData.Require(source, TargetEndVariable, source.UnknownColumnMessage(TargetEndVariable));
        var (lower, upper) = Bounds(ColumnData.ToDoubles(sourceStart), ColumnData.ToDoubles(sourceEnd));
        var id = dest[IdVariable];
        var first = ColumnData.ToDoubles(dest[NewFirstVariableName]);
        var range = ColumnData.ToDoubles(dest[NewRangeVariable]);
        var diff = ColumnData.ToDoubles(dest[NewDifferenceVariableName]);
        var start = new double[dest.RowCount];
        var end = new double[dest.RowCount];
        foreach (var rows in InterRecord.GroupInOrder(id, ColumnData.StableSort([id], dest.RowCount)))
        {
            var previous = first[rows[0]];
            foreach (var row in rows)
            {
                start[row] = InterRecord.ApplyChange(previous, diff[row], lower, upper);
                end[row] = InterRecord.ApplyChange(start[row], range[row], lower, upper);
                previous = end[row];
            }
        }

        if (ShouldRoundOutput)
        {
            // Half to even like the bounded cumulated processor (Python truncated here).
            for (var r = 0; r < start.Length; r++)
            {
                start[r] = Math.Round(start[r], MidpointRounding.ToEven);
                end[r] = Math.Round(end[r], MidpointRounding.ToEven);
            }
        }

        var result = dest.Drop(NewDifferenceVariableName, NewFirstVariableName, NewRangeVariable)
            .WithColumn(ColumnData.Numeric(TargetStartVariable, start, ShouldRoundOutput))
            .WithColumn(ColumnData.Numeric(TargetEndVariable, end, ShouldRoundOutput));

        // The source's columns first, in the source's order, then the others.
        var common = source.ColumnNames.Where(result.Contains);
        var others = result.ColumnNames.Where(n => !source.Contains(n));
        return result.Select(common.Concat(others).ToArray());
    }

    private static (double Lower, double Upper) Bounds(double[] start, double[] end) =>
        start.Length == 0 ? (double.NaN, double.NaN) : (Math.Min(start.Min(), end.Min()), Math.Max(start.Max(), end.Max()));
}
