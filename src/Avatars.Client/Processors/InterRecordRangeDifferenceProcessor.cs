using Avatars.Data;

namespace Avatars.Client.Processors;

/// <summary>
/// Expresses consecutive ranges of repeated records (start ≤ end ≤ next start ≤ next end…, several rows
/// per individual) as the individual's first start, each record's range (end − start) and the gap to
/// the previous record's end, so that avatarized sequences keep their ordering.
/// </summary>
/// <example>
/// id <c>[1,2,1,1,2,2]</c>, start <c>[7,14,6,12,10,23]</c>, end <c>[8,18,7,15,12,24]</c> (sorted by start) become
/// range <c>[1,4,1,3,2,1]</c>, first <c>[6,10,6,6,10,10]</c> and difference <c>[0,2,0,4,0,5]</c>.
/// </example>
public sealed class InterRecordRangeDifferenceProcessor : IProcessor
{
    /// <summary>Creates the processor.</summary>
    /// <param name="idVariable">The column identifying the individual of each row.</param>
    /// <param name="targetStartVariable">The column holding the start of each range.</param>
    /// <param name="targetEndVariable">The column holding the end of each range.</param>
    /// <param name="sortByVariable">The column ordering the records of an individual.</param>
    /// <param name="newFirstVariable">The name of the column holding each individual's first start.</param>
    /// <param name="newRangeVariable">The name of the column holding end − start.</param>
    /// <param name="newDifferenceVariable">The name of the column holding the gap to the previous record's end.</param>
    /// <param name="keepRecordOrder">
    /// In <see cref="Postprocess"/>, rebuild in the order of the original records (only when <c>dest</c> is the
    /// unshuffled avatars of <c>source</c>, row for row) instead of <c>dest</c>'s row order.
    /// </param>
    public InterRecordRangeDifferenceProcessor(
        string idVariable,
        string targetStartVariable,
        string targetEndVariable,
        string sortByVariable,
        string newFirstVariable,
        string newRangeVariable,
        string newDifferenceVariable,
        bool keepRecordOrder = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(idVariable);
        ArgumentException.ThrowIfNullOrEmpty(targetStartVariable);
        ArgumentException.ThrowIfNullOrEmpty(targetEndVariable);
        ArgumentException.ThrowIfNullOrEmpty(sortByVariable);
        ArgumentException.ThrowIfNullOrEmpty(newFirstVariable);
        ArgumentException.ThrowIfNullOrEmpty(newRangeVariable);
        ArgumentException.ThrowIfNullOrEmpty(newDifferenceVariable);
        IdVariable = idVariable;
        TargetStartVariable = targetStartVariable;
        TargetEndVariable = targetEndVariable;
        SortByVariable = sortByVariable;
        NewFirstVariable = newFirstVariable;
        NewRangeVariable = newRangeVariable;
        NewDifferenceVariable = newDifferenceVariable;
        KeepRecordOrder = keepRecordOrder;
    }

    /// <summary>The column identifying the individual of each row.</summary>
    public string IdVariable { get; }

    /// <summary>The range start column.</summary>
    public string TargetStartVariable { get; }

    /// <summary>The range end column.</summary>
    public string TargetEndVariable { get; }

    /// <summary>The column ordering the records of an individual.</summary>
    public string SortByVariable { get; }

    /// <summary>The first-start column.</summary>
    public string NewFirstVariable { get; }

    /// <summary>The range column.</summary>
    public string NewRangeVariable { get; }

    /// <summary>The gap column.</summary>
    public string NewDifferenceVariable { get; }

