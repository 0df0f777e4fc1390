namespace Avatars.Engine.Metrics.Privacy;

/// <summary>Argument checks shared by the paired privacy metrics.</summary>
internal static class PairedCoordinates
{
    public static void Check(double[] originals, double[] avatars, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(originals);
        ArgumentNullException.ThrowIfNull(avatars);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        if (originals.Length % dimensions != 0 || avatars.Length % dimensions != 0)
        {
            throw new ArgumentException($"Coordinate arrays must hold whole rows of {dimensions} values.", nameof(dimensions));
        }

        if (originals.Length != avatars.Length)
        {
            throw new ArgumentException(
                $"Paired metrics need one avatar per original: got {originals.Length / dimensions} originals and {avatars.Length / dimensions} avatars.",
                nameof(avatars));
        }
    }
}
