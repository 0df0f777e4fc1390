namespace Avatars.Data;

/// <summary>
/// A categorical column stored as integer codes into a level table. Levels are kept in category order
/// (<see cref="CategoryOrder"/>); code -1 marks a missing value.
/// </summary>
public sealed class CategoryColumn : Column
{
    /// <summary>The code of a missing value.</summary>
    public const int MissingCode = -1;

    private readonly int[] codes;
    private readonly string[] levels;

    /// <summary>
    /// Creates a categorical column from codes and levels. Levels in any order are accepted and re-sorted
    /// into category order (codes are remapped). The arrays are owned by the column afterwards.
    /// </summary>
    /// <exception cref="ArgumentException">A level is duplicated or a code is out of range.</exception>
    public CategoryColumn(string name, int[] codes, string[] levels)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(levels);
        if (Array.IndexOf(levels, null) >= 0)
        {
            throw new ArgumentException($"Column '{name}': category levels must not be null (use code {MissingCode} for a missing value).", nameof(levels));
        }

        if (levels.Distinct(StringComparer.Ordinal).Count() != levels.Length)
        {
            throw new ArgumentException($"Column '{name}': category levels must be unique.", nameof(levels));
        }

        foreach (var code in codes)
        {
            if (code < MissingCode || code >= levels.Length)
            {
                throw new ArgumentException($"Column '{name}': code {code} is outside the {levels.Length} levels.", nameof(codes));
            }
        }

        var sorted = CategoryOrder.Sort(levels);
        if (!sorted.AsSpan().SequenceEqual(levels))
        {
            var position = new Dictionary<string, int>(sorted.Length, StringComparer.Ordinal);
            for (var i = 0; i < sorted.Length; i++)
            {
                position.Add(sorted[i], i);
            }

            var newCode = new int[levels.Length];
            for (var i = 0; i < levels.Length; i++)
            {
                newCode[i] = position[levels[i]];
            }

            for (var i = 0; i < codes.Length; i++)
            {
                if (codes[i] >= 0)
                {
                    codes[i] = newCode[codes[i]];
                }
            }

            levels = sorted;
        }

        this.codes = codes;
        this.levels = levels;
    }

    /// <summary>Builds a categorical column from text values (null = missing).</summary>
    public static CategoryColumn FromValues(string name, IReadOnlyList<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var codes = new int[values.Count];
        for (var i = 0; i < codes.Length; i++)
        {
            var value = values[i];
            if (value is null)
            {
                codes[i] = MissingCode;
                continue;
            }

            if (!index.TryGetValue(value, out var code))
            {
                code = index.Count;
                index.Add(value, code);
            }

            codes[i] = code;
        }

        var levels = new string[index.Count];
        foreach (var (level, code) in index)
        {
            levels[code] = level;
        }

        return new CategoryColumn(name, codes, levels);
    }

    /// <inheritdoc />
    public override ColumnType Type => ColumnType.Category;

    /// <inheritdoc />
    public override int Length => codes.Length;

    /// <summary>The level codes (-1 = missing).</summary>
    public ReadOnlySpan<int> Codes => codes;

    /// <summary>The levels in category order.</summary>
    public IReadOnlyList<string> Levels => levels;

    /// <summary>The number of levels.</summary>
    public int LevelCount => levels.Length;

    /// <summary>The code of a row (-1 when missing).</summary>
    public int this[int row] => codes[row];

    /// <inheritdoc />
    public override bool IsMissing(int row) => codes[row] < 0;

    /// <inheritdoc />
    public override string? FormatValue(int row) => codes[row] < 0 ? null : levels[codes[row]];

    /// <inheritdoc />
    public override object? GetValue(int row) => FormatValue(row);

    /// <inheritdoc />
    public override Column WithName(string name) => new CategoryColumn(name, codes, levels);

    /// <inheritdoc />
    public override Column Take(ReadOnlySpan<int> rows) => new CategoryColumn(Name, TakeValues(codes, rows), levels);
}
