namespace Avatars.Data.Inference;

/// <summary>
/// Turns the text of a column into a typed column: infers the type like the vendor client does with
/// pandas (int, float, bool, datetime, datetime_tz, else category), or parses an explicitly requested
/// type and reports the first value that does not fit.
/// </summary>
internal static class ColumnInference
{
    /// <summary>Builds a typed column from text.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="text">The cells.</param>
    /// <param name="forced">The requested type, or null to infer it.</param>
    /// <param name="missing">The texts that mark a missing value.</param>
    /// <param name="locator">Locates cells for error messages.</param>
    /// <exception cref="TableFormatException">A value does not fit the requested type.</exception>
    public static Column Build(string name, TextColumn text, ColumnType? forced, MissingValueSet missing, CellLocator locator)
    {
        var n = text.Count;
        var mask = new bool[n];
        var first = -1;
        for (var i = 0; i < n; i++)
        {
            if (missing.IsMissing(text[i]))
            {
                mask[i] = true;
            }
            else if (first < 0)
            {
                first = i;
            }
        }

        return forced is { } type ? Parse(name, text, mask, type, locator) : Infer(name, text, mask, first);
    }

    /// <summary>Infers the type of a column; <paramref name="first"/> is the first non-missing row or -1.</summary>
    private static Column Infer(string name, TextColumn text, bool[] mask, int first)
    {
        if (first < 0)
        {
            // Only missing values: pandas reads such a column as float64 of NaN; the validation layer reports it.
            var nan = new double[text.Count];
            nan.AsSpan().Fill(double.NaN);
            return new FloatColumn(name, nan);
        }

        var sample = text[first];
        if (ValueParser.TryParseInt(sample, out _))
        {
            return InferNumber(name, text, mask, first) ?? BuildCategory(name, text, mask);
        }

        if (ValueParser.TryParseFloat(sample, out _))
        {
            var values = new double[text.Count];
            return ParseFloats(text, mask, values, first) < 0 ? new FloatColumn(name, values) : BuildCategory(name, text, mask);
        }

        if (ValueParser.TryParseBool(sample, out _))
        {
            return InferBool(name, text, mask) ?? BuildCategory(name, text, mask);
        }

        var kind = ValueParser.TryParseTimestamp(sample, out _, out _);
        if (kind != TimestampKind.None)
        {
            return InferTimestamp(name, text, mask, kind) ?? BuildCategory(name, text, mask);
        }

        return BuildCategory(name, text, mask);
    }

    /// <summary>All integers → int; integers and other numbers → float; else null.</summary>
    private static Column? InferNumber(string name, TextColumn text, bool[] mask, int first)
    {
        var n = text.Count;
        var longs = new long[n];
        var failed = -1;
        for (var i = first; i < n; i++)
        {
            if (!mask[i] && !ValueParser.TryParseInt(text[i], out longs[i]))
            {
                failed = i;
                break;
            }
        }

        if (failed < 0)
        {
            return new IntColumn(name, longs, mask);
        }

        // Not all integers: numbers so far become floats (converting a long rounds exactly like parsing its text).
        var doubles = new double[n];
        for (var i = 0; i < failed; i++)
        {
            doubles[i] = mask[i] ? double.NaN : longs[i];
        }

        return ParseFloats(text, mask, doubles, failed) < 0 ? new FloatColumn(name, doubles) : null;
    }

