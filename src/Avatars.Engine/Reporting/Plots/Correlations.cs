using System.Numerics;
using Avatars.Data;

namespace Avatars.Engine.Reporting.Plots;

/// <summary>
/// Pearson correlation matrices of numeric columns in two streaming passes over blocks of rows (memory
/// O(p × block), time O(n p²) with SIMD dot products). Missing values are replaced by the column mean (they
/// add nothing to the co-moments); a constant or empty column gives NaN.
/// </summary>
internal static class Correlations
{
    private const int BlockSize = 2048;

    /// <summary>The p × p correlation matrix (row-major) of the columns.</summary>
    public static double[] Compute(IReadOnlyList<Column> columns, CancellationToken cancellationToken = default)
    {
        var p = columns.Count;
        var result = new double[p * p];
        if (p == 0)
        {
            return result;
        }

        var n = columns[0].Length;
        var means = new double[p];
        var buffer = new double[p * BlockSize];
        for (var c = 0; c < p; c++)
        {
            double sum = 0;
            long count = 0;
            for (var start = 0; start < n; start += BlockSize)
            {
                var span = buffer.AsSpan(0, Math.Min(BlockSize, n - start));
                NumericValues.Fill(columns[c], start, span);
                foreach (var x in span)
                {
                    if (!double.IsNaN(x))
                    {
                        sum += x;
                        count++;
                    }
                }
            }

            means[c] = count == 0 ? double.NaN : sum / count;
        }

        var moments = new double[p * p];
        for (var start = 0; start < n; start += BlockSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rows = Math.Min(BlockSize, n - start);
            for (var c = 0; c < p; c++)
            {
                var span = buffer.AsSpan(c * BlockSize, rows);
                NumericValues.Fill(columns[c], start, span);
                var mean = means[c];
                for (var i = 0; i < rows; i++)
                {
                    span[i] = double.IsNaN(span[i]) || double.IsNaN(mean) ? 0 : span[i] - mean;
                }
            }

            for (var a = 0; a < p; a++)
            {
                var x = buffer.AsSpan(a * BlockSize, rows);
                for (var b = a; b < p; b++)
                {
                    moments[(a * p) + b] += Dot(x, buffer.AsSpan(b * BlockSize, rows));
                }
            }
        }

        for (var a = 0; a < p; a++)
        {
            for (var b = a; b < p; b++)
            {
                var denominator = Math.Sqrt(moments[(a * p) + a] * moments[(b * p) + b]);
                var r = denominator > 0 ? Math.Clamp(moments[(a * p) + b] / denominator, -1, 1) : double.NaN;
                if (a == b && denominator > 0)
                {
                    r = 1;
                }

                result[(a * p) + b] = r;
                result[(b * p) + a] = r;
            }
        }

        return result;
    }

    private static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var i = 0;
        double sum = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count)
        {
            var acc = Vector<double>.Zero;
            for (; i <= x.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                acc += new Vector<double>(x[i..]) * new Vector<double>(y[i..]);
            }

            sum = Vector.Sum(acc);
        }

        for (; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }
}
