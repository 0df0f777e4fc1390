using System.Globalization;
using Avatars.Data;

namespace Avatars.Client.Processors;

/// <summary>
/// Internal column helpers shared by the processors: reading values as doubles, building typed
/// columns from computed values, comparing and grouping rows. Tables have no row labels: a row is
/// addressed by its position.
/// </summary>
internal static class ColumnData
{
    /// <summary>True for the column types pandas calls numeric (ints and floats; not bool, not timestamps).</summary>
    public static bool IsNumeric(Column column) => column.Type is ColumnType.Float or ColumnType.Int;

    /// <summary>The values of a numeric column as doubles (NaN = missing).</summary>
    /// <exception cref="ArgumentException">The column is not numeric; the message names it.</exception>
    public static double[] ToDoubles(Column column)
    {
        var values = new double[column.Length];
        switch (column)
        {
            case FloatColumn f:
                f.Values.CopyTo(values);
                break;
            case IntColumn i:
                for (var r = 0; r < values.Length; r++)
                {
                    values[r] = i.IsMissing(r) ? double.NaN : i[r];
                }

                break;
            case BoolColumn b:
                // Booleans take part in arithmetic as 0/1, as they do in pandas.
                for (var r = 0; r < values.Length; r++)
                {
                    values[r] = b.IsMissing(r) ? double.NaN : b[r] ? 1 : 0;
                }

                break;
            default:
                throw new ArgumentException($"Expected a numeric column, got column '{column.Name}' of type {column.Type.ToYamlName()} instead.", column.Name);
        }

        return values;
    }

    /// <summary>
    /// A numeric column from computed values: an <see cref="IntColumn"/> when <paramref name="asInt"/> is set
    /// and every value is a whole number (NaN becomes missing), else a <see cref="FloatColumn"/>.
    /// </summary>
    public static Column Numeric(string name, double[] values, bool asInt)
    {
        if (asInt && values.All(v => double.IsNaN(v) || (double.IsFinite(v) && Math.Floor(v) == v && Math.Abs(v) < 9.2e18)))
        {
            var longs = new long[values.Length];
            bool[]? missing = null;
            for (var r = 0; r < values.Length; r++)
            {
                if (double.IsNaN(values[r]))
                {
                    missing ??= new bool[values.Length];
                    missing[r] = true;
                }
                else
                {
                    longs[r] = (long)values[r];
                }
            }

            return new IntColumn(name, longs, missing);
        }

        return new FloatColumn(name, values);
    }

    /// <summary>A categorical column holding each row's value as text (what pandas' <c>astype(object)</c> gives).</summary>
    public static CategoryColumn AsText(Column column, string? name = null)
    {
        var texts = new string?[column.Length];
        for (var r = 0; r < texts.Length; r++)
        {
            texts[r] = column.FormatValue(r);
        }

        return CategoryColumn.FromValues(name ?? column.Name, texts);
    }

