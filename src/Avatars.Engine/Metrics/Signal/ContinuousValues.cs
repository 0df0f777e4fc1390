using Avatars.Data;

namespace Avatars.Engine.Metrics.Signal;

/// <summary>
/// Reads the continuous columns (<c>int</c>, <c>float</c>, <c>datetime</c>, <c>datetime_tz</c>) of the signal metrics
/// as doubles: integers as their value, timestamps as seconds since 1970-01-01 (UTC for <c>datetime_tz</c>), the engine's numeric form.
/// Missing values and non-finite floats (±∞) become NaN: the metrics treat them alike.
/// </summary>
internal static class ContinuousValues
{
    /// <summary>True when the signal metrics treat a column type as continuous.</summary>
    public static bool IsContinuous(ColumnType type) => type.IsNumeric();

    /// <summary>The values of a continuous column as doubles, NaN where missing or non-finite.</summary>
    /// <exception cref="ArgumentException">The column is not continuous.</exception>
    public static double[] Read(Column column)
    {
        var values = new double[column.Length];
        switch (column)
        {
            case FloatColumn floats:
            {
                var source = floats.Values;
                for (var i = 0; i < values.Length; i++)
                {
                    var x = source[i];
                    values[i] = double.IsFinite(x) ? x : double.NaN;
                }

                break;
            }

            case IntColumn ints:
            {
                var source = ints.Values;
                var anyMissing = ints.MissingCount > 0;
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = anyMissing && ints.IsMissing(i) ? double.NaN : source[i];
                }

                break;
            }

            case DateTimeColumn times:
            {
                var anyMissing = times.MissingCount > 0;
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = anyMissing && times.IsMissing(i) ? double.NaN : times.SecondsSinceEpoch(i);
                }

                break;
            }

            default:
                throw new ArgumentException($"Column '{column.Name}' ({column.Type.ToYamlName()}) is not continuous.", nameof(column));
        }

        return values;
    }
}
