namespace Avatars.Data;

/// <summary>
/// An immutable, named, typed column. Values are stored in typed arrays (no per-cell objects); every
/// type can hold missing values.
/// </summary>
public abstract class Column
{
    private int missingCount = -1;

    /// <summary>Creates a column.</summary>
    /// <param name="name">The column name; not empty.</param>
    protected Column(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The column name.</summary>
    public string Name { get; }

    /// <summary>The column type.</summary>
    public abstract ColumnType Type { get; }

    /// <summary>The number of rows.</summary>
    public abstract int Length { get; }

    /// <summary>The number of missing values.</summary>
    public int MissingCount
    {
        get
        {
            if (missingCount < 0)
            {
                var count = 0;
                for (var i = 0; i < Length; i++)
                {
                    if (IsMissing(i))
                    {
                        count++;
                    }
                }

                missingCount = count;
            }

            return missingCount;
        }
    }

    /// <summary>True when row <paramref name="row"/> holds a missing value.</summary>
    public abstract bool IsMissing(int row);

    /// <summary>The value of a row as culture-invariant text, or null when it is missing.</summary>
    public abstract string? FormatValue(int row);

    /// <summary>The value of a row as a CLR object (double, long, bool, string, DateTime, DateTimeOffset), or null when missing.</summary>
    public abstract object? GetValue(int row);

    /// <summary>A copy of this column with another name.</summary>
    public abstract Column WithName(string name);

    /// <summary>A new column with the rows at <paramref name="rows"/>, in that order.</summary>
    public abstract Column Take(ReadOnlySpan<int> rows);

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Type.ToYamlName()}, {Length} rows, {MissingCount} missing)";

    /// <summary>Validates a missing-value mask against the value count.</summary>
    private protected static bool[]? NormalizeMask(bool[]? missing, int length, string name)
    {
        if (missing is null)
        {
            return null;
        }

        if (missing.Length != length)
        {
            throw new ArgumentException($"Column '{name}': the missing-value mask has {missing.Length} entries for {length} values.", nameof(missing));
        }

        return Array.IndexOf(missing, true) >= 0 ? missing : null;
    }

    /// <summary>Subsets a missing-value mask.</summary>
    private protected static bool[]? TakeMask(bool[]? missing, ReadOnlySpan<int> rows)
    {
        if (missing is null)
        {
            return null;
        }

        var result = new bool[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            result[i] = missing[rows[i]];
        }

        return result;
    }

    /// <summary>Subsets a value array.</summary>
    private protected static T[] TakeValues<T>(T[] values, ReadOnlySpan<int> rows)
    {
        var result = new T[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            result[i] = values[rows[i]];
        }

        return result;
    }
}
