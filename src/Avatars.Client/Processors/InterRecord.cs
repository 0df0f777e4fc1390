using System.Globalization;
using Avatars.Data;

namespace Avatars.Client.Processors;

/// <summary>Helpers shared by the four inter-record processors.</summary>
internal static class InterRecord
{
    /// <summary>
    /// The id column and the target column and values of a cumulated-difference processor, both required and complete
    /// (the vendor's messages).
    /// </summary>
    public static (Column Id, Column TargetColumn, double[] Target) ReadIdAndTarget(Table data, string idVariable, string targetVariable)
    {
        var id = ColumnData.Require(data, idVariable, $"Expected a valid `id_variable`, got {idVariable} instead");
        var target = ColumnData.Require(data, targetVariable, $"Expected a valid `target_variable`, got {targetVariable} instead");
        RequireNoMissing(id, "Expected no missing values for id variable, got column with nulls instead");
        RequireNoMissing(target, "Expected no missing values for target variable, got column with nulls instead");
        return (id, target, ColumnData.ToDoubles(target));
    }

    /// <summary>Throws <paramref name="message"/> when the column has a missing value.</summary>
    public static void RequireNoMissing(Column column, string message)
    {
        if (column.MissingCount > 0)
        {
            throw new ArgumentException(message, column.Name);
        }
    }

    /// <summary>
    /// The keep-record-order precondition. Python compares the index sets of source and dest; tables have
    /// no row labels, so row i of dest must be the avatar of row i of source: the row counts must match.
    /// </summary>
    public static void RequireSameRows(Table source, Table dest)
    {
        if (source.RowCount != dest.RowCount)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Expected `keep_record_order` to be `True` only if source and dest have same indices, got source and dest with different indices ({source.RowCount} and {dest.RowCount} rows)"),
                nameof(dest));
        }
    }

    /// <summary>
    /// The rows of each individual, visiting <paramref name="order"/> in sequence: individuals in order of
    /// first appearance, their rows in visiting order.
    /// </summary>
    public static List<List<int>> GroupInOrder(Column id, IReadOnlyList<int> order)
    {
        var groups = new List<List<int>>();
        var byKey = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var row in order)
        {
            var key = ColumnData.Key(id, row) ?? "\0";
            if (!byKey.TryGetValue(key, out var rows))
            {
                rows = [];
                byKey.Add(key, rows);
                groups.Add(rows);
            }

            rows.Add(row);
        }

        return groups;
    }

    /// <summary>Replaces ±∞ and NaN by 0, as the vendor does for its relative changes.</summary>
    public static double Finite(double value) => double.IsFinite(value) ? value : 0;

    /// <summary>
    /// The bounded relative change from <paramref name="previous"/> to <paramref name="value"/>: the share of the
    /// way to the upper bound when increasing (or equal), minus the share of the way to the lower bound when decreasing.
    /// </summary>
    public static double RelativeChange(double previous, double value, double lower, double upper) =>
        value < previous
            ? Finite(-Math.Abs(value - previous) / Math.Abs(previous - lower))
            : Finite(Math.Abs(value - previous) / Math.Abs(previous - upper));

    /// <summary>The inverse of <see cref="RelativeChange"/>.</summary>
    public static double ApplyChange(double previous, double change, double lower, double upper) =>
        change >= 0
            ? previous + (change * Math.Abs(previous - upper))
            : previous - (Math.Abs(change) * Math.Abs(previous - lower));
}
