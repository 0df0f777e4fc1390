using Avatars.Data;

namespace Avatars.Client.Processors;

/// <summary>
/// Expresses timestamp columns as numbers (seconds since 1970-01-01 UTC) before avatarization, and turns
/// naive timestamp columns back into timestamps afterwards.
/// </summary>
/// <remarks>
/// As in the vendor client, only columns whose original type is a naive timestamp are restored; a
/// zoned (<see cref="ColumnType.DateTimeTz"/>) column stays in seconds after <see cref="Postprocess"/>.
/// </remarks>
public sealed class DatetimeProcessor : IProcessor
{
    private static readonly long EpochTicks = DateTime.UnixEpoch.Ticks;

    /// <summary>Replaces every timestamp column (naive or zoned) with a float column of seconds since the epoch.</summary>
    public Table Preprocess(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var result = data;
        foreach (var column in data.Columns.OfType<DateTimeColumn>())
        {
            var seconds = new double[column.Length];
            for (var r = 0; r < seconds.Length; r++)
            {
                seconds[r] = column.IsMissing(r) ? double.NaN : column.SecondsSinceEpoch(r);
            }

            result = result.WithColumn(new FloatColumn(column.Name, seconds));
        }

        return result;
    }

    /// <summary>
    /// Turns the numeric columns of <paramref name="dest"/> whose <paramref name="source"/> column is a naive
    /// timestamp back into timestamps (epoch + value seconds, truncated to the tick).
    /// </summary>
    /// <exception cref="ArgumentException">Such a column of <paramref name="dest"/> is not numeric.</exception>
    public Table Postprocess(Table source, Table dest)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(dest);
        var result = dest;
        foreach (var original in source.Columns.Where(c => c.Type == ColumnType.DateTime))
        {
            if (!dest.TryGetColumn(original.Name, out var avatar) || avatar.Type == ColumnType.DateTime)
            {
                continue;
            }

            var seconds = ColumnData.ToDoubles(avatar);
            var ticks = new long[seconds.Length];
            var missing = new bool[seconds.Length];
            for (var r = 0; r < seconds.Length; r++)
            {
                if (!double.IsFinite(seconds[r]))
                {
                    missing[r] = true;
                    continue;
                }

                // pandas' to_datetime(unit="s") truncates below its resolution; the tick (100 ns) is ours.
                ticks[r] = EpochTicks + (long)Math.Truncate(seconds[r] * TimeSpan.TicksPerSecond);
            }

            result = result.WithColumn(new DateTimeColumn(original.Name, ticks, missing));
        }

        return result;
    }
}
