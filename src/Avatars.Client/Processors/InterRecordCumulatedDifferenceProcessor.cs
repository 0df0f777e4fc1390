using Avatars.Data;

namespace Avatars.Client.Processors;

/// <summary>
/// Expresses a cumulative variable of repeated records (several rows per individual) as the individual's
/// first value plus the difference to the previous record, so that avatarized sequences stay monotonic.
/// Records of an individual are ordered by the target value itself.
/// </summary>
/// <example>
/// id <c>[1,2,1,1,2,2]</c>, value <c>[1025,20042,1000,1130,20000,20040]</c> become
/// first <c>[1000,20000,1000,1000,20000,20000]</c> and difference <c>[25,2,0,105,0,40]</c>.
/// </example>
public sealed class InterRecordCumulatedDifferenceProcessor : IProcessor
{
    /// <summary>Creates the processor.</summary>
    /// <param name="idVariable">The column identifying the individual of each row.</param>
    /// <param name="targetVariable">The cumulative column to transform.</param>
    /// <param name="newFirstVariableName">The name of the column holding each individual's first value.</param>
    /// <param name="newDifferenceVariableName">The name of the column holding the difference to the previous record.</param>
    /// <param name="keepRecordOrder">
    /// In <see cref="Postprocess"/>, accumulate the differences in the order of the original records (only when
    /// <c>dest</c> is the unshuffled avatars of <c>source</c>, row for row) instead of <c>dest</c>'s row order.
    /// </param>
    public InterRecordCumulatedDifferenceProcessor(string idVariable, string targetVariable, string newFirstVariableName, string newDifferenceVariableName, bool keepRecordOrder = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(idVariable);
        ArgumentException.ThrowIfNullOrEmpty(targetVariable);
        ArgumentException.ThrowIfNullOrEmpty(newFirstVariableName);
        ArgumentException.ThrowIfNullOrEmpty(newDifferenceVariableName);
        IdVariable = idVariable;
        TargetVariable = targetVariable;
        NewFirstVariableName = newFirstVariableName;
        NewDifferenceVariableName = newDifferenceVariableName;
        KeepRecordOrder = keepRecordOrder;
    }

    /// <summary>The column identifying the individual of each row.</summary>
    public string IdVariable { get; }

    /// <summary>The cumulative column.</summary>
    public string TargetVariable { get; }

    /// <summary>The first-value column.</summary>
    public string NewFirstVariableName { get; }

    /// <summary>The difference column.</summary>
    public string NewDifferenceVariableName { get; }

    /// <summary>Whether <see cref="Postprocess"/> accumulates in the original record order.</summary>
    public bool KeepRecordOrder { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The id or target column is missing or has missing values.</exception>
    public Table Preprocess(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (id, targetColumn, target) = InterRecord.ReadIdAndTarget(data, IdVariable, TargetVariable);
        var first = new double[target.Length];
        var diff = new double[target.Length];
        var order = ColumnData.StableSort([id, targetColumn], data.RowCount);
        foreach (var rows in InterRecord.GroupInOrder(id, order))
        {
            for (var k = 0; k < rows.Count; k++)
            {
                first[rows[k]] = target[rows[0]];
                diff[rows[k]] = k == 0 ? 0 : target[rows[k]] - target[rows[k - 1]];
            }
        }

        var asInt = targetColumn.Type == ColumnType.Int;
        return data.Drop(TargetVariable)
            .WithColumn(ColumnData.Numeric(NewFirstVariableName, first, asInt))
            .WithColumn(ColumnData.Numeric(NewDifferenceVariableName, diff, asInt));
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">
    /// A column is missing or has missing values, or <see cref="KeepRecordOrder"/> is set and the tables have different row counts.
    /// </exception>
    public Table Postprocess(Table source, Table dest)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(dest);
        var firstColumn = ColumnData.Require(dest, NewFirstVariableName, $"Expected a valid `new_first_variable_name`, got {NewFirstVariableName} instead");
        var diffColumn = ColumnData.Require(dest, NewDifferenceVariableName, $"Expected a valid `new_difference_variable_name`, got {NewDifferenceVariableName} instead");
        var id = ColumnData.Require(dest, IdVariable, $"Expected a valid `id_variable`, got {IdVariable} instead");
        var sourceId = ColumnData.Require(source, IdVariable, $"Expected a valid `id_variable`, got {IdVariable} instead");
        var sourceTarget = ColumnData.Require(source, TargetVariable, $"Expected a valid `target_variable`, got {TargetVariable} instead");
        InterRecord.RequireNoMissing(sourceId, "Expected no missing values for id variable in source, got column with nulls instead");
        InterRecord.RequireNoMissing(sourceTarget, "Expected no missing values for target variable in source, got column with nulls instead");
        InterRecord.RequireNoMissing(diffColumn, "Expected no missing values for `new_difference_variable_name`, got column with nulls instead");
        InterRecord.RequireNoMissing(firstColumn, "Expected no missing values for `new_first_variable_name`, got column with nulls instead");
        if (KeepRecordOrder)
        {
            InterRecord.RequireSameRows(source, dest);
        }

        // With keepRecordOrder, dest row i is the avatar of source row i: accumulate in the order the
        // original records were sorted in preprocessing. Otherwise in dest's own row order.
        var order = KeepRecordOrder
            ? ColumnData.StableSort([sourceId, sourceTarget], source.RowCount)
            : Enumerable.Range(0, dest.RowCount).ToArray();
        var first = ColumnData.ToDoubles(firstColumn);
        var diff = ColumnData.ToDoubles(diffColumn);
        var target = new double[dest.RowCount];
        foreach (var rows in InterRecord.GroupInOrder(id, order))
        {
            var sum = 0.0;
            foreach (var row in rows)
            {
                sum += diff[row];
                target[row] = first[row] + sum;
            }
        }

        var asInt = firstColumn.Type == ColumnType.Int && diffColumn.Type == ColumnType.Int;
        return dest.Drop(NewFirstVariableName, NewDifferenceVariableName)
            .WithColumn(ColumnData.Numeric(TargetVariable, target, asInt));
    }
}
