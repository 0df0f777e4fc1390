using System.Numerics;
using System.Runtime.CompilerServices;

namespace Avatars.Engine.Metrics.Signal;

/// <summary>
/// Pearson correlations of every pair of columns on pairwise-complete rows (rows where both values are present),
/// in one blocked pass over the rows: for each pair, the count, sums, sums of squares and cross-products of the
/// rows where both values are present (for two columns without missing values only the cross-products: the other
/// sums are the columns' own). Values are shifted by their column mean first, so large offsets (timestamps)
/// do not cancel. The rows are split into a fixed number of slices summed in order, so results do not depend on
/// the thread count.
/// </summary>
internal static class PairwiseCorrelation
{
    private const int Slices = 16;
    private const int BlockRows = 2048;

    /// <summary>Bound on the accumulators of all slices together (48 bytes per pair and slice).</summary>
    private const long MaxAccumulatorBytes = 128L << 20;

    /// <summary>Relative variance below which a column counts as constant on a pair's rows.</summary>
    private const double ConstantTolerance = 1e-12;

    /// <summary>Sums of one column pair over its complete rows.</summary>
    internal struct Moments
    {
        public double Count, SumX, SumY, SumXX, SumYY, SumXY;

        public void Add(in Moments other)
        {
            Count += other.Count;
            SumX += other.SumX;
            SumY += other.SumY;
            SumXX += other.SumXX;
            SumYY += other.SumYY;
            SumXY += other.SumXY;
        }
    }

    /// <summary>Outcome of one pair.</summary>
    internal readonly record struct PairCorrelation(double Rho, long Count, bool FirstConstant, bool SecondConstant);

    /// <summary>Index of pair (a, b), a &lt; b, in the row-major upper triangle of p columns.</summary>
    public static int PairIndex(int a, int b, int p) => (a * ((2 * p) - a - 1) / 2) + (b - a - 1);

    /// <summary>Correlations of all pairs a &lt; b (upper triangle, row-major) of equally long columns with NaN = missing.</summary>
    /// <param name="columns">The columns; <b>consumed</b>: each is shifted by its mean in place (no copy of the data).</param>
    /// <param name="cancellationToken">Cancels the computation.</param>
    /// <param name="maxAccumulatorBytes">Bound on the slices' accumulators (tests lower it to exercise the column groups).</param>
    public static PairCorrelation[] Compute(double[][] columns, CancellationToken cancellationToken, long maxAccumulatorBytes = MaxAccumulatorBytes)
    {
        var p = columns.Length;
        var pairs = p * (p - 1) / 2;
        if (pairs == 0)
        {
            return [];
        }

        var n = columns[0].Length;
        var shifted = new double[p][];
        var complete = new bool[p];
        var counts = new long[p];
        var sums = new double[p];
        var squares = new double[p];
        Parallel.For(0, p, new ParallelOptions { CancellationToken = cancellationToken }, c => (shifted[c], counts[c], sums[c], squares[c]) = Shift(columns[c]));
        for (var c = 0; c < p; c++)
        {
            complete[c] = counts[c] == n;
        }

        // Fixed slices (a function of the data shape only, so sums do not depend on the thread count), fewer for very
        // wide tables to bound the per-slice accumulators; each slice's columns are split into groups of about equal
        // pair counts to keep every core busy. A group owns its pairs' accumulators: no sharing between work items.
        var sliceCount = (int)Math.Clamp(maxAccumulatorBytes / ((long)pairs * Unsafe.SizeOf<Moments>()), 1, Slices);
        var groups = Groups(p, pairs, Math.Max(1, (4 * Environment.ProcessorCount) / sliceCount));
        var slices = new Moments[sliceCount][];
        for (var s = 0; s < sliceCount; s++)
        {
            slices[s] = new Moments[pairs];
        }

        Parallel.For(0, sliceCount * (groups.Length - 1), new ParallelOptions { CancellationToken = cancellationToken }, item =>
        {
            var s = item / (groups.Length - 1);
            var g = item % (groups.Length - 1);
            var moments = slices[s];
            var start = (int)((long)n * s / sliceCount);
            var end = (int)((long)n * (s + 1) / sliceCount);
            for (var blockStart = start; blockStart < end; blockStart += BlockRows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var length = Math.Min(BlockRows, end - blockStart);
                for (var a = groups[g]; a < groups[g + 1]; a++)
                {
                    var x = shifted[a].AsSpan(blockStart, length);
                    var pair = PairIndex(a, a + 1, p);
                    for (var b = a + 1; b < p; b++, pair++)
                    {
                        var y = shifted[b].AsSpan(blockStart, length);
                        ref var m = ref moments[pair];
                        if (complete[a] && complete[b])
                        {
                            m.SumXY += Dot(x, y);
                        }
                        else if (complete[b])
                        {
                            // Rows where x is present: y's sums over them, and the cross-products.
                            AccumulateOneSided(x, y, ref m.SumY, ref m.SumYY, ref m.SumXY);
                        }
                        else if (complete[a])
                        {
                            AccumulateOneSided(y, x, ref m.SumX, ref m.SumXX, ref m.SumXY);
                        }
                        else
                        {
                            AccumulateMasked(x, y, ref m);
                        }
                    }
                }
            }
        });

        var result = new PairCorrelation[pairs];
        for (int pair = 0, a = 0, b = 1; pair < pairs; pair++, b = b + 1 < p ? b + 1 : ++a + 1)
        {
            var total = default(Moments);
            for (var s = 0; s < sliceCount; s++)
            {
                total.Add(slices[s][pair]);
            }

            // Sums over the pair's rows that are a column's own (the rows where the other column, complete, is present).
            if (complete[b])
            {
                (total.Count, total.SumX, total.SumXX) = (counts[a], sums[a], squares[a]);
            }

            if (complete[a])
            {
                (total.Count, total.SumY, total.SumYY) = (counts[b], sums[b], squares[b]);
            }

            result[pair] = Finish(total);
        }

        return result;
    }

