using System.Globalization;
using Avatars.Data;
using Avatars.Server.Hosting;

namespace Avatars.Server.Jobs.Runners;

/// <summary>The row and dimension limits of api.md §20, checked before any computation.</summary>
internal static class TableLimits
{
    /// <summary>How many rows to read at most: enough to report the exact count of a table up to twice the limit, without loading a huge file whole.</summary>
    public static int ReadCap(LimitsOptions limits) => (int)Math.Min(int.MaxValue - 1, (limits.MaxRows * 2) + 1);

    /// <summary>Fails when <paramref name="table"/> has more rows than allowed.</summary>
    public static void CheckRows(Table table, LimitsOptions limits)
    {
        if (table.RowCount <= limits.MaxRows)
        {
            return;
        }

        var count = table.RowCount >= ReadCap(limits) ? $"more than {Format(ReadCap(limits) - 1)}" : Format(table.RowCount);
        throw new JobFailedException($"table \"{table.Name}\" has {count} rows; the limit is {Format(limits.MaxRows)}");
    }

    /// <summary>
    /// Fails when the columns entering the projection (all but <paramref name="leftOut"/>: identifiers, excluded
    /// variables) have more dimensions than allowed: one per continuous column plus one per distinct non-missing value
    /// of each category column.
    /// </summary>
    public static void CheckDimensions(Table table, IEnumerable<string> leftOut, LimitsOptions limits)
    {
        var skipped = leftOut.ToHashSet(StringComparer.Ordinal);
        var continuous = 0;
        var categorical = 0;
        (string Name, int Values)? largest = null;
        foreach (var column in table.Columns.Where(c => !skipped.Contains(c.Name)))
        {
            if (column is CategoryColumn category)
            {
                var values = DistinctValues(category);
                categorical += values;
                if (largest is null || values > largest.Value.Values)
                {
                    largest = (column.Name, values);
                }
            }
            else
            {
                continuous++;
            }
        }

        var total = continuous + categorical;
        if (total <= limits.MaxDimensions)
        {
            return;
        }

        var hint = largest is { } l && l.Values > 1
            ? $"; the category column \"{l.Name}\" alone has {Format(l.Values)} values: group rare values, exclude the column (exclude_variables) or mark it as an identifier"
            : "; exclude some columns (exclude_variables)";
        throw new JobFailedException(
            $"table \"{table.Name}\" has {Format(total)} dimensions ({Format(continuous)} continuous columns and {Format(categorical)} category values); the limit is {Format(limits.MaxDimensions)}{hint}");
    }

    /// <summary>Thousands separated by spaces, as in the API's messages (<c>2 000 000</c>).</summary>
    public static string Format(long value) => value.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', ' ');

    private static int DistinctValues(CategoryColumn column)
    {
        var used = new bool[column.LevelCount];
        var count = 0;
        foreach (var code in column.Codes)
        {
            if (code >= 0 && !used[code])
            {
                used[code] = true;
                count++;
            }
        }

        return count;
    }
}
