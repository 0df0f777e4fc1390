namespace Avatars.Engine.Projection;

/// <summary>
/// Contributions, cos² and correlations of the variables (method.md §3.9), computed on the fitted rows from the
/// stored moments: with G = Zsᵀ·Zs/n, the coordinates F_k = Zs·V_k have E[z_l·F_k] = (G·V_k)_l and
/// E[F_k²] = V_k·G·V_k, so no second pass over the data is needed.
/// </summary>
internal static class ProjectionStatistics
{
    public static ComponentTable Correlations(ProjectionLayout layout, Moments moments, double[] v, int nf)
    {
        var width = layout.Width;
        var names = Enumerable.Range(0, width).Select(layout.ProjectedName).ToArray();
        var result = new double[width * nf];
        if (layout.Kind == ProjectionKind.Mca)
        {
            McaCorrelations(layout, moments, v, nf, result);
        }
        else
        {
            var g = GramMatrices.Standardized(layout, moments);
            var means = ColumnMeans(layout, moments);
            for (var k = 0; k < nf; k++)
            {
                var (gv, meanF, varF) = Projected(g, means, v.AsSpan(k * width, width));
                for (var l = 0; l < width; l++)
                {
                    var cov = gv[l] - (means[l] * meanF);
                    var varL = g[(l * width) + l] - (means[l] * means[l]);
                    result[(l * nf) + k] = cov / Math.Sqrt(varL * varF);
                }
            }
        }

        return new ComponentTable(names, nf, result);
    }

    public static ComponentTable Cos2(ProjectionLayout layout, Moments moments, double[] v, int nf)
    {
        if (layout.Kind != ProjectionKind.Famd)
        {
            // PCA and MCA: saiph sets cos2 = correlations².
            var correlations = Correlations(layout, moments, v, nf);
            var rows = layout.Kind == ProjectionKind.Pca ? layout.ContinuousCount : layout.DummyCount;
            var squared = new double[rows * nf];
            for (var r = 0; r < rows; r++)
            {
                for (var k = 0; k < nf; k++)
                {
                    squared[(r * nf) + k] = correlations[r, k] * correlations[r, k];
                }
            }

            return new ComponentTable(correlations.RowNames, nf, squared);
        }

        // FAMD, as FactoMineR var$cos2: continuous corr⁴; categorical η⁴/(m − 1) with
        // η² = Σ_m ((1/n) Σ_i d_im F_ik)² / p_m / ((1/n) Σ_i F_ik²) and (1/n) Σ_i d_im F_ik = sqrt(p_m)(G V_k)_m + p_m E[F_k].
        var width = layout.Width;
        var pc = layout.ContinuousCount;
        var g = GramMatrices.Standardized(layout, moments);
        var means = ColumnMeans(layout, moments);
        var names = layout.Continuous.Select(c => c.Name).Concat(layout.Categorical.Select(c => c.Name)).ToArray();
        var result = new double[names.Length * nf];
        for (var k = 0; k < nf; k++)
        {
            var vk = v.AsSpan(k * width, width);
            var (gv, meanF, _) = Projected(g, means, vk);
            var squareF = VectorMath.Dot(vk, gv);
            for (var j = 0; j < pc; j++)
            {
                // saiph divides by the column's root mean square snapped to 1 (0 for a constant column, giving 0).
                var correlation2 = g[(j * width) + j] > 0 ? gv[j] * gv[j] / (g[(j * width) + j] * squareF) : 0.0;
                result[(j * nf) + k] = correlation2 * correlation2;
            }

            for (var u = 0; u < layout.CategoricalCount; u++)
            {
                var variable = layout.Categorical[u];
                var between = 0.0;
                for (var m = 0; m < variable.ModalityCount; m++)
                {
                    var d = variable.FirstDummy + m;
                    var p = layout.Proportions[d];
                    var mean = (Math.Sqrt(p) * gv[pc + d]) + (p * meanF);
                    between += mean * mean / p;
                }

                var eta2 = between / squareF;
                result[((pc + u) * nf) + k] = eta2 * eta2 / (variable.ModalityCount - 1);
            }
        }

        return new ComponentTable(names, nf, result);
    }

