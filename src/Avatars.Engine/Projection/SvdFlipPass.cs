namespace Avatars.Engine.Projection;

/// <summary>
/// The data pass behind svd_flip on the Gram path: for each component v (a row of Vt), the value of
/// y = n·Z·v (= n·S·U[:, j], a positive multiple of U) at the first row where |y| is largest.
/// </summary>
internal static class SvdFlipPass
{
    public static double[] SignedMaxima(ProjectionLayout layout, RowEncoder encoder, double[] vtRows, int count, CancellationToken cancellationToken)
    {
        // Z = diag(1/n)·Zs·diag(w): the map uses h = w ∘ v (the 1/n is a positive factor).
        var width = layout.Width;
        var h = new double[count * width];
        for (var k = 0; k < count; k++)
        {
            for (var l = 0; l < width; l++)
            {
                h[(k * width) + l] = vtRows[(k * width) + l] * layout.Weights[l];
            }
        }

        var map = layout.Kind == ProjectionKind.Mca
            ? LinearRowMap.McaTable(layout, h, count)
            : LinearRowMap.Standardized(layout, h, count);
        var (pc, q) = (layout.ContinuousCount, layout.CategoricalCount);
        var parts = RowBlocks.Reduce(
            encoder.RowCount,
            () => new Extremes(count, pc, q, map.ScratchLength(RowBlocks.BlockSize)),
            (part, start, rows) => part.Add(encoder, map, start, rows),
            cancellationToken);

        // Largest |y|; on equal magnitudes the lowest row index wins (NumPy argmax returns the first).
        var values = new double[count];
        for (var k = 0; k < count; k++)
        {
            var best = parts[0];
            foreach (var part in parts)
            {
                if (part.Magnitude[k] > best.Magnitude[k] || (part.Magnitude[k] == best.Magnitude[k] && part.Row[k] < best.Row[k]))
                {
                    best = part;
                }
            }

            values[k] = best.Value[k];
        }

        return values;
    }

    private sealed class Extremes
    {
        private readonly int count;
        private readonly int pc;
        private readonly int q;
        private readonly double[] z;
        private readonly int[] active;
        private readonly double[] y;
        private readonly double[] scratch;

        public Extremes(int count, int pc, int q, int scratchLength)
        {
            this.count = count;
            this.pc = pc;
            this.q = q;
            z = new double[pc * RowBlocks.BlockSize];
            active = new int[q * RowBlocks.BlockSize];
            y = new double[count * RowBlocks.BlockSize];
            scratch = new double[scratchLength];
            Magnitude = Enumerable.Repeat(-1.0, count).ToArray();
            Value = new double[count];
            Row = Enumerable.Repeat(int.MaxValue, count).ToArray();
        }

        public double[] Magnitude { get; }

        public double[] Value { get; }

        public int[] Row { get; }

        public void Add(RowEncoder encoder, LinearRowMap map, int start, int rows)
        {
            var zs = z.AsSpan(0, pc * rows);
            var act = active.AsSpan(0, q * rows);
            encoder.Fill(start, rows, zs, act);
            var ys = y.AsSpan(0, count * rows);
            map.Apply(zs, act, rows, ys, scratch);

            // Blocks of a stripe arrive in increasing row order, so a strict '>' keeps the first maximum.
            for (var r = 0; r < rows; r++)
            {
                for (var k = 0; k < count; k++)
                {
                    var value = ys[(r * count) + k];
                    if (Math.Abs(value) > Magnitude[k])
                    {
                        Magnitude[k] = Math.Abs(value);
                        Value[k] = value;
                        Row[k] = start + r;
                    }
                }
            }
        }
    }
}
