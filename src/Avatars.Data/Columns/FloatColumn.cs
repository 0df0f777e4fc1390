using System.Globalization;

namespace Avatars.Data;

/// <summary>A column of real numbers; NaN marks a missing value.</summary>
public sealed class FloatColumn : Column
{
    private readonly double[] values;

    /// <summary>Creates a float column. The array is owned by the column afterwards: do not modify it.</summary>
    public FloatColumn(string name, double[] values)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(values);
        this.values = values;
    }

    /// <inheritdoc />
    public override ColumnType Type => ColumnType.Float;

    /// <inheritdoc />
    public override int Length => values.Length;

    /// <summary>The values (NaN = missing).</summary>
    public ReadOnlySpan<double> Values => values;

    /// <summary>The value of a row (NaN when missing).</summary>
    public double this[int row] => values[row];

    /// <inheritdoc />
    public override bool IsMissing(int row) => double.IsNaN(values[row]);

    /// <inheritdoc />
    public override string? FormatValue(int row) =>
        double.IsNaN(values[row]) ? null : values[row].ToString("R", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override object? GetValue(int row) => double.IsNaN(values[row]) ? null : values[row];

    /// <inheritdoc />
    public override Column WithName(string name) => new FloatColumn(name, values);

    /// <inheritdoc />
    public override Column Take(ReadOnlySpan<int> rows) => new FloatColumn(Name, TakeValues(values, rows));
}
