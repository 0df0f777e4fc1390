using Avatars.Data;

namespace Avatars.Client.Processors;

/// <summary>
/// Expresses a variable of repeated records (several rows per individual, in row order) as the
/// individual's first value plus, for each record, the change from the previous record as a share of
/// the possible change towards the bound (the column's minimum when decreasing, its maximum when
/// increasing). Postprocessed values therefore always stay within the original bounds.
/// </summary>
/// <example>
/// With bounds 10 and 100, going from 60 to 30 is <c>(30 − 60) / (60 − 10) = −0.6</c>.
/// </example>
public sealed class InterRecordBoundedCumulatedDifferenceProcessor : IProcessor
{
    /// <summary>Creates the processor.</summary>
    /// <param name="idVariable">The column identifying the individual of each row.</param>
    /// <param name="targetVariable">The column to transform.</param>
    /// <param name="newFirstVariableName">The name of the column holding each individual's first value.</param>
    /// <param name="newDifferenceVariableName">The name of the column holding the bounded relative change.</param>
    /// <param name="shouldRoundOutput">Round postprocessed values to integers (half to even).</param>
    public InterRecordBoundedCumulatedDifferenceProcessor(string idVariable, string targetVariable, string newFirstVariableName, string newDifferenceVariableName, bool shouldRoundOutput = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(idVariable);
        ArgumentException.ThrowIfNullOrEmpty(targetVariable);
        ArgumentException.ThrowIfNullOrEmpty(newFirstVariableName);
        ArgumentException.ThrowIfNullOrEmpty(newDifferenceVariableName);
        IdVariable = idVariable;
        TargetVariable = targetVariable;
        NewFirstVariableName = newFirstVariableName;
        NewDifferenceVariableName = newDifferenceVariableName;
        ShouldRoundOutput = shouldRoundOutput;
    }

    /// <summary>The column identifying the individual of each row.</summary>
    public string IdVariable { get; }

    /// <summary>The transformed column.</summary>
    public string TargetVariable { get; }

    /// <summary>The first-value column.</summary>
    public string NewFirstVariableName { get; }

    /// <summary>The relative-change column.</summary>
    public string NewDifferenceVariableName { get; }

    /// <summary>Whether postprocessed values are rounded to integers.</summary>
    public bool ShouldRoundOutput { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The id or target column is missing or has missing values.</exception>
    public Table Preprocess(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (id, targetColumn, target) = InterRecord.ReadIdAndTarget(data, IdVariable, TargetVariable);
        var (lower, upper) = Bounds(target);
        var first = new double[target.Length];
        var diff = new double[target.Length];

        // No sorting: the row order is the sequence of the records.
        foreach (var rows in InterRecord.GroupInOrder(id, Enumerable.Range(0, data.RowCount).ToArray()))
        {
            for (var k = 0; k < rows.Count; k++)
            {
                var row = rows[k];
                first[row] = target[rows[0]];
                var previous = k == 0 ? target[row] : target[rows[k - 1]];
                diff[row] = InterRecord.RelativeChange(previous, target[row], lower, upper);
            }
        }

        return data.Drop(TargetVariable)
            .WithColumn(ColumnData.Numeric(NewFirstVariableName, first, targetColumn.Type == ColumnType.Int))
            .WithColumn(new FloatColumn(NewDifferenceVariableName, diff));
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A column is missing or has missing values.</exception>
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

        var (lower, upper) = Bounds(ColumnData.ToDoubles(sourceTarget));
        var first = ColumnData.ToDoubles(firstColumn);
        var diff = ColumnData.ToDoubles(diffColumn);
        var target = new double[dest.RowCount];
        foreach (var rows in InterRecord.GroupInOrder(id, Enumerable.Range(0, dest.RowCount).ToArray()))
        {
            var previous = first[rows[0]];
            foreach (var row in rows)
            {
                // Written back to the row itself (Python assigned by position after a label sort).
                previous = InterRecord.ApplyChange(previous, diff[row], lower, upper);
                target[row] = previous;
            }
        }

        if (ShouldRoundOutput)
        {
            for (var r = 0; r < target.Length; r++)
            {
                target[r] = Math.Round(target[r], MidpointRounding.ToEven);
            }
        }

        return dest.Drop(NewFirstVariableName, NewDifferenceVariableName)
            .WithColumn(ColumnData.Numeric(TargetVariable, target, ShouldRoundOutput));
    }

    private static (double Lower, double Upper) Bounds(double[] values) =>
        values.Length == 0 ? (double.NaN, double.NaN) : (values.Min(), values.Max());
}
