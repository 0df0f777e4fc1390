using System.Globalization;

namespace Avatars.Data;

/// <summary>A column of 64-bit integers with an optional missing-value mask.</summary>
public sealed class IntColumn : Column
{
    private readonly long[] values;
    private readonly bool[]? missing;

    /// <summary>Creates an integer column. The arrays are owned by the column afterwards.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="values">The values; entries under a missing mark are ignored.</param>
    /// <param name="missing">True where the value is missing; null when none is.</param>
    public IntColumn(string name, long[] values, bool[]? missing = null)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(values);
        this.values = values;
        this.missing = NormalizeMask(missing, values.Length, name);
    }

    /// <inheritdoc />
    public override ColumnType Type => ColumnType.Int;

    /// <inheritdoc />
    public override int Length => values.Length;

    /// <summary>The raw values (meaningless where <see cref="IsMissing"/> is true).</summary>
    public ReadOnlySpan<long> Values => values;

    /// <summary>The value of a row (meaningless when missing).</summary>
    public long this[int row] => values[row];

    /// <inheritdoc />
    public override bool IsMissing(int row) => missing is not null && missing[row];

    /// <inheritdoc />
    public override string? FormatValue(int row) =>
        IsMissing(row) ? null : values[row].ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override object? GetValue(int row) => IsMissing(row) ? null : values[row];

    /// <inheritdoc />
    public override Column WithName(string name) => new IntColumn(name, values, missing);

    /// <inheritdoc />
    public override Column Take(ReadOnlySpan<int> rows) => new IntColumn(Name, TakeValues(values, rows), TakeMask(missing, rows));
}