    /// <summary>
    /// Boundaries <c>g[0] = 0 &lt; … &lt; g[^1] = p − 1</c> of column groups: group i holds the first columns
    /// <c>g[i] ≤ a &lt; g[i + 1]</c> of its pairs (a, b &gt; a), with about <paramref name="pairs"/> / <paramref name="wanted"/> pairs each.
    /// </summary>
    internal static int[] Groups(int p, int pairs, int wanted)
    {
        var boundaries = new List<int> { 0 };
        var target = Math.Max(1.0, pairs / (double)wanted);
        long owned = 0;
        for (var a = 0; a < p - 1; a++)
        {
            owned += p - 1 - a;
            if (owned >= target * boundaries.Count && a + 1 < p - 1)
            {
                boundaries.Add(a + 1);
            }
        }

        boundaries.Add(p - 1);
        return [.. boundaries];
    }

    /// <summary>The correlation of one pair from its sums.</summary>
    internal static PairCorrelation Finish(in Moments m)
    {
        var count = (long)m.Count;
        if (count < 2)
        {
            return new PairCorrelation(double.NaN, count, false, false);
        }

        var varX = m.SumXX - (m.SumX * m.SumX / m.Count);
        var varY = m.SumYY - (m.SumY * m.SumY / m.Count);
        var cov = m.SumXY - (m.SumX * m.SumY / m.Count);
        var constantX = !(varX > ConstantTolerance * m.SumXX);
        var constantY = !(varY > ConstantTolerance * m.SumYY);
        if (constantX || constantY)
        {
            return new PairCorrelation(double.NaN, count, constantX, constantY);
        }

        var rho = cov / Math.Sqrt(varX * varY);
        return new PairCorrelation(Math.Clamp(rho, -1.0, 1.0), count, false, false);
    }

