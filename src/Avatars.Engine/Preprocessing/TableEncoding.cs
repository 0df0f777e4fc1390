using Avatars.Data;

namespace Avatars.Engine.Preprocessing;

/// <summary>
/// Converts a table to the engine's working form — every numeric type (int, float, timestamps in
/// seconds since the epoch) as <see cref="FloatColumn"/>, booleans and categories as
/// <see cref="CategoryColumn"/> — and converts synthesized columns back to the original types,
/// rounding numbers to the original column's decimals (half to even).
/// </summary>
internal sealed class TableEncoding
{
    private const double SecondsPerDay = 86_400;

    private readonly Dictionary<string, EncodedColumn> byName;

    private TableEncoding(IReadOnlyList<EncodedColumn> columns)
    {
        Columns = columns;
        byName = columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    /// <summary>The encoded columns, in table order.</summary>
    public IReadOnlyList<EncodedColumn> Columns { get; }

    /// <summary>The encoding of a column.</summary>
    public EncodedColumn this[string name] => byName[name];

    /// <summary>Learns the encoding of a table and returns the working table.</summary>
    public static (TableEncoding Encoding, Table Working) Encode(Table table)
    {
        var encoded = new List<EncodedColumn>(table.ColumnCount);
        var working = new List<Column>(table.ColumnCount);
        foreach (var column in table.Columns)
        {
            var (info, work) = EncodeColumn(column);
            encoded.Add(info);
            working.Add(work);
        }

        return (new TableEncoding(encoded), new Table(working, table.Name));
    }

    /// <summary>Converts another table with the same columns (e.g. avatars to evaluate) to the working form of this encoding.</summary>
    public Table Apply(Table table)
    {
        var working = new List<Column>(Columns.Count);
        foreach (var info in Columns)
        {
            var column = table[info.Name];
            working.Add(info.IsContinuous ? ToContinuous(column) : ToCategory(column));
        }

        return new Table(working, table.Name);
    }

    /// <summary>Restores the original type of a synthesized continuous column, rounding to the original precision.</summary>
    public Column DecodeContinuous(EncodedColumn info, double[] values)
    {
        switch (info.OriginalType)
        {
            case ColumnType.Float:
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = NumericPrecision.Round(values[i], info.Decimals);
                }

                return new FloatColumn(info.Name, values);
            case ColumnType.Int:
            {
                var longs = new long[values.Length];
                bool[]? missing = null;
                for (var i = 0; i < values.Length; i++)
                {
                    if (double.IsNaN(values[i]))
                    {
                        (missing ??= new bool[values.Length])[i] = true;
                    }
                    else
                    {
                        longs[i] = (long)Math.Round(values[i], MidpointRounding.ToEven);
                    }
                }

                return new IntColumn(info.Name, longs, missing);
            }

            case ColumnType.DateTime or ColumnType.DateTimeTz:
            {
                var ticks = new long[values.Length];
                bool[]? missing = null;
                for (var i = 0; i < values.Length; i++)
                {
                    if (double.IsNaN(values[i]))
                    {
                        (missing ??= new bool[values.Length])[i] = true;
                        continue;
                    }

                    var seconds = info.Decimals == EncodedColumn.WholeDays
                        ? Math.Round(values[i] / SecondsPerDay, MidpointRounding.ToEven) * SecondsPerDay
                        : NumericPrecision.Round(values[i], info.Decimals);
                    ticks[i] = DateTimeColumn.TicksFromSeconds(seconds);
                }

                return new DateTimeColumn(info.Name, ticks, missing, info.TimeZoneOffset);
            }

            default:
                throw new InvalidOperationException($"Column '{info.Name}' of type {info.OriginalType} is not continuous.");
        }
    }

    /// <summary>Restores the original type of a synthesized categorical column.</summary>
    public static Column DecodeCategory(EncodedColumn info, CategoryColumn column)
    {
        if (info.OriginalType != ColumnType.Bool)
        {
            return column.WithName(info.Name);
        }

        var values = new bool[column.Length];
        bool[]? missing = null;
        for (var i = 0; i < values.Length; i++)
        {
            var text = column.FormatValue(i);
            if (text is null)
            {
                (missing ??= new bool[values.Length])[i] = true;
            }
            else
            {
                values[i] = text == bool.TrueString;
            }
        }

        return new BoolColumn(info.Name, values, missing);
    }

    private static (EncodedColumn Info, Column Working) EncodeColumn(Column column)
    {
        switch (column)
        {
            case FloatColumn f:
                return (new EncodedColumn(f.Name, ColumnType.Float, true, NumericPrecision.DecimalsOf(f.Values), null), f);
            case IntColumn:
                return (new EncodedColumn(column.Name, ColumnType.Int, true, 0, null), ToContinuous(column));
            case DateTimeColumn d:
            {
                var working = (FloatColumn)ToContinuous(d);
                var wholeDays = true;
                foreach (var seconds in working.Values)
                {
                    if (!double.IsNaN(seconds) && seconds % SecondsPerDay != 0)
                    {
                        wholeDays = false;
                        break;
                    }
                }

                var decimals = wholeDays ? EncodedColumn.WholeDays : Math.Min(NumericPrecision.DecimalsOf(working.Values), 7);
                return (new EncodedColumn(d.Name, d.Type, true, decimals, d.Type == ColumnType.DateTimeTz ? d.Offset : null), working);
            }

            case BoolColumn or CategoryColumn:
                return (new EncodedColumn(column.Name, column.Type, false, 0, null), ToCategory(column));
            default:
                throw new NotSupportedException($"Column '{column.Name}' has an unsupported column class {column.GetType().Name}.");
        }
    }

    private static Column ToContinuous(Column column)
    {
        switch (column)
        {
            case FloatColumn:
                return column;
            case IntColumn ints:
            {
                var values = new double[ints.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = ints.IsMissing(i) ? double.NaN : ints[i];
                }

                return new FloatColumn(ints.Name, values);
            }

            case DateTimeColumn dates:
            {
                var values = new double[dates.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = dates.IsMissing(i) ? double.NaN : dates.SecondsSinceEpoch(i);
                }

                return new FloatColumn(dates.Name, values);
            }

            default:
                throw new ArgumentException($"Column '{column.Name}' is {column.Type.ToYamlName()}, but a number or timestamp is expected here.");
        }
    }

    private static CategoryColumn ToCategory(Column column)
    {
        switch (column)
        {
            case CategoryColumn category:
                return category;
            case BoolColumn bools:
            {
                var codes = new int[bools.Length];
                for (var i = 0; i < codes.Length; i++)
                {
                    codes[i] = bools.IsMissing(i) ? CategoryColumn.MissingCode : bools[i] ? 1 : 0;
                }

                return new CategoryColumn(bools.Name, codes, [bool.FalseString, bool.TrueString]);
            }

            default:
            {
                var values = new string?[column.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = column.FormatValue(i);
                }

                return CategoryColumn.FromValues(column.Name, values);
            }
        }
    }
}
