namespace Avatars.Engine.Projection;

/// <summary>
/// A linear map from an encoded row to K outputs that exploits the one-hot structure:
/// <c>y = c + Σ_j z_j·A_j + Σ_{active m} B_m</c>, optionally divided by the number of active dummies (MCA row
/// profiles). Costs (p_c + q)·K per row instead of P·K. Used for the transform and for the svd_flip pass.
/// </summary>
internal sealed class LinearRowMap
{
    private readonly int pc;
    private readonly int q;
    private readonly double[] a;
    private readonly double[] b;
    private readonly double[] c;
    private readonly bool perActiveDummy;

    private LinearRowMap(int outputs, int pc, int q, double[] a, double[] b, double[] c, bool perActiveDummy)
    {
        Outputs = outputs;
        this.pc = pc;
        this.q = q;
        this.a = a;
        this.b = b;
        this.c = c;
        this.perActiveDummy = perActiveDummy;
    }

    /// <summary>K, the number of outputs per row.</summary>
    public int Outputs { get; }

    /// <summary>
    /// y_k = Σ_l Zs_l·h[k, l] for the standardised row Zs = [z | (d − p)/sqrt(p)] (FAMD/PCA), with h row-major
    /// K × P. The dummy part expands to Σ_active h_m/sqrt(p_m) − Σ_m sqrt(p_m)·h_m.
    /// </summary>
    public static LinearRowMap Standardized(ProjectionLayout layout, ReadOnlySpan<double> h, int outputs)
    {
        var (pc, m, width) = (layout.ContinuousCount, layout.DummyCount, layout.Width);
        var p = layout.Proportions;
        var a = new double[pc * outputs];
        var b = new double[m * outputs];
        var c = new double[outputs];
        for (var k = 0; k < outputs; k++)
        {
            var row = h.Slice(k * width, width);
            for (var j = 0; j < pc; j++)
            {
                a[(j * outputs) + k] = row[j];
            }

            for (var d = 0; d < m; d++)
            {
                var sqrtP = Math.Sqrt(p[d]);
                b[(d * outputs) + k] = row[pc + d] / sqrtP;
                c[k] -= sqrtP * row[pc + d];
            }
        }

        return new LinearRowMap(outputs, pc, layout.CategoricalCount, a, b, c, perActiveDummy: false);
    }

    /// <summary>
    /// y_k = Σ_m T_m·h[k, m] for the MCA row T_m = D_r (d_m/N − r c_m) D_c,m (h row-major K × M).
    /// </summary>
    public static LinearRowMap McaTable(ProjectionLayout layout, ReadOnlySpan<double> h, int outputs)
    {
        var m = layout.DummyCount;
        var total = (double)layout.RowCount * layout.CategoricalCount;
        var rowMass = layout.CategoricalCount / total;
        var b = new double[m * outputs];
        var c = new double[outputs];
        for (var k = 0; k < outputs; k++)
        {
            for (var d = 0; d < m; d++)
            {
                var f = layout.McaRowFactor * layout.McaColumnFactor[d] * h[(k * m) + d];
                b[(d * outputs) + k] = f / total;
                c[k] -= f * rowMass * layout.McaColumnMass[d];
            }
        }

        return new LinearRowMap(outputs, 0, layout.CategoricalCount, [], b, c, perActiveDummy: false);
    }

    /// <summary>
    /// MCA transform: y_k = Σ_m R_m·D_c,m·V[k, m] with the row profile R = d / (number of active dummies).
    /// </summary>
    public static LinearRowMap McaProfiles(ProjectionLayout layout, ReadOnlySpan<double> v, int outputs)
    {
        var m = layout.DummyCount;
        var b = new double[m * outputs];
        for (var k = 0; k < outputs; k++)
        {
            for (var d = 0; d < m; d++)
            {
                b[(d * outputs) + k] = v[(k * m) + d] * layout.McaColumnFactor[d];
            }
        }

        return new LinearRowMap(outputs, 0, layout.CategoricalCount, [], b, new double[outputs], perActiveDummy: true);
    }

    /// <summary>
    /// Up to this many outputs the continuous part is computed column by column (long SIMD runs over the rows,
    /// then a transpose); beyond, row by row (SIMD over the outputs, no transpose). Measured crossover.
    /// </summary>
    private const int ColumnMajorMaxOutputs = 16;

    /// <summary>The scratch length <see cref="Apply"/> needs for <paramref name="count"/> rows.</summary>
    public int ScratchLength(int count) => pc > 0 && Outputs <= ColumnMajorMaxOutputs ? Outputs * count : 0;

    /// <summary>
    /// Maps <paramref name="count"/> encoded rows (column-major buffers of <see cref="RowEncoder.Fill"/>) to
    /// <paramref name="y"/>, row-major count × K. <paramref name="scratch"/> holds <see cref="ScratchLength"/> values.
    /// </summary>
    public void Apply(ReadOnlySpan<double> z, ReadOnlySpan<int> active, int count, Span<double> y, Span<double> scratch)
    {
        var k = Outputs;
        if (pc > 0 && k <= ColumnMajorMaxOutputs)
        {
            var columns = scratch[..(k * count)];
            for (var o = 0; o < k; o++)
            {
                var column = columns.Slice(o * count, count);
                column.Fill(c[o]);
                for (var j = 0; j < pc; j++)
                {
                    VectorMath.Axpy(a[(j * k) + o], z.Slice(j * count, count), column);
                }
            }

            for (var r = 0; r < count; r++)
            {
                var yr = y.Slice(r * k, k);
                for (var o = 0; o < k; o++)
                {
                    yr[o] = columns[(o * count) + r];
                }
            }
        }
        else
        {
            for (var r = 0; r < count; r++)
            {
                var yr = y.Slice(r * k, k);
                c.CopyTo(yr);
                for (var j = 0; j < pc; j++)
                {
                    VectorMath.Axpy(z[(j * count) + r], a.AsSpan(j * k, k), yr);
                }
            }
        }

        if (q == 0)
        {
            return;
        }

        // Dummy part row by row: each active dummy adds its precomputed K-vector.
        for (var r = 0; r < count; r++)
        {
            var yr = y.Slice(r * k, k);
            var activeCount = 0;
            for (var u = 0; u < q; u++)
            {
                var dummy = active[(u * count) + r];
                if (dummy >= 0)
                {
                    VectorMath.Add(b.AsSpan(dummy * k, k), yr);
                    activeCount++;
                }
            }

            if (perActiveDummy)
            {
                // saiph divides the row by its sum; a row without any known modality maps to the origin.
                if (activeCount == 0)
                {
                    yr.Clear();
                }
                else if (activeCount != 1)
                {
                    for (var i = 0; i < k; i++)
                    {
                        yr[i] /= activeCount;
                    }
                }
            }
        }
    }
}