    /// <summary>Parses floats from <paramref name="start"/>; returns the first row that is not a number, or -1.</summary>
    private static int ParseFloats(TextColumn text, bool[] mask, double[] values, int start)
    {
        for (var i = 0; i < start; i++)
        {
            if (mask[i])
            {
                values[i] = double.NaN;
            }
        }

        for (var i = start; i < values.Length; i++)
        {
            if (mask[i])
            {
                values[i] = double.NaN;
            }
            else if (!ValueParser.TryParseFloat(text[i], out values[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static Column? InferBool(string name, TextColumn text, bool[] mask)
    {
        var values = new bool[text.Count];
        for (var i = 0; i < values.Length; i++)
        {
            if (!mask[i] && !ValueParser.TryParseBool(text[i], out values[i]))
            {
                return null;
            }
        }

        return new BoolColumn(name, values, mask);
    }

    /// <summary>All naive → datetime; all zoned → datetime_tz; a mix or anything else → null.</summary>
    private static Column? InferTimestamp(string name, TextColumn text, bool[] mask, TimestampKind kind)
    {
        var ticks = new long[text.Count];
        var offsets = new OffsetTracker();
        for (var i = 0; i < ticks.Length; i++)
        {
            if (mask[i])
            {
                continue;
            }

            if (ValueParser.TryParseTimestamp(text[i], out ticks[i], out var offset) != kind)
            {
                return null;
            }

            offsets.Add(offset);
        }

        return new DateTimeColumn(name, ticks, mask, kind == TimestampKind.Zoned ? offsets.Result : null);
    }

    /// <summary>Parses a column as an explicitly requested type; the first value that does not fit is an error.</summary>
    internal static Column Parse(string name, TextColumn text, bool[] mask, ColumnType type, CellLocator locator)
    {
        var n = text.Count;
        switch (type)
        {
            case ColumnType.Float:
            {
                var values = new double[n];
                var failed = ParseFloats(text, mask, values, 0);
                return failed < 0
                    ? new FloatColumn(name, values)
                    : throw ValueError(name, text, failed, "float (a number such as 1.5, .2 or -3e-4, with '.' as decimal point)", locator);
            }

            case ColumnType.Int:
            {
                var values = new long[n];
                for (var i = 0; i < n; i++)
                {
                    if (!mask[i] && !ValueParser.TryParseIntegral(text[i], out values[i]))
                    {
                        throw ValueError(name, text, i, "int (a whole number such as 42 or -7)", locator, "float or category");
                    }
                }

                return new IntColumn(name, values, mask);
            }

            case ColumnType.Bool:
            {
                var values = new bool[n];
                for (var i = 0; i < n; i++)
                {
                    if (!mask[i] && !ValueParser.TryParseBoolLenient(text[i], out values[i]))
                    {
                        throw ValueError(name, text, i, "bool (true/false, in any letter case, or 1/0)", locator);
                    }
                }

                return new BoolColumn(name, values, mask);
            }

            case ColumnType.DateTime:
            case ColumnType.DateTimeTz:
                return ParseTimestamps(name, text, mask, type == ColumnType.DateTimeTz, locator);

            case ColumnType.Category:
                return BuildCategory(name, text, mask);

            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown column type.");
        }
    }

    private static DateTimeColumn ParseTimestamps(string name, TextColumn text, bool[] mask, bool zoned, CellLocator locator)
    {
        var ticks = new long[text.Count];
        var offsets = new OffsetTracker();
        for (var i = 0; i < ticks.Length; i++)
        {
            if (mask[i])
            {
                continue;
            }

            var kind = ValueParser.TryParseTimestamp(text[i], out ticks[i], out var offset);
            if (kind == TimestampKind.None)
            {
                throw ValueError(
                    name,
                    text,
                    i,
                    zoned
                        ? "datetime_tz (ISO 8601 such as 2020-01-31T10:00:00+01:00 or 2020-01-31 10:00:00Z)"
                        : "datetime (ISO 8601 such as 2020-01-31, 2020-01-31 10:00:00 or 2020-01-31T10:00:00.5)",
                    locator);
            }

            if (kind == TimestampKind.Zoned && !zoned)
            {
                throw locator.CellError(
                    name,
                    i,
                    $"'{Excerpt(text[i])}' has a UTC offset, so it is not a datetime without time zone.",
                    "Read the column as datetime_tz, or remove the offsets from the file.");
            }

            // A naive value in a datetime_tz column is taken as UTC.
            offsets.Add(offset);
        }

        return new DateTimeColumn(name, ticks, mask, zoned ? offsets.Result : null);
    }

    /// <summary>A category column from the text of each cell (the text is the level, verbatim).</summary>
    internal static CategoryColumn BuildCategory(string name, TextColumn text, bool[] mask)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
        var levels = new List<string>();
        var codes = new int[text.Count];
        for (var i = 0; i < codes.Length; i++)
        {
            if (mask[i])
            {
                codes[i] = CategoryColumn.MissingCode;
                continue;
            }

            var cell = text[i];
            if (!lookup.TryGetValue(cell, out var code))
            {
                code = levels.Count;
                var level = cell.ToString();
                index.Add(level, code);
                levels.Add(level);
            }

            codes[i] = code;
        }

        return new CategoryColumn(name, codes, levels.ToArray());
    }

    private static TableFormatException ValueError(string column, TextColumn text, int row, string expected, CellLocator locator, string alternatives = "category") =>
        locator.CellError(
            column,
            row,
            $"cannot read '{Excerpt(text[row])}' as {expected}.",
            $"Fix the value, add the text to MissingValues if it marks a missing value, or read the column as {alternatives}.");

    /// <summary>The start of a cell's text, for messages.</summary>
    internal static string Excerpt(ReadOnlySpan<char> text) =>
        text.Length <= 60 ? text.ToString() : string.Concat(text[..57], "...");

    /// <summary>Collects the offsets of a zoned column: the common one, or UTC when they differ.</summary>
    private struct OffsetTracker
    {
        private TimeSpan? offset;
        private bool mixed;

        public readonly TimeSpan Result => mixed ? TimeSpan.Zero : offset ?? TimeSpan.Zero;

        public void Add(TimeSpan value)
        {
            if (offset is null)
            {
                offset = value;
            }
            else if (offset.Value != value)
            {
                mixed = true;
            }
        }
    }
}
