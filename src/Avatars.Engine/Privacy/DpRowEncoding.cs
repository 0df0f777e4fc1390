using Avatars.Data;

namespace Avatars.Engine.Privacy;

/// <summary>
/// The data-independent encoding of a row as a vector: each numeric column clipped to its public bounds and mapped
/// to [−1, 1]; each categorical column one-hot on its declared levels (bool: False, True). Every row vector has
/// L1 norm at most m = number of numeric + categorical columns, which bounds the sensitivities.
/// </summary>
internal sealed class DpRowEncoding
{
    private readonly Column[] columns;
    private readonly int[] offsets;

    private DpRowEncoding(Column[] columns, ColumnBounds?[] bounds, string[][] levels, int[] offsets, int width)
    {
        this.columns = columns;
        Bounds = bounds;
        Levels = levels;
        this.offsets = offsets;
        Width = width;
    }

    /// <summary>The public bounds of each numeric column (null for categorical columns).</summary>
    public ColumnBounds?[] Bounds { get; }

    /// <summary>The declared levels of each categorical column (empty for numeric columns).</summary>
    public string[][] Levels { get; }

    /// <summary>The vector length d.</summary>
    public int Width { get; }

    /// <summary>m: the number of modelled columns, the L1 bound of a row vector.</summary>
    public int ColumnCount => columns.Length;

    /// <summary>Validates the columns and builds the encoding from the schema (types, levels) and the public bounds.</summary>
    public static DpRowEncoding Create(Table table, IReadOnlyDictionary<string, ColumnBounds> publicBounds)
    {
        var cols = table.Columns.ToArray();
        var bounds = new ColumnBounds?[cols.Length];
        var levels = new string[cols.Length][];
        var offsets = new int[cols.Length];
        var width = 0;
        for (var c = 0; c < cols.Length; c++)
        {
            var column = cols[c];
            offsets[c] = width;
            levels[c] = [];
            if (column.MissingCount > 0)
            {
                throw new DifferentialPrivacyException(
                    $"Column '{column.Name}' of table '{table.Name}' has {column.MissingCount} missing values: differentially private avatarization does not impute yet. Remove or fill them with a data-independent value first.",
                    table.Name, column.Name);
            }

            switch (column)
            {
                case FloatColumn or IntColumn:
                    if (!publicBounds.TryGetValue(column.Name, out var b))
                    {
                        throw new DifferentialPrivacyException(
                            $"Numeric column '{column.Name}' of table '{table.Name}' has no public bounds: differential privacy needs a data-independent range for every numeric column. Declare its bounds.",
                            table.Name, column.Name);
                    }

                    if (!double.IsFinite(b.Lower) || !double.IsFinite(b.Upper) || b.Lower >= b.Upper)
                    {
                        throw new DifferentialPrivacyException(
                            $"The bounds of column '{column.Name}' must be finite with lower < upper (got [{b.Lower}, {b.Upper}]).",
                            table.Name, column.Name);
                    }

                    bounds[c] = b;
                    width += 1;
                    break;
                case CategoryColumn category:
                    levels[c] = [.. category.Levels];
                    width += levels[c].Length;
                    break;
                case BoolColumn:
                    levels[c] = ["False", "True"];
                    width += 2;
                    break;
                default:
                    throw new DifferentialPrivacyException(
                        $"Column '{column.Name}' of table '{table.Name}' has type {column.Type.ToYamlName()}, which differentially private avatarization does not support (float, int, bool and category only).",
                        table.Name, column.Name);
            }
        }

        return new DpRowEncoding(cols, bounds, levels, offsets, width);
    }

    /// <summary>The n × d row-major matrix of encoded rows.</summary>
    public double[] Encode()
    {
        var n = columns.Length == 0 ? 0 : columns[0].Length;
        var data = new double[(long)n * Width];
        for (var c = 0; c < columns.Length; c++)
        {
            var offset = offsets[c];
            switch (columns[c])
            {
                case FloatColumn f:
                    for (var i = 0; i < n; i++)
                    {
                        data[(i * Width) + offset] = Normalise(f[i], Bounds[c]!.Value);
                    }

                    break;
                case IntColumn integer:
                    for (var i = 0; i < n; i++)
                    {
                        data[(i * Width) + offset] = Normalise(integer[i], Bounds[c]!.Value);
                    }

                    break;
                case CategoryColumn category:
                    var codes = category.Codes;
                    for (var i = 0; i < n; i++)
                    {
                        data[(i * Width) + offset + codes[i]] = 1;
                    }

                    break;
                case BoolColumn flag:
                    for (var i = 0; i < n; i++)
                    {
                        data[(i * Width) + offset + (flag[i] ? 1 : 0)] = 1;
                    }

                    break;
            }
        }

        return data;
    }

    /// <summary>
    /// Builds the output columns from synthesized vectors: numeric entries clipped to [−1, 1] and mapped back to the
    /// bounds (int rounded); categorical levels drawn from the clamped, normalised one-hot part with <paramref name="uniforms"/>.
    /// </summary>
    public List<Column> Decode(double[] vectors, int n, double[] uniforms)
    {
        var result = new List<Column>(columns.Length);
        for (var c = 0; c < columns.Length; c++)
        {
            var offset = offsets[c];
            var column = columns[c];
            switch (column)
            {
                case FloatColumn or IntColumn:
                    var b = Bounds[c]!.Value;
                    var values = new double[n];
                    for (var i = 0; i < n; i++)
                    {
                        var z = Math.Clamp(vectors[(i * Width) + offset], -1, 1);
                        values[i] = b.Lower + ((z + 1) / 2 * (b.Upper - b.Lower));
                    }

                    result.Add(column is FloatColumn
                        ? new FloatColumn(column.Name, values)
                        : new IntColumn(column.Name, [.. values.Select(v => (long)Math.Round(v, MidpointRounding.AwayFromZero))]));
                    break;
                default:
                    var count = Levels[c].Length;
                    var codes = new int[n];
                    for (var i = 0; i < n; i++)
                    {
                        codes[i] = Draw(vectors.AsSpan((i * Width) + offset, count), uniforms[(i * columns.Length) + c]);
                    }

                    result.Add(column is BoolColumn
                        ? new BoolColumn(column.Name, [.. codes.Select(code => code == 1)])
                        : new CategoryColumn(column.Name, codes, Levels[c]));
                    break;
            }
        }

        return result;
    }

    private static double Normalise(double value, ColumnBounds bounds) =>
        (2 * (Math.Clamp(value, bounds.Lower, bounds.Upper) - bounds.Lower) / (bounds.Upper - bounds.Lower)) - 1;

    /// <summary>Draws a level from the positive parts of <paramref name="scores"/> (uniform when none is positive).</summary>
    private static int Draw(ReadOnlySpan<double> scores, double u)
    {
        var total = 0.0;
        foreach (var s in scores)
        {
            total += Math.Max(s, 0);
        }

        if (total <= 0)
        {
            return Math.Min((int)(u * scores.Length), scores.Length - 1);
        }

        var target = u * total;
        var cumulative = 0.0;
        for (var j = 0; j < scores.Length; j++)
        {
            cumulative += Math.Max(scores[j], 0);
            if (target < cumulative)
            {
                return j;
            }
        }

        return scores.Length - 1;
    }
}
