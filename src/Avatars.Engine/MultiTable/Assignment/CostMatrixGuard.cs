using System.Globalization;

namespace Avatars.Engine.MultiTable.Assignment;

/// <summary>Validation shared by the assignment solvers; messages name the offending entry.</summary>
internal static class CostMatrixGuard
{
    /// <summary>Checks sizes, buffer length and that every cost is finite.</summary>
    public static void Matrix(ReadOnlySpan<double> cost, int rows, int columns, string paramName)
    {
        if (rows < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), rows, "The number of rows must be at least 0.");
        }

        if (columns < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(columns), columns, "The number of columns must be at least 0.");
        }

        long expected = (long)rows * columns;
        if (cost.Length != expected)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The cost buffer has {cost.Length} entries but rows × columns = {rows} × {columns} = {expected} (row-major)."),
                paramName);
        }

        for (int k = 0; k < cost.Length; k++)
        {
            double c = cost[k];
            if (!double.IsFinite(c))
            {
                string what = double.IsNaN(c) ? "NaN" : c > 0 ? "positive infinity" : "negative infinity";
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Cost [{k / columns}, {k % columns}] (row, column) is {what}; every cost must be a finite number."),
                    paramName);
            }
        }
    }

    /// <summary>Checks that every row can get its own column.</summary>
    public static void RowsNotAboveColumns(int rows, int columns, string paramName)
    {
        if (rows > columns)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The cost matrix has {rows} rows and {columns} columns; an assignment needs rows ≤ columns (each row gets a distinct column). Transpose the matrix to assign columns to rows."),
                paramName);
        }
    }

    /// <summary>Checks capacities (each at least 0) and that they add up to at least <paramref name="rows"/>; returns the total.</summary>
    public static int Capacities(ReadOnlySpan<int> capacities, int rows, string paramName)
    {
        long total = 0;
        for (int j = 0; j < capacities.Length; j++)
        {
            if (capacities[j] < 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Capacity of column {j} is {capacities[j]}; capacities must be at least 0."),
                    paramName);
            }

            total += capacities[j];
        }

        if (total < rows)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The capacities add up to {total} but {rows} rows must be assigned; the total capacity must be at least the number of rows."),
                paramName);
        }

        if (total > Array.MaxLength)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The capacities add up to {total}, more slots than an array can hold."),
                paramName);
        }

        return (int)total;
    }

    /// <summary>Copies a 2-D array into a row-major buffer.</summary>
    public static double[] RowMajor(double[,] cost)
    {
        int rows = cost.GetLength(0);
        int columns = cost.GetLength(1);
        var flat = new double[rows * columns];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                flat[(i * columns) + j] = cost[i, j];
            }
        }

        return flat;
    }
}
