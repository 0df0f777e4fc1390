using MathNet.Numerics.LinearAlgebra;

namespace Avatars.Engine.Projection;

/// <summary>
/// The thin SVD of the weighted matrix Z (n × P) after svd_flip: the r = min(n, P) singular values in decreasing
/// order and the right singular vectors (rows of Vt, unit norm). U is never kept.
/// </summary>
internal sealed class Decomposition
{
    /// <summary>
    /// An eigenvalue of ZᵀZ at most this fraction of the largest (a singular value ≤ 1e-6 of the largest) is
    /// rounding noise of the Gram matrix: its component is numerically null.
    /// </summary>
    public const double NullEigenvalueRatio = 1e-12;

    public Decomposition(double[] singularValues, double[] vt, int width)
    {
        SingularValues = singularValues;
        Vt = vt;
        Width = width;
    }

    /// <summary>S, decreasing, r values.</summary>
    public double[] SingularValues { get; }

    /// <summary>Vt, r × P row-major, rows of unit norm, signs fixed by svd_flip.</summary>
    public double[] Vt { get; }

    /// <summary>P.</summary>
    public int Width { get; }

    /// <summary>r = min(n, P).</summary>
    public int Rank => SingularValues.Length;

    /// <summary>
    /// Gram path: eigen-decomposes ZᵀZ (symmetric, P × P), keeps the <paramref name="rank"/> largest eigenpairs,
    /// S = sqrt(max(λ, 0)), then applies svd_flip. The sign rule needs U_j = Z·v_j / S_j:
    /// <paramref name="signedMaxima"/> receives K rows of Vt and returns, for each, the value of Z·v at the first
    /// row where |Z·v| is largest (one pass over the data). Numerically null components (see
    /// <see cref="NullEigenvalueRatio"/>), whose U is noise, take the V-based rule instead.
    /// </summary>
    public static Decomposition FromGram(double[] gram, int width, int rank, Func<double[], int, double[]> signedMaxima)
    {
        var matrix = Matrix<double>.Build.Dense(width, width, (i, j) => gram[(i * width) + j]);
        var evd = matrix.Evd(Symmetricity.Symmetric);
        var eigenvalues = evd.EigenValues.Select(e => e.Real).ToArray();
        var vectors = evd.EigenVectors;

        // Decreasing order; equal eigenvalues keep the solver's order (stable sort).
        var order = Enumerable.Range(0, width).OrderByDescending(i => eigenvalues[i]).Take(rank).ToArray();
        var s = new double[rank];
        var vt = new double[rank * width];
        for (var k = 0; k < rank; k++)
        {
            s[k] = Math.Sqrt(Math.Max(eigenvalues[order[k]], 0.0));
            for (var l = 0; l < width; l++)
            {
                vt[(k * width) + l] = vectors[l, order[k]];
            }
        }

        var largest = rank == 0 ? 0.0 : Math.Max(eigenvalues[order[0]], 0.0);
        var live = Enumerable.Range(0, rank).Where(k => largest > 0 && s[k] * s[k] > NullEigenvalueRatio * largest).ToArray();
        if (live.Length > 0)
        {
            var rows = new double[live.Length * width];
            for (var i = 0; i < live.Length; i++)
            {
                vt.AsSpan(live[i] * width, width).CopyTo(rows.AsSpan(i * width, width));
            }

            var maxima = signedMaxima(rows, live.Length);
            for (var i = 0; i < live.Length; i++)
            {
                if (maxima[i] < 0)
                {
                    Negate(vt.AsSpan(live[i] * width, width));
                }
            }
        }

        for (var k = 0; k < rank; k++)
        {
            if (!live.Contains(k))
            {
                FlipByLargestEntry(vt.AsSpan(k * width, width));
            }
        }

        return new Decomposition(s, vt, width);
    }

    /// <summary>
    /// Dense path (test oracle and §3.7 anchor): thin SVD of <paramref name="z"/> (rows × columns, row-major)
    /// with MathNet, then svd_flip on U. Returns U (rows × r), S and Vt (r × columns).
    /// </summary>
    public static (double[] U, double[] S, double[] Vt) ThinSvd(double[] z, int rows, int columns)
    {
        var matrix = Matrix<double>.Build.Dense(rows, columns, (i, j) => z[(i * columns) + j]);
        var svd = matrix.Svd(computeVectors: true);
        var rank = Math.Min(rows, columns);
        var u = new double[rows * rank];
        var s = new double[rank];
        var vt = new double[rank * columns];
        for (var k = 0; k < rank; k++)
        {
            s[k] = svd.S[k];
            for (var i = 0; i < rows; i++)
            {
                u[(i * rank) + k] = svd.U[i, k];
            }

            for (var l = 0; l < columns; l++)
            {
                vt[(k * columns) + l] = svd.VT[k, l];
            }
        }

        SvdFlip(u, vt, rows, columns, rank);
        return (u, s, vt);
    }

    /// <summary>
    /// scikit-learn <c>svd_flip</c>, U-based: for each component j, i* = argmax_i |U_ij| (first index on ties);
    /// U[:, j] and Vt[j, :] are multiplied by sign(U_{i*j}) (a zero column is left as it is).
    /// </summary>
    public static void SvdFlip(double[] u, double[] vt, int rows, int columns, int rank)
    {
        for (var k = 0; k < rank; k++)
        {
            var best = -1.0;
            var value = 0.0;
            for (var i = 0; i < rows; i++)
            {
                var x = u[(i * rank) + k];
                if (Math.Abs(x) > best)
                {
                    best = Math.Abs(x);
                    value = x;
                }
            }

            if (value < 0)
            {
                for (var i = 0; i < rows; i++)
                {
                    u[(i * rank) + k] = -u[(i * rank) + k];
                }

                Negate(vt.AsSpan(k * columns, columns));
            }
        }
    }

    /// <summary>The V-based sign rule (largest |entry| positive, first index on ties), for components whose U is undetermined.</summary>
    private static void FlipByLargestEntry(Span<double> row)
    {
        var best = -1.0;
        var value = 0.0;
        foreach (var x in row)
        {
            if (Math.Abs(x) > best)
            {
                best = Math.Abs(x);
                value = x;
            }
        }

        if (value < 0)
        {
            Negate(row);
        }
    }

    private static void Negate(Span<double> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = -values[i];
        }
    }
}
