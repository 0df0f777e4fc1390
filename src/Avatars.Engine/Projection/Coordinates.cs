namespace Avatars.Engine.Projection;

/// <summary>
/// Row coordinates in a factorial space: <see cref="Rows"/> × <see cref="Columns"/> values stored row-major
/// (component <c>k</c> of row <c>i</c> is <c>Data[i * Columns + k]</c>). Column <c>k</c> is saiph's <c>Dim. k+1</c>.
/// </summary>
public sealed class Coordinates
{
    /// <summary>Wraps a row-major array. The array is owned by the instance afterwards: do not modify it.</summary>
    /// <exception cref="ArgumentException">The array length is not <paramref name="rows"/> × <paramref name="columns"/>.</exception>
    public Coordinates(int rows, int columns, double[] data)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        ArgumentNullException.ThrowIfNull(data);
        if ((long)rows * columns != data.Length)
        {
            throw new ArgumentException($"Coordinates of {rows} rows × {columns} columns need {(long)rows * columns} values, got {data.Length}.", nameof(data));
        }

        Rows = rows;
        Columns = columns;
        Data = data;
    }

    /// <summary>The number of rows (individuals).</summary>
    public int Rows { get; }

    /// <summary>The number of components.</summary>
    public int Columns { get; }

    /// <summary>The values, row-major. Treat as read-only.</summary>
    public double[] Data { get; }

    /// <summary>Component <paramref name="column"/> of row <paramref name="row"/>.</summary>
    public double this[int row, int column]
    {
        get
        {
            if ((uint)row >= (uint)Rows || (uint)column >= (uint)Columns)
            {
                throw new ArgumentOutOfRangeException(nameof(row), $"({row}, {column}) is outside {Rows} × {Columns} coordinates.");
            }

            return Data[(row * Columns) + column];
        }
    }

    /// <summary>The coordinates of one row.</summary>
    public ReadOnlySpan<double> Row(int row) => Data.AsSpan(row * Columns, Columns);

    /// <summary>A copy with only the first <paramref name="count"/> components.</summary>
    public Coordinates TakeColumns(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Columns);
        var data = new double[(long)Rows * count];
        for (var i = 0; i < Rows; i++)
        {
            Data.AsSpan(i * Columns, count).CopyTo(data.AsSpan(i * count, count));
        }

        return new Coordinates(Rows, count, data);
    }

    /// <inheritdoc />
    public override string ToString() => $"Coordinates: {Rows} rows × {Columns} components";
}
