namespace Avatars.Data;

/// <summary>A column of booleans with an optional missing-value mask.</summary>
public sealed class BoolColumn : Column
{
    private readonly bool[] values;
    private readonly bool[]? missing;

    /// <summary>Creates a boolean column. The arrays are owned by the column afterwards.</summary>
    public BoolColumn(string name, bool[] values, bool[]? missing = null)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(values);
        this.values = values;
        this.missing = NormalizeMask(missing, values.Length, name);
    }

    /// <inheritdoc />
    public override ColumnType Type => ColumnType.Bool;

    /// <inheritdoc />
    public override int Length => values.Length;

    /// <summary>The raw values (meaningless where <see cref="IsMissing"/> is true).</summary>
    public ReadOnlySpan<bool> Values => values;

    /// <summary>The value of a row (meaningless when missing).</summary>
    public bool this[int row] => values[row];

    /// <inheritdoc />
    public override bool IsMissing(int row) => missing is not null && missing[row];

    /// <inheritdoc />
    public override string? FormatValue(int row) => IsMissing(row) ? null : values[row] ? "True" : "False";

    /// <inheritdoc />
    public override object? GetValue(int row) => IsMissing(row) ? null : values[row];

    /// <inheritdoc />
    public override Column WithName(string name) => new BoolColumn(name, values, missing);

    /// <inheritdoc />
    public override Column Take(ReadOnlySpan<int> rows) => new BoolColumn(Name, TakeValues(values, rows), TakeMask(missing, rows));
}