    /// <summary>Whether <see cref="Postprocess"/> rebuilds in the original record order.</summary>
    public bool KeepRecordOrder { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A configured column is missing or has missing values.</exception>
    public Table Preprocess(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        string[] names = [IdVariable, TargetStartVariable, TargetEndVariable, SortByVariable];
        if (names.Any(n => !data.Contains(n)))
        {
            throw new ArgumentException(
                "Expected valid variable names for `id_variable`, `target_start_variable`, `target_end_variable` and `sort_by_variable`, "
                + $"got '{IdVariable}', '{TargetStartVariable}', '{TargetEndVariable}' and '{SortByVariable}' instead",
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
        var endColumn = data[TargetEndVariable];
        var start = ColumnData.ToDoubles(startColumn);
        var end = ColumnData.ToDoubles(endColumn);
        var range = new double[start.Length];
        var first = new double[start.Length];
        var diff = new double[start.Length];
        foreach (var rows in InterRecord.GroupInOrder(id, ColumnData.StableSort([id, data[SortByVariable]], data.RowCount)))
        {
            for (var k = 0; k < rows.Count; k++)
            {
                var row = rows[k];
                range[row] = end[row] - start[row];
                first[row] = start[rows[0]];
                diff[row] = k == 0 ? 0 : start[row] - end[rows[k - 1]];
            }
        }

        var asInt = startColumn.Type == ColumnType.Int && endColumn.Type == ColumnType.Int;
        return data.Drop(TargetStartVariable, TargetEndVariable)
            .WithColumn(ColumnData.Numeric(NewRangeVariable, range, asInt))
            .WithColumn(ColumnData.Numeric(NewFirstVariable, first, startColumn.Type == ColumnType.Int))
            .WithColumn(ColumnData.Numeric(NewDifferenceVariable, diff, asInt));
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">
    /// A column is missing or has missing values, or <see cref="KeepRecordOrder"/> is set and the tables have different row counts.
    /// </exception>
    public Table Postprocess(Table source, Table dest)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(dest);
        string[] names = [IdVariable, NewFirstVariable, NewRangeVariable, NewDifferenceVariable];
        if (names.Any(n => !dest.Contains(n)))
        {
            throw new ArgumentException(
                "Expected valid variable names for `id_variable`, `new_first_variable`, `new_range_variable` and `new_difference_variable`, "
                + $"got '{IdVariable}', '{NewFirstVariable}', '{NewRangeVariable}' and '{NewDifferenceVariable}' instead",
                nameof(dest));
        }

        var sortBy = ColumnData.Require(source, SortByVariable, $"Expected a valid `sort_by_variable`, got '{SortByVariable}' instead");
        foreach (var name in names)
        {
            InterRecord.RequireNoMissing(
                dest[name],
                "Expected no missing values for `id_variable`, `new_first_variable`, `new_range_variable` and `new_difference_variable`, got columns with nulls instead");
        }

        InterRecord.RequireNoMissing(sortBy, "Expected no missing values for `sort_by_variable` in source, got column with nulls instead");
        if (KeepRecordOrder)
        {
            InterRecord.RequireSameRows(source, dest);
        }

        var order = KeepRecordOrder
            ? ColumnData.StableSort([ColumnData.Require(source, IdVariable, source.UnknownColumnMessage(IdVariable)), sortBy], source.RowCount)
            : Enumerable.Range(0, dest.RowCount).ToArray();
        var firstColumn = dest[NewFirstVariable];
        var rangeColumn = dest[NewRangeVariable];
        var diffColumn = dest[NewDifferenceVariable];
        var first = ColumnData.ToDoubles(firstColumn);
        var range = ColumnData.ToDoubles(rangeColumn);
        var diff = ColumnData.ToDoubles(diffColumn);
        var start = new double[dest.RowCount];
        var end = new double[dest.RowCount];
        foreach (var rows in InterRecord.GroupInOrder(dest[IdVariable], order))
        {
            // start = first + (sum of the previous ranges) + (sum of the gaps so far).
            var total = 0.0;
            for (var k = 0; k < rows.Count; k++)
            {
                var row = rows[k];
                total += (k == 0 ? 0 : range[rows[k - 1]]) + diff[row];
                start[row] = first[row] + total;
                end[row] = start[row] + range[row];
            }
        }

        var asInt = firstColumn.Type == ColumnType.Int && rangeColumn.Type == ColumnType.Int && diffColumn.Type == ColumnType.Int;
        return dest.Drop(NewDifferenceVariable, NewRangeVariable, NewFirstVariable)
            .WithColumn(ColumnData.Numeric(TargetStartVariable, start, asInt))
            .WithColumn(ColumnData.Numeric(TargetEndVariable, end, asInt));
    }
}
