namespace Avatars.Engine.Projection;

/// <summary>
/// Sufficient statistics of the encoded training table, accumulated in one pass without materialising the
/// n × P matrix: sums and cross-products of the standardised continuous values, their sums per active dummy,
/// and the co-occurrence counts of the dummies. Every Gram matrix the projection needs is an algebraic
/// function of these (the centring of the dummies is applied afterwards, in P × P).
/// </summary>
internal sealed class Moments
{
    public Moments(int rowCount, int continuousCount, int dummyCount)
    {
        RowCount = rowCount;
        ContinuousCount = continuousCount;
        DummyCount = dummyCount;
        SumZ = new double[continuousCount];
        ZZ = new double[continuousCount * continuousCount];
        ZD = new double[dummyCount * continuousCount];
        Counts = new long[dummyCount * dummyCount];
    }

    /// <summary>n.</summary>
    public int RowCount { get; }

    /// <summary>p_c.</summary>
    public int ContinuousCount { get; }

    /// <summary>M.</summary>
    public int DummyCount { get; }

    /// <summary>Σ_i z_ij.</summary>
    public double[] SumZ { get; }

    /// <summary>Σ_i z_ij z_il, p_c × p_c, symmetric.</summary>
    public double[] ZZ { get; }

    /// <summary>Σ_i z_ij d_im at <c>[m * p_c + j]</c>.</summary>
    public double[] ZD { get; }

    /// <summary>Σ_i d_im d_il (co-occurrences; the diagonal holds the dummy counts), M × M, symmetric.</summary>
    public long[] Counts { get; }

    /// <summary>Accumulates the moments of every row of <paramref name="encoder"/>'s table, in parallel over row blocks.</summary>
    public static Moments Accumulate(ProjectionLayout layout, RowEncoder encoder, CancellationToken cancellationToken)
    {
        var pc = layout.ContinuousCount;
        var q = layout.CategoricalCount;
        var m = layout.DummyCount;
        var parts = RowBlocks.Reduce(
            encoder.RowCount,
            () => new Partial(pc, q, m),
            (part, start, count) => part.Add(encoder, start, count),
            cancellationToken);

        // Combine the stripes in a fixed order: the result does not depend on the thread count.
        var total = new Moments(encoder.RowCount, pc, m);
        foreach (var part in parts)
        {
            part.Complete();
            VectorMath.Add(part.SumZ, total.SumZ);
            VectorMath.Add(part.ZZ, total.ZZ);
            VectorMath.Add(part.ZD, total.ZD);
            for (var i = 0; i < part.Counts.Length; i++)
            {
                total.Counts[i] += part.Counts[i];
            }
        }

        // Only the upper triangles were accumulated (dummies of a later variable have larger indices).
        for (var j = 0; j < pc; j++)
        {
            for (var l = 0; l < j; l++)
            {
                total.ZZ[(j * pc) + l] = total.ZZ[(l * pc) + j];
            }
        }

        for (var a = 0; a < m; a++)
        {
            for (var b = 0; b < a; b++)
            {
                total.Counts[(a * m) + b] = total.Counts[(b * m) + a];
            }
        }

        return total;
    }

    /// <summary>The partial sums of one stripe of row blocks.</summary>
    private sealed class Partial(int pc, int q, int m)
    {
        private readonly double[] z = new double[pc * RowBlocks.BlockSize];
        private readonly int[] active = new int[q * RowBlocks.BlockSize];

        public double[] SumZ { get; } = new double[pc];

        public double[] ZZ { get; } = new double[pc * pc];

        public double[] ZD { get; } = new double[m * pc];

        public long[] Counts { get; } = new long[m * m];

        private readonly double[] zd = new double[2 * m * pc];

        // Per stripe a cell counts at most n < 2³¹ rows: int halves the cache footprint.
        private readonly int[] counts = new int[2 * m * m];

        public void Add(RowEncoder encoder, int start, int count)
        {
            var zs = z.AsSpan(0, pc * count);
            var act = active.AsSpan(0, q * count);
            encoder.Fill(start, count, zs, act);

            // Continuous × continuous: block dot products (column-major buffer, SIMD).
            for (var j = 0; j < pc; j++)
            {
                var zj = zs.Slice(j * count, count);
                SumZ[j] += VectorMath.Sum(zj);
                for (var l = j; l < pc; l++)
                {
                    ZZ[(j * pc) + l] += VectorMath.Dot(zj, zs.Slice(l * count, count));
                }
            }

            // Continuous × dummy: each row adds its z to the sums of its q active dummies. Even and odd rows go to
            // two copies so that repeated hits on one cell do not serialise on store-to-load latency.
            var half = m * pc;
            for (var u = 0; u < q; u++)
            {
                var au = act.Slice(u * count, count);
                for (var j = 0; j < pc; j++)
                {
                    var zj = zs.Slice(j * count, count);
                    var r = 0;
                    for (; r + 1 < count; r += 2)
                    {
                        zd[(au[r] * pc) + j] += zj[r];
                        zd[half + (au[r + 1] * pc) + j] += zj[r + 1];
                    }

                    if (r < count)
                    {
                        zd[(au[r] * pc) + j] += zj[r];
                    }
                }

                // Dummy × dummy: one-hot rows have q ones, so q(q+1)/2 co-occurrence increments per row.
                for (var r = 0; r < count; r++)
                {
                    counts[au[r] * (m + 1)]++;
                }

                var cells = m * m;
                for (var v = u + 1; v < q; v++)
                {
                    var av = act.Slice(v * count, count);
                    var r = 0;
                    for (; r + 1 < count; r += 2)
                    {
                        counts[(au[r] * m) + av[r]]++;
                        counts[cells + (au[r + 1] * m) + av[r + 1]]++;
                    }

                    if (r < count)
                    {
                        counts[(au[r] * m) + av[r]]++;
                    }
                }
            }
        }

        /// <summary>Folds the two copies of the scattered sums into <see cref="ZD"/> and <see cref="Counts"/>.</summary>
        public void Complete()
        {
            for (var i = 0; i < ZD.Length; i++)
            {
                ZD[i] = zd[i] + zd[ZD.Length + i];
            }

            for (var i = 0; i < Counts.Length; i++)
            {
                Counts[i] = (long)counts[i] + counts[Counts.Length + i];
            }
        }
    }
}
