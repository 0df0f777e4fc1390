using System.Globalization;

namespace Avatars.Data;

/// <summary>
/// A column of timestamps. For <see cref="ColumnType.DateTime"/> the ticks are wall-clock ticks; for
/// <see cref="ColumnType.DateTimeTz"/> they are UTC ticks and <see cref="Offset"/> is the column's
/// UTC offset used for display.
/// </summary>
public sealed class DateTimeColumn : Column
{
    private static readonly long EpochTicks = DateTime.UnixEpoch.Ticks;

    private readonly long[] ticks;
    private readonly bool[]? missing;
    private readonly bool withZone;
    private int dateOnly = -1;

    /// <summary>Creates a timestamp column. The arrays are owned by the column afterwards.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="ticks">Ticks (100 ns since 0001-01-01): wall-clock for naive timestamps, UTC with a zone.</param>
    /// <param name="missing">True where the value is missing; null when none is.</param>
    /// <param name="offset">The UTC offset for a zoned column; null for a naive one.</param>
    public DateTimeColumn(string name, long[] ticks, bool[]? missing = null, TimeSpan? offset = null)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        this.ticks = ticks;
        this.missing = NormalizeMask(missing, ticks.Length, name);
        withZone = offset.HasValue;
        Offset = offset ?? TimeSpan.Zero;
    }

    /// <inheritdoc />
    public override ColumnType Type => withZone ? ColumnType.DateTimeTz : ColumnType.DateTime;

    /// <inheritdoc />
    public override int Length => ticks.Length;

    /// <summary>The UTC offset shown for a zoned column (zero for a naive one).</summary>
    public TimeSpan Offset { get; }

    /// <summary>The raw ticks (meaningless where <see cref="IsMissing"/> is true).</summary>
    public ReadOnlySpan<long> Ticks => ticks;

    /// <summary>Seconds since 1970-01-01 (UTC for a zoned column), the numeric form used by the engine.</summary>
    public double SecondsSinceEpoch(int row) => (ticks[row] - EpochTicks) / (double)TimeSpan.TicksPerSecond;

    /// <summary>Converts seconds since the epoch back to ticks (rounded to the nearest tick).</summary>
    public static long TicksFromSeconds(double seconds) =>
        EpochTicks + (long)Math.Round(seconds * TimeSpan.TicksPerSecond, MidpointRounding.ToEven);

    /// <inheritdoc />
    public override bool IsMissing(int row) => missing is not null && missing[row];

    /// <inheritdoc />
    public override string? FormatValue(int row)
    {
        if (IsMissing(row))
        {
            return null;
        }

        if (withZone)
        {
            var value = new DateTimeOffset(ticks[row], TimeSpan.Zero).ToOffset(Offset);
            return value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
        }

        var naive = new DateTime(ticks[row], DateTimeKind.Unspecified);
        return IsDateOnly()
            ? naive.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : naive.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture); // 'F' drops an all-zero fraction and its point
    }

    /// <inheritdoc />
    public override object? GetValue(int row)
    {
        if (IsMissing(row))
        {
            return null;
        }

        // Box each branch on its own: a plain conditional would convert the DateTime to DateTimeOffset.
        return withZone
            ? (object)new DateTimeOffset(ticks[row], TimeSpan.Zero).ToOffset(Offset)
            : new DateTime(ticks[row], DateTimeKind.Unspecified);
    }

    /// <inheritdoc />
    public override Column WithName(string name) => new DateTimeColumn(name, ticks, missing, withZone ? Offset : null);

    /// <inheritdoc />
    public override Column Take(ReadOnlySpan<int> rows) =>
        new DateTimeColumn(Name, TakeValues(ticks, rows), TakeMask(missing, rows), withZone ? Offset : null);

    /// <summary>Naive columns whose values are all at midnight are written as dates, like pandas does.</summary>
    private bool IsDateOnly()
    {
        if (dateOnly < 0)
        {
            var all = true;
            for (var i = 0; i < ticks.Length && all; i++)
            {
                all = IsMissing(i) || ticks[i] % TimeSpan.TicksPerDay == 0;
            }

            dateOnly = all ? 1 : 0;
        }

        return dateOnly == 1;
    }
}
