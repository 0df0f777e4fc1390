using Avatars.Engine.Neighbors;

namespace Avatars.Engine.Metrics.Privacy;

/// <summary>
/// Hidden rate (method.md §6.1): the share of individuals whose own avatar is <b>not</b> the avatar
/// closest to them in the projected space — the probability that an attacker who links each person
/// to their most similar avatar is wrong. Exact ties go to the lowest avatar index (as FAISS does).
/// Target: above 90 %.
/// </summary>
public static class HiddenRate
{
    /// <summary>The target of the vendor's report, in percent.</summary>
    public const double Target = 90;

    /// <summary>Computes the hidden rate from paired coordinates.</summary>
    /// <param name="originals">Row-major n × d coordinates of the originals.</param>
    /// <param name="avatars">Row-major n × d coordinates of the avatars (row i = avatar of original i).</param>
    /// <param name="dimensions">d.</param>
    /// <param name="cancellationToken">Cancels the computation.</param>
    /// <returns>The hidden rate in percent and, per individual, whether the own avatar was the closest.</returns>
    public static HiddenRateResult Compute(double[] originals, double[] avatars, int dimensions, CancellationToken cancellationToken = default)
    {
        PairedCoordinates.Check(originals, avatars, dimensions);
        var n = originals.Length / dimensions;
        var hits = new bool[n];
        if (n > 0)
        {
            // Batch 1-NN (queries grouped by leaf, lowest index wins exact ties, as FAISS does).
            var nearest = NeighborSearch.NearestIn(avatars, n, dimensions, originals, cancellationToken: cancellationToken);
            for (var i = 0; i < n; i++)
            {
                hits[i] = nearest.Indices[i] == i;
            }
        }
        var hitCount = hits.Count(h => h);
        return new HiddenRateResult(n == 0 ? double.NaN : 100.0 * (1 - (double)hitCount / n), hitCount, hits);
    }
}

/// <summary>The hidden rate and its per-individual detail.</summary>
/// <param name="Value">Hidden rate in percent.</param>
/// <param name="HitCount">Individuals whose nearest avatar is their own.</param>
/// <param name="Hits">Per individual: true when the nearest avatar is its own.</param>
public sealed record HiddenRateResult(double Value, int HitCount, IReadOnlyList<bool> Hits);
