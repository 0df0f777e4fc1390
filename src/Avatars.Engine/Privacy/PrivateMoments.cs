using Avatars.Engine.Randomness;

namespace Avatars.Engine.Privacy;

/// <summary>
/// Stage 1 (ε₁): the Laplace mechanism on the per-row statistic f(v) = (v, upper triangle of v vᵀ), summed over rows.
/// Under replace-one-row with ‖v‖₁ ≤ m, the L1 sensitivity of the sum is Δ₁ = 2(m + (m² + m)/2) = m² + 3m.
/// Mean and covariance are post-processing of the noisy sums with the public n.
/// </summary>
internal sealed class PrivateMoments
{
    private const ulong NoiseStream = 0xD1;

    private PrivateMoments(double[] mean, double[] covariance, double[] exactSums, double[] noisySums)
    {
        Mean = mean;
        Covariance = covariance;
        ExactSums = exactSums;
        NoisySums = noisySums;
    }

    /// <summary>The noisy mean vector μ̃ (length d).</summary>
    public double[] Mean { get; }

    /// <summary>The noisy covariance S̃/n − μ̃μ̃ᵀ, symmetric, d × d row-major.</summary>
    public double[] Covariance { get; }

    /// <summary>The exact released statistic (d sums then d(d+1)/2 products); kept for tests of the noise only, never output.</summary>
    internal double[] ExactSums { get; }

    /// <summary>The released noisy statistic, same layout as <see cref="ExactSums"/>.</summary>
    internal double[] NoisySums { get; }

    /// <summary>Δ₁ for m modelled columns.</summary>
    public static double Sensitivity(int m) => ((double)m * m) + (3.0 * m);

    /// <summary>Computes the noisy moments of the n × d rows with Laplace scale <paramref name="scale"/> = Δ₁/ε₁.</summary>
    public static PrivateMoments Compute(double[] rows, int n, int d, double scale, ulong seed)
    {
        var length = d + (d * (d + 1) / 2);
        var exact = new double[length];
        for (var i = 0; i < n; i++)
        {
            var v = rows.AsSpan(i * d, d);
            var k = d;
            for (var a = 0; a < d; a++)
            {
                exact[a] += v[a];
                if (v[a] == 0)
                {
                    k += d - a;
                    continue;
                }

                for (var b = a; b < d; b++)
                {
                    exact[k++] += v[a] * v[b];
                }
            }
        }

        var noisy = new double[length];
        var random = new RowRandom(seed, NoiseStream, 0);
        for (var j = 0; j < length; j++)
        {
            noisy[j] = exact[j] + LaplaceNoise.Next(ref random, scale);
        }

        var mean = new double[d];
        for (var a = 0; a < d; a++)
        {
            mean[a] = noisy[a] / n;
        }

        var covariance = new double[d * d];
        var index = d;
        for (var a = 0; a < d; a++)
        {
            for (var b = a; b < d; b++)
            {
                var value = (noisy[index++] / n) - (mean[a] * mean[b]);
                covariance[(a * d) + b] = value;
                covariance[(b * d) + a] = value;
            }
        }

        return new PrivateMoments(mean, covariance, exact, noisy);
    }
}
