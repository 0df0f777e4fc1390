namespace Avatars.Engine.Projection;

/// <summary>Builds the dense n × P matrix Z that saiph decomposes. For the test oracle only: O(n·P) memory.</summary>
internal static class DenseMatrix
{
    /// <summary>Z = diag(1/n)·Zs·diag(w) (FAMD/PCA) or diag(1/n)·T·diag(w) (MCA), row-major.</summary>
    public static double[] WeightedZ(ProjectionLayout layout, RowEncoder encoder)
    {
        var n = layout.RowCount;
        var (pc, q, width) = (layout.ContinuousCount, layout.CategoricalCount, layout.Width);
        var w = layout.Weights;
        var p = layout.Proportions;
        var result = new double[n * width];
        var z = new double[pc];
        var active = new int[q];
        var total = (double)n * q;
        var rowMass = q / total;
        for (var i = 0; i < n; i++)
        {
            encoder.Fill(i, 1, z, active);
            var row = result.AsSpan(i * width, width);
            for (var j = 0; j < pc; j++)
            {
                row[j] = z[j] * w[j] / n;
            }

            for (var d = 0; d < layout.DummyCount; d++)
            {
                var indicator = active.Contains(d) ? 1.0 : 0.0;
                var scaled = layout.Kind == ProjectionKind.Mca
                    ? layout.McaRowFactor * ((indicator / total) - (rowMass * layout.McaColumnMass[d])) * layout.McaColumnFactor[d]
                    : (indicator - p[d]) / Math.Sqrt(p[d]);
                row[pc + d] = scaled * w[pc + d] / n;
            }
        }

        return result;
    }
}
