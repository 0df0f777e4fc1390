namespace Avatars.Data.Generation;

/// <summary>The random draws shared by the synthetic table generators: weighted levels and standard normals.</summary>
internal static class WeightedLevels
{
    /// <summary>The level names, in order (the categories of a <see cref="CategoryColumn"/>).</summary>
    public static string[] Levels((string Level, double Weight)[] levels) => [.. levels.Select(l => l.Level)];

    /// <summary>The index of a level drawn with probability proportional to its weight.</summary>
    public static int Pick(Random random, (string Level, double Weight)[] levels)
    {
        var total = 0.0;
        foreach (var (_, w) in levels)
        {
            total += w;
        }

        var u = random.NextDouble() * total;
        for (var i = 0; i < levels.Length; i++)
        {
            u -= levels[i].Weight;
            if (u < 0)
            {
                return i;
            }
        }

        return levels.Length - 1;
    }

    /// <summary>A standard normal draw (Box–Muller; 1 − U avoids log(0)).</summary>
    public static double Normal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
