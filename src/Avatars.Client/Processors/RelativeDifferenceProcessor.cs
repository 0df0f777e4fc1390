using Avatars.Data;

namespace Avatars.Client.Processors;

/// <summary>
/// Expresses a numeric column as its difference to the sum of reference columns before avatarization,
/// and rebuilds it afterwards, so that relations such as "goals ≤ attempts" or "age at t1 ≥ age at t0"
/// survive. Chains (t2 vs t1, then t1 vs t0) are preprocessed in that order and postprocessed in the
/// reverse order.
/// </summary>
public sealed class RelativeDifferenceProcessor : IProcessor
{
    /// <summary>Creates the processor.</summary>
    /// <param name="target">The column to express relative to the references.</param>
    /// <param name="references">The columns whose row sum is subtracted; they must have no missing values.</param>
    /// <param name="scalingUnit">The difference is divided by this unit (null or 0: 1).</param>
    /// <param name="targetRename">The name of the difference column (null: replaces <paramref name="target"/>).</param>
    /// <param name="dropOriginalTarget">Drop <paramref name="target"/> after preprocessing; requires <paramref name="targetRename"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="dropOriginalTarget"/> is set without <paramref name="targetRename"/>.</exception>
    public RelativeDifferenceProcessor(string target, IReadOnlyList<string> references, int? scalingUnit = null, string? targetRename = null, bool dropOriginalTarget = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        ArgumentNullException.ThrowIfNull(references);
        if (dropOriginalTarget && targetRename is null)
        {
            throw new ArgumentException(
                $"Expected drop_original_target to be False if a target_rename is None, got {dropOriginalTarget} instead.",
                nameof(dropOriginalTarget));
        }

        Target = target;
        References = references.ToArray();
        ScalingUnit = scalingUnit is null or 0 ? 1 : scalingUnit.Value; // Python: `scaling_unit or 1`
        TargetRename = targetRename ?? target;
        DropOriginalTarget = dropOriginalTarget;
    }

    /// <summary>The column expressed relative to the references.</summary>
    public string Target { get; }

    /// <summary>The reference columns.</summary>
    public IReadOnlyList<string> References { get; }

    /// <summary>The unit the difference is expressed in.</summary>
    public int ScalingUnit { get; }

    /// <summary>The name of the difference column.</summary>
    public string TargetRename { get; }

    /// <summary>Whether <see cref="Target"/> is dropped after preprocessing.</summary>
    public bool DropOriginalTarget { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A reference is missing or has missing values, or the target is missing.</exception>
    public Table Preprocess(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var referenceSum = ReferenceSum(data);
        var target = ColumnData.ToDoubles(ColumnData.Require(data, Target, data.UnknownColumnMessage(Target)));
        var values = new double[target.Length];
        for (var r = 0; r < values.Length; r++)
        {
            values[r] = (target[r] - referenceSum[r]) / ScalingUnit;
        }

        var result = data.WithColumn(new FloatColumn(TargetRename, values));
        return DropOriginalTarget ? result.Drop(Target) : result;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A reference is missing or has missing values, or the difference column is missing.</exception>
    public Table Postprocess(Table source, Table dest)
    {
        ArgumentNullException.ThrowIfNull(dest);
        var referenceSum = ReferenceSum(dest);
        var difference = ColumnData.Require(dest, TargetRename, dest.UnknownColumnMessage(TargetRename));
        var diff = ColumnData.ToDoubles(difference);
        var values = new double[diff.Length];
        for (var r = 0; r < values.Length; r++)
        {
            values[r] = (diff[r] * ScalingUnit) + referenceSum[r]; // a missing difference stays missing
        }

        // Integer inputs give an integer target, as pandas keeps int64 for int arithmetic.
        var asInt = difference.Type == ColumnType.Int && References.All(n => dest[n].Type == ColumnType.Int);
        return dest.WithColumn(ColumnData.Numeric(Target, values, asInt));
    }

    private double[] ReferenceSum(Table table)
    {
        var missing = References.Where(n => !table.Contains(n)).ToArray();
        if (missing.Length > 0)
        {
            throw new ArgumentException(
                $"Expected all reference variables in dataset columns, got {{{string.Join(", ", missing.Select(m => $"'{m}'"))}}} instead.",
                nameof(References));
        }

        var sum = new double[table.RowCount];
        foreach (var name in References)
        {
            var values = ColumnData.ToDoubles(table[name]);
            if (values.Any(double.IsNaN))
            {
                throw new ArgumentException("Expected no missing values for `references`, got column with missing values instead", name);
            }

            for (var r = 0; r < sum.Length; r++)
            {
                sum[r] += values[r];
            }
        }

        return sum;
    }
}
