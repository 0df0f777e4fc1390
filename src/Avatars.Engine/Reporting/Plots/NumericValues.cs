using Avatars.Data;

namespace Avatars.Engine.Reporting.Plots;

/// <summary>Numeric views of columns: ints, floats and timestamps (seconds since the Unix epoch); NaN marks a missing value.</summary>
internal static class NumericValues
{
    /// <summary>True for columns plotted as numbers (int, float, datetime, datetime_tz).</summary>
    public static bool IsNumeric(Column column) => column is FloatColumn or IntColumn or DateTimeColumn;

    /// <summary>Writes rows <paramref name="start"/> … start + destination.Length − 1 as doubles (NaN when missing).</summary>
    public static void Fill(Column column, int start, Span<double> destination)
    {
        switch (column)
        {
            case FloatColumn f:
                f.Values.Slice(start, destination.Length).CopyTo(destination);
                for (var i = 0; i < destination.Length; i++)
                {
                    if (double.IsInfinity(destination[i]))
                    {
                        destination[i] = double.NaN;
                    }
                }

                break;
            case IntColumn n:
                var values = n.Values;
                for (var i = 0; i < destination.Length; i++)
                {
                    destination[i] = n.IsMissing(start + i) ? double.NaN : values[start + i];
                }

                break;
            case DateTimeColumn d:
                for (var i = 0; i < destination.Length; i++)
                {
                    destination[i] = d.IsMissing(start + i) ? double.NaN : d.SecondsSinceEpoch(start + i);
                }

                break;
            default:
                throw new ArgumentException($"Column '{column.Name}' ({column.Type.ToYamlName()}) is not numeric.", nameof(column));
        }
    }

    /// <summary>The whole column as doubles.</summary>
    public static double[] ToArray(Column column)
    {
        var result = new double[column.Length];
        Fill(column, 0, result);
        return result;
    }

    /// <summary>Mean and sample standard deviation (n − 1) over the non-missing values (Welford); NaN when undefined.</summary>
    public static (double Mean, double Std, long Count) MeanStd(Column column)
    {
        var buffer = new double[4096];
        long count = 0;
        double mean = 0, m2 = 0;
        for (var start = 0; start < column.Length; start += buffer.Length)
        {
            var span = buffer.AsSpan(0, Math.Min(buffer.Length, column.Length - start));
            Fill(column, start, span);
            foreach (var x in span)
            {
                if (double.IsNaN(x))
                {
                    continue;
                }

                count++;
                var delta = x - mean;
                mean += delta / count;
                m2 += delta * (x - mean);
            }
        }

        return count == 0 ? (double.NaN, double.NaN, 0) : (mean, count > 1 ? Math.Sqrt(m2 / (count - 1)) : double.NaN, count);
    }
}