    /// <summary>
    /// Builds a column of type <paramref name="type"/> from CLR values (null = missing). Values are
    /// converted: numbers between int and float, text parsed with the invariant culture.
    /// </summary>
    /// <exception cref="ArgumentException">A value cannot be converted; the message names the column.</exception>
    public static Column FromObjects(string name, ColumnType type, IReadOnlyList<object?> values, TimeSpan? offset = null)
    {
        var n = values.Count;
        switch (type)
        {
            case ColumnType.Float:
            {
                var result = new double[n];
                for (var r = 0; r < n; r++)
                {
                    result[r] = values[r] is null ? double.NaN : ToDouble(name, values[r]!);
                }

                return new FloatColumn(name, result);
            }

            case ColumnType.Int:
            {
                var result = new long[n];
                var missing = new bool[n];
                for (var r = 0; r < n; r++)
                {
                    if (values[r] is null)
                    {
                        missing[r] = true;
                        continue;
                    }

                    var d = ToDouble(name, values[r]!);
                    if (double.IsNaN(d))
                    {
                        missing[r] = true;
                    }
                    else if (Math.Floor(d) != d || !double.IsFinite(d))
                    {
                        throw new ArgumentException($"Column '{name}': cannot convert value '{Text(values[r])}' to int.", name);
                    }
                    else
                    {
                        result[r] = (long)d;
                    }
                }

                return new IntColumn(name, result, missing);
            }

            case ColumnType.Bool:
            {
                var result = new bool[n];
                var missing = new bool[n];
                for (var r = 0; r < n; r++)
                {
                    switch (values[r])
                    {
                        case null: missing[r] = true; break;
                        case bool b: result[r] = b; break;
                        case string s when bool.TryParse(s, out var b): result[r] = b; break;
                        case double or long when ToDouble(name, values[r]!) is 0.0 or 1.0: result[r] = ToDouble(name, values[r]!) == 1; break;
                        default: throw new ArgumentException($"Column '{name}': cannot convert value '{Text(values[r])}' to bool.", name);
                    }
                }

                return new BoolColumn(name, result, missing);
            }

            case ColumnType.Category:
            {
                var texts = new string?[n];
                for (var r = 0; r < n; r++)
                {
                    texts[r] = values[r] is null ? null : Text(values[r]);
                }

                return CategoryColumn.FromValues(name, texts);
            }

            case ColumnType.DateTime or ColumnType.DateTimeTz:
            {
                var ticks = new long[n];
                var missing = new bool[n];
                for (var r = 0; r < n; r++)
                {
                    switch (values[r])
                    {
                        case null: missing[r] = true; break;
                        case DateTime d: ticks[r] = d.Ticks; break;
                        case DateTimeOffset o: ticks[r] = type == ColumnType.DateTimeTz ? o.UtcTicks : o.DateTime.Ticks; break;
                        case string s when type == ColumnType.DateTimeTz
                            && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var o):
                            ticks[r] = o.UtcTicks;
                            break;
                        case string s when DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d):
                            ticks[r] = d.Ticks;
                            break;
                        default: throw new ArgumentException($"Column '{name}': cannot convert value '{Text(values[r])}' to {type.ToYamlName()}.", name);
                    }
                }

                return new DateTimeColumn(name, ticks, missing, type == ColumnType.DateTimeTz ? offset ?? TimeSpan.Zero : null);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown column type.");
        }
    }

    /// <summary>A column converted to the type of <paramref name="template"/> (unchanged when it already has it), under <paramref name="template"/>'s name.</summary>
    public static Column ConvertLike(Column column, Column template)
    {
        if (column.Type == template.Type && (column is not DateTimeColumn dc || template is not DateTimeColumn tc || dc.Offset == tc.Offset))
        {
            return column.Name == template.Name ? column : column.WithName(template.Name);
        }

        return FromObjects(template.Name, template.Type, Values(column), (template as DateTimeColumn)?.Offset);
    }

    /// <summary>The values of a column as CLR objects (null = missing).</summary>
    public static object?[] Values(Column column)
    {
        var values = new object?[column.Length];
        for (var r = 0; r < values.Length; r++)
        {
            values[r] = column.GetValue(r);
        }

        return values;
    }

    /// <summary>A hashable key of the value of one row (missing values are one key, as pandas' <c>dropna=False</c>).</summary>
    public static string? Key(Column column, int row) => column.FormatValue(row);

    /// <summary>Compares two rows of a column in sort order; missing values sort last, as pandas does.</summary>
    public static int CompareRows(Column column, int a, int b)
    {
        var ma = column.IsMissing(a);
        var mb = column.IsMissing(b);
        if (ma || mb)
        {
            return ma == mb ? 0 : ma ? 1 : -1;
        }

        return column switch
        {
            FloatColumn f => f[a].CompareTo(f[b]),
            IntColumn i => i[a].CompareTo(i[b]),
            BoolColumn x => x[a].CompareTo(x[b]),
            DateTimeColumn d => d.Ticks[a].CompareTo(d.Ticks[b]),
            _ => string.CompareOrdinal(column.FormatValue(a), column.FormatValue(b)),
        };
    }

    /// <summary>The row positions sorted by the given columns (stable: ties keep their order, as pandas' stable sort).</summary>
    public static int[] StableSort(IReadOnlyList<Column> keys, int rowCount)
    {
        var order = Enumerable.Range(0, rowCount).ToArray();
        var sorted = order.OrderBy(r => r, Comparer<int>.Create((a, b) =>
        {
            foreach (var key in keys)
            {
                var c = CompareRows(key, a, b);
                if (c != 0)
                {
                    return c;
                }
            }

            return 0;
        })).ToArray(); // LINQ OrderBy is a stable sort.
        return sorted;
    }

    /// <summary>Throws the processor's "column not found" error unless the table has the column.</summary>
    public static Column Require(Table table, string name, string message)
    {
        if (!table.TryGetColumn(name, out var column))
        {
            throw new ArgumentException(message, name);
        }

        return column;
    }

    private static double ToDouble(string name, object value) => value switch
    {
        double d => d,
        long l => l,
        int i => i,
        bool b => b ? 1 : 0,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => throw new ArgumentException($"Column '{name}': cannot convert value '{Text(value)}' to a number.", name),
    };

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "True" : "False",
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateTimeOffset o => o.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
