namespace Avatars.Engine.Projection;

/// <summary>P × P Gram matrices built from <see cref="Moments"/> (row-major arrays).</summary>
internal static class GramMatrices
{
    /// <summary>
    /// G = Zsᵀ·Zs / n for FAMD/PCA, with Zs = [z | (d − p)/sqrt(p)]. The dummy centring is expanded
    /// algebraically: Σ z_j (d_m − p_m) = Σ_{d_m=1} z_j − p_m Σ z_j and
    /// Σ (d_m − p_m)(d_l − p_l) = N_ml − N_m N_l / n.
    /// </summary>
    public static double[] Standardized(ProjectionLayout layout, Moments moments)
    {
        var n = (double)layout.RowCount;
        var pc = layout.ContinuousCount;
        var m = layout.DummyCount;
        var width = layout.Width;
        var p = layout.Proportions;
        var counts = moments.Counts;
        var g = new double[width * width];
        for (var j = 0; j < pc; j++)
        {
            for (var l = 0; l < pc; l++)
            {
                g[(j * width) + l] = moments.ZZ[(j * pc) + l] / n;
            }

            for (var d = 0; d < m; d++)
            {
                var value = (moments.ZD[(d * pc) + j] - (p[d] * moments.SumZ[j])) / (n * Math.Sqrt(p[d]));
                g[(j * width) + pc + d] = value;
                g[((pc + d) * width) + j] = value;
            }
        }

        for (var a = 0; a < m; a++)
        {
            for (var b = 0; b < m; b++)
            {
                var centred = counts[(a * m) + b] - (counts[(a * m) + a] * (double)counts[(b * m) + b] / n);
                g[((pc + a) * width) + pc + b] = centred / (n * Math.Sqrt(p[a] * p[b]));
            }
        }

        return g;
    }

    /// <summary>ZᵀZ for the matrix saiph decomposes: Z = diag(1/n)·Zs·diag(w) (FAMD/PCA) or Z = diag(1/n)·T·diag(w) (MCA).</summary>
    public static double[] Weighted(ProjectionLayout layout, Moments moments)
    {
        var n = (double)layout.RowCount;
        var width = layout.Width;
        var w = layout.Weights;
        if (layout.Kind != ProjectionKind.Mca)
        {
            var g = Standardized(layout, moments);
            for (var a = 0; a < width; a++)
            {
                for (var b = 0; b < width; b++)
                {
                    g[(a * width) + b] *= w[a] * w[b] / n;
                }
            }

            return g;
        }

        // MCA: T_im = D_r (d_im/N − r c_m) D_c,m. With r = 1/n and N = n q:
        // Σ_i T_im T_il = D_r² D_c,m D_c,l (N_ml − N_m N_l / n) / N².
        var m = layout.DummyCount;
        var total = n * layout.CategoricalCount;
        var counts = moments.Counts;
        var factor = layout.McaRowFactor * layout.McaRowFactor / (n * n * total * total);
        var dc = layout.McaColumnFactor;
        var result = new double[m * m];
        for (var a = 0; a < m; a++)
        {
            for (var b = 0; b < m; b++)
            {
                var centred = counts[(a * m) + b] - (counts[(a * m) + a] * (double)counts[(b * m) + b] / n);
                result[(a * m) + b] = factor * centred * dc[a] * w[a] * dc[b] * w[b];
            }
        }

        return result;
    }
}
