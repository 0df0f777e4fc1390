using MathNet.Numerics.LinearAlgebra;

namespace Avatars.Engine.Privacy;

/// <summary>
/// The principal axes of the noisy covariance (post-processing of stage 1): the <c>ncp</c> leading eigenvectors
/// and the standard deviation along each (√max(λ, 0)), which fix the data-independent-given-stage-1 cell grid.
/// </summary>
internal sealed class PrivateProjection
{
    private PrivateProjection(double[] center, double[] axes, double[] scales, int d, int ncp)
    {
        Center = center;
        Axes = axes;
        Scales = scales;
        Width = d;
        Ncp = ncp;
    }

    /// <summary>μ̃.</summary>
    public double[] Center { get; }

    /// <summary>ncp × d row-major unit eigenvectors, decreasing eigenvalue; sign fixed so the largest |entry| is positive.</summary>
    public double[] Axes { get; }

    /// <summary>√max(λ_j, 0) for each kept axis.</summary>
    public double[] Scales { get; }

    /// <summary>d.</summary>
    public int Width { get; }

    /// <summary>The number of axes.</summary>
    public int Ncp { get; }

    /// <summary>Eigen-decomposes the noisy covariance.</summary>
    public static PrivateProjection Fit(PrivateMoments moments, int d, int ncp)
    {
        var matrix = Matrix<double>.Build.Dense(d, d, (r, c) => moments.Covariance[(r * d) + c]);
        var evd = matrix.Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Select(v => v.Real).ToArray();
        var order = Enumerable.Range(0, d).OrderByDescending(j => values[j]).ThenBy(j => j).Take(ncp).ToArray();
        var axes = new double[ncp * d];
        var scales = new double[ncp];
        for (var k = 0; k < ncp; k++)
        {
            var vector = evd.EigenVectors.Column(order[k]);
            var pivot = 0;
            for (var a = 1; a < d; a++)
            {
                if (Math.Abs(vector[a]) > Math.Abs(vector[pivot]))
                {
                    pivot = a;
                }
            }

            var sign = vector[pivot] < 0 ? -1.0 : 1.0;
            for (var a = 0; a < d; a++)
            {
                axes[(k * d) + a] = sign * vector[a];
            }

            scales[k] = Math.Sqrt(Math.Max(values[order[k]], 0));
        }

        return new PrivateProjection(moments.Mean, axes, scales, d, ncp);
    }

    /// <summary>The coordinate of row <paramref name="v"/> on axis <paramref name="k"/>.</summary>
    public double Coordinate(ReadOnlySpan<double> v, int k)
    {
        var sum = 0.0;
        for (var a = 0; a < Width; a++)
        {
            sum += Axes[(k * Width) + a] * (v[a] - Center[a]);
        }

        return sum;
    }
}
