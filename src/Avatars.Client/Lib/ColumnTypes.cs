using Avatars.Client.Processors;
using Avatars.Data;

namespace Avatars.Client.Lib;

/// <summary>Column classification helpers of the vendor's <c>avatars.lib</c> (continuous threshold, column-type split).</summary>
public static class ColumnTypes
{
    /// <summary>
    /// The names of the columns that pandas would not hold as object, category or nullable boolean
    /// (ints, floats, timestamps, booleans without missing values) and that have at most
    /// <paramref name="threshold"/> distinct non-missing values.
    /// </summary>
    /// <param name="data">The table to inspect.</param>
    /// <param name="threshold">The largest number of distinct values a returned column may have.</param>
    /// <returns>The column names, in table order.</returns>
    public static IReadOnlyList<string> GetContinuousUnderThreshold(Table data, int threshold = 10)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.Columns
            .Where(c => !IsCategoricalDType(c) && DistinctCount(c) <= threshold)
            .Select(c => c.Name)
            .ToArray();
    }

    /// <summary>
    /// Splits the column positions into continuous (numeric: ints and floats) and categorical (the rest:
    /// categories, booleans, timestamps).
    /// </summary>
    /// <param name="data">The table to inspect.</param>
    /// <returns>The zero-based column positions of each kind, in table order.</returns>
    public static (IReadOnlyList<int> Continuous, IReadOnlyList<int> Categorical) SplitColumnsTypes(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var continuous = new List<int>();
        var categorical = new List<int>();
        for (var i = 0; i < data.ColumnCount; i++)
        {
            (ColumnData.IsNumeric(data[i]) ? continuous : categorical).Add(i);
        }

        return (continuous, categorical);
    }

    /// <summary>The number of distinct non-missing values of a column (pandas <c>nunique()</c>).</summary>
    public static int DistinctCount(Column column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < column.Length; r++)
        {
            if (!column.IsMissing(r))
            {
                seen.Add(column.FormatValue(r)!);
            }
        }

        return seen.Count;
    }

    /// <summary>
    /// True for the columns pandas holds as object/category/nullable boolean. A boolean column with missing
    /// values can only be a nullable <c>boolean</c> in pandas; without missing values it is a numpy bool.
    /// </summary>
    internal static bool IsCategoricalDType(Column column) =>
        column.Type == ColumnType.Category || (column.Type == ColumnType.Bool && column.MissingCount > 0);
}