    /// <summary>
    /// Shifts the column in place by the mean of its present values; returns it, the count of present values, and the
    /// sum and sum of squares of the shifted present values (used for pairs with a complete column).
    /// </summary>
    private static (double[] Shifted, long Count, double Sum, double Squares) Shift(double[] column)
    {
        double sum = 0;
        long count = 0;
        foreach (var x in column)
        {
            if (!double.IsNaN(x))
            {
                sum += x;
                count++;
            }
        }

        var mean = count == 0 ? 0 : sum / count;
        var shifted = column;
        double shiftedSum = 0, shiftedSquares = 0;
        for (var i = 0; i < column.Length; i++)
        {
            var d = column[i] - mean;
            shifted[i] = d;
            if (!double.IsNaN(d))
            {
                shiftedSum += d;
                shiftedSquares += d * d;
            }
        }

        return (shifted, count, shiftedSum, shiftedSquares);
    }

    /// <summary>Σ x·y of two spans without missing values.</summary>
    private static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var width = Vector<double>.Count;
        Vector<double> even = default, odd = default;
        var i = 0;
        for (; i <= x.Length - (2 * width); i += 2 * width)
        {
            even += new Vector<double>(x[i..]) * new Vector<double>(y[i..]);
            odd += new Vector<double>(x[(i + width)..]) * new Vector<double>(y[(i + width)..]);
        }

        var sum = Vector.Sum(even + odd);
        for (; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }

    /// <summary>
    /// For a column <paramref name="u"/> with missing values and a complete column <paramref name="v"/>: over the rows
    /// where u is present, adds Σ v, Σ v² and Σ u·v.
    /// </summary>
    private static void AccumulateOneSided(ReadOnlySpan<double> u, ReadOnlySpan<double> v, ref double sumV, ref double sumVV, ref double sumUV)
    {
        var width = Vector<double>.Count;
        Vector<double> sv = default, svv = default, suv = default;
        var i = 0;
        for (; i <= u.Length - width; i += width)
        {
            var vu = new Vector<double>(u[i..]);
            var present = Vector.Equals(vu, vu);
            vu = Vector.ConditionalSelect(present, vu, Vector<double>.Zero);
            var vv = Vector.ConditionalSelect(present, new Vector<double>(v[i..]), Vector<double>.Zero);
            sv += vv;
            svv += vv * vv;
            suv += vu * vv;
        }

        double tv = Vector.Sum(sv), tvv = Vector.Sum(svv), tuv = Vector.Sum(suv);
        for (; i < u.Length; i++)
        {
            if (!double.IsNaN(u[i]))
            {
                tv += v[i];
                tvv += v[i] * v[i];
                tuv += u[i] * v[i];
            }
        }

        sumV += tv;
        sumVV += tvv;
        sumUV += tuv;
    }

    private static void AccumulateMasked(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ref Moments m)
    {
        var width = Vector<double>.Count;
        Vector<double> count = default, sx = default, sy = default, sxx = default, syy = default, sxy = default;
        var one = Vector<double>.One;
        var i = 0;
        for (; i <= x.Length - width; i += width)
        {
            var vx = new Vector<double>(x[i..]);
            var vy = new Vector<double>(y[i..]);
            var both = Vector.Equals(vx, vx) & Vector.Equals(vy, vy);
            vx = Vector.ConditionalSelect(both, vx, Vector<double>.Zero);
            vy = Vector.ConditionalSelect(both, vy, Vector<double>.Zero);
            count += Vector.ConditionalSelect(both, one, Vector<double>.Zero);
            sx += vx;
            sy += vy;
            sxx += vx * vx;
            syy += vy * vy;
            sxy += vx * vy;
        }

        double tc = Vector.Sum(count), tx = Vector.Sum(sx), ty = Vector.Sum(sy), txx = Vector.Sum(sxx), tyy = Vector.Sum(syy), txy = Vector.Sum(sxy);
        for (; i < x.Length; i++)
        {
            if (double.IsNaN(x[i]) || double.IsNaN(y[i]))
            {
                continue;
            }

            tc++;
            tx += x[i];
            ty += y[i];
            txx += x[i] * x[i];
            tyy += y[i] * y[i];
            txy += x[i] * y[i];
        }

        m.Count += tc;
        m.SumX += tx;
        m.SumY += ty;
        m.SumXX += txx;
        m.SumYY += tyy;
        m.SumXY += txy;
    }
}
