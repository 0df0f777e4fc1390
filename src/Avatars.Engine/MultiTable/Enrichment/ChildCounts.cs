namespace Avatars.Engine.MultiTable.Enrichment;

/// <summary>
/// Turns the avatarized child counts of the parent avatars (the <c>&lt;child&gt;_count</c> column after
/// avatarization: real numbers, possibly negative or missing) into the integer capacities the re-linker needs.
/// </summary>
public static class ChildCounts
{
    /// <summary>
    /// Integer counts ≥ 0 adding up exactly to <paramref name="childAvatarCount"/>. Rule (largest remainder, as
    /// SafeRound): negative and missing (NaN) counts become 0; the counts are scaled so that they add up to
    /// <paramref name="childAvatarCount"/>; each is rounded down; the missing units go one each to the largest
    /// fractional parts (ties: lowest index). Each result is within 1 of its scaled input.
    /// </summary>
    /// <param name="avatarCounts">The avatarized count of each parent avatar.</param>
    /// <param name="childAvatarCount">The number of child avatars.</param>
    /// <returns>One count per parent avatar.</returns>
    /// <exception cref="ArgumentException">An infinite count, or all counts ≤ 0 while there are child avatars.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="childAvatarCount"/> is negative.</exception>
    public static int[] FromAvatarizedCounts(double[] avatarCounts, int childAvatarCount)
    {
        ArgumentNullException.ThrowIfNull(avatarCounts);
        ArgumentOutOfRangeException.ThrowIfNegative(childAvatarCount);
        int n = avatarCounts.Length;
        var clean = new double[n];
        double total = 0;
        for (int p = 0; p < n; p++)
        {
            double value = avatarCounts[p];
            if (double.IsInfinity(value))
            {
                throw new ArgumentException($"The avatarized child count of parent avatar {p} is {value}; counts must be finite.", nameof(avatarCounts));
            }

            clean[p] = double.IsNaN(value) || value < 0 ? 0 : value;
            total += clean[p];
        }

        var result = new int[n];
        if (childAvatarCount == 0)
        {
            return result;
        }

        if (total <= 0)
        {
            throw new ArgumentException(
                $"All {n} avatarized child counts are 0, negative or missing, but there are {childAvatarCount} child avatars to place.",
                nameof(avatarCounts));
        }

        double scale = childAvatarCount / total;
        var remainder = new double[n];
        long assigned = 0;
        for (int p = 0; p < n; p++)
        {
            double scaled = clean[p] * scale;
            double floor = Math.Floor(scaled);
            result[p] = (int)floor;
            remainder[p] = scaled - floor;
            assigned += result[p];
        }

        long missing = childAvatarCount - assigned;
        if (missing > 0)
        {
            int[] order = [.. Enumerable.Range(0, n).OrderByDescending(p => remainder[p]).ThenBy(p => p)];
            for (int k = 0; k < missing; k++)
            {
                result[order[k % n]]++;
            }
        }
        else
        {
            // Floating-point excess (the floors can only exceed the total by rounding error): remove from the smallest remainders.
            int[] order = [.. Enumerable.Range(0, n).Where(p => result[p] > 0).OrderBy(p => remainder[p]).ThenByDescending(p => p)];
            for (int k = 0; k < -missing; k++)
            {
                result[order[k % order.Length]]--;
            }
        }

        return result;
    }
}
