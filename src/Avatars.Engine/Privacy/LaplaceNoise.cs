using Avatars.Engine.Randomness;

namespace Avatars.Engine.Privacy;

/// <summary>
/// Laplace(0, b) draws from the seeded stream, as the difference of two Exponential(1) draws times b.
/// Textbook floating-point sampling: see the limits in docs/differential-privacy.md (no snapping, not a CSPRNG).
/// </summary>
internal static class LaplaceNoise
{
    /// <summary>One draw with scale <paramref name="scale"/> (standard deviation √2 · scale).</summary>
    public static double Next(ref RowRandom random, double scale) =>
        scale * (random.NextExponential() - random.NextExponential());
}