    public static ComponentTable Contributions(ProjectionLayout layout, Moments moments, Decomposition decomposition, double[] v, int nf, bool explode)
    {
        var width = layout.Width;
        var pc = layout.ContinuousCount;
        if (layout.Kind == ProjectionKind.Pca)
        {
            // saiph: 100 · cos² / Σ cos² per component.
            var cos2 = Cos2(layout, moments, v, nf);
            var values = new double[pc * nf];
            for (var k = 0; k < nf; k++)
            {
                var total = 0.0;
                for (var j = 0; j < pc; j++)
                {
                    total += cos2[j, k];
                }

                for (var j = 0; j < pc; j++)
                {
                    values[(j * nf) + k] = 100 * cos2[j, k] / total;
                }
            }

            return new ComponentTable(cos2.RowNames, nf, values);
        }

        // FAMD and MCA: the share of component k's inertia S_k² = Σ_l (Z v_k)ᵀ(Z e_l) v_kl carried by column l is v_kl².
        var exploded = new double[width * nf];
        for (var k = 0; k < nf; k++)
        {
            for (var l = 0; l < width; l++)
            {
                var x = decomposition.Vt[(k * width) + l];
                exploded[(l * nf) + k] = 100 * x * x;
            }
        }

        var names = Enumerable.Range(0, width).Select(layout.ProjectedName).ToArray();
        if (explode)
        {
            return new ComponentTable(names, nf, exploded);
        }

        var grouped = new double[(pc + layout.CategoricalCount) * nf];
        Array.Copy(exploded, grouped, pc * nf);
        for (var d = 0; d < layout.DummyCount; d++)
        {
            var u = layout.DummyVariable[d];
            for (var k = 0; k < nf; k++)
            {
                grouped[((pc + u) * nf) + k] += exploded[((pc + d) * nf) + k];
            }
        }

        var groupedNames = layout.Continuous.Select(c => c.Name).Concat(layout.Categorical.Select(c => c.Name)).ToArray();
        return new ComponentTable(groupedNames, nf, grouped);
    }

    /// <summary>E[Zs_l] at fit time: Σz/n for continuous columns; 0 for centred dummies.</summary>
    private static double[] ColumnMeans(ProjectionLayout layout, Moments moments)
    {
        var means = new double[layout.Width];
        for (var j = 0; j < layout.ContinuousCount; j++)
        {
            means[j] = moments.SumZ[j] / layout.RowCount;
        }

        return means;
    }

    /// <summary>G·v, E[F] and Var[F] for the coordinate F = Zs·v.</summary>
    private static (double[] Gv, double MeanF, double VarF) Projected(double[] g, double[] means, ReadOnlySpan<double> vk)
    {
        var width = vk.Length;
        var gv = new double[width];
        for (var l = 0; l < width; l++)
        {
            gv[l] = VectorMath.Dot(g.AsSpan(l * width, width), vk);
        }

        var meanF = VectorMath.Dot(means, vk);
        return (gv, meanF, VectorMath.Dot(vk, gv) - (meanF * meanF));
    }

    /// <summary>
    /// MCA: F_k = Σ_m d_m·a_km with a_km = V_km·D_c,m / q (row profiles of the fitted rows), so with the
    /// co-occurrence moments C = N/n: E[d_m F_k] = (C a_k)_m, E[F_k] = p·a_k, E[F_k²] = a_k·C·a_k.
    /// </summary>
    private static void McaCorrelations(ProjectionLayout layout, Moments moments, double[] v, int nf, double[] result)
    {
        var m = layout.DummyCount;
        var n = (double)layout.RowCount;
        var p = layout.Proportions;
        var a = new double[m];
        var ca = new double[m];
        for (var k = 0; k < nf; k++)
        {
            for (var d = 0; d < m; d++)
            {
                a[d] = v[(k * m) + d] * layout.McaColumnFactor[d] / layout.CategoricalCount;
            }

            for (var d = 0; d < m; d++)
            {
                var sum = 0.0;
                for (var e = 0; e < m; e++)
                {
                    sum += moments.Counts[(d * m) + e] * a[e];
                }

                ca[d] = sum / n;
            }

            var meanF = VectorMath.Dot(p, a);
            var varF = VectorMath.Dot(a, ca) - (meanF * meanF);
            for (var d = 0; d < m; d++)
            {
                var cov = ca[d] - (p[d] * meanF);
                result[(d * nf) + k] = cov / Math.Sqrt(p[d] * (1 - p[d]) * varF);
            }
        }
    }
}
