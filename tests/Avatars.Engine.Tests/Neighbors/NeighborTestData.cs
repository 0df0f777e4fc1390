namespace Avatars.Engine.Tests.Neighbors;

/// <summary>Seeded point sets for the neighbour tests, many of them full of exact duplicates and distance ties.</summary>
public static class NeighborTestData
{
    public enum Kind
    {
        /// <summary>Uniform in [0, 1)^d: distinct points, few ties.</summary>
        Uniform,

        /// <summary>Integers in {0, 1, 2}^d: many exact duplicates and many equal distances.</summary>
        SmallIntegers,

        /// <summary>A full regular lattice {0..m}^d, shuffled, then truncated: every distance class is huge.</summary>
        Lattice,

        /// <summary>A few distinct points repeated many times.</summary>
        Repeated,

        /// <summary>Multiples of 0.1 (not exact in binary) in a small range: ties that depend on rounding.</summary>
        Decimals,

        /// <summary>Gaussian clusters with a few repeated rows.</summary>
        Clusters,
    }

    public static double[] Make(Kind kind, int n, int d, int seed)
    {
        var rng = new Random(seed);
        var points = new double[n * d];
        switch (kind)
        {
            case Kind.Uniform:
                for (var i = 0; i < points.Length; i++)
                {
                    points[i] = rng.NextDouble();
                }

                break;
            case Kind.SmallIntegers:
                for (var i = 0; i < points.Length; i++)
                {
                    points[i] = rng.Next(3);
                }

                break;
            case Kind.Lattice:
                {
                    var m = 2;
                    while (Math.Pow(m, d) < n)
                    {
                        m++;
                    }

                    var cells = (int)Math.Pow(m, d);
                    var order = Enumerable.Range(0, cells).ToArray();
                    rng.Shuffle(order);
                    for (var i = 0; i < n; i++)
                    {
                        var c = order[i];
                        for (var j = 0; j < d; j++)
                        {
                            points[(i * d) + j] = (c % m) - 1;
                            c /= m;
                        }
                    }

                    break;
                }

            case Kind.Repeated:
                {
                    var distinct = Math.Max(1, n / 7);
                    var bases = new double[distinct * d];
                    for (var i = 0; i < bases.Length; i++)
                    {
                        bases[i] = rng.Next(-4, 5) * 0.5;
                    }

                    for (var i = 0; i < n; i++)
                    {
                        var b = rng.Next(distinct);
                        Array.Copy(bases, b * d, points, i * d, d);
                    }

                    break;
                }

            case Kind.Decimals:
                for (var i = 0; i < points.Length; i++)
                {
                    points[i] = rng.Next(-5, 6) * 0.1;
                }

                break;
            case Kind.Clusters:
                {
                    var centres = new double[4 * d];
                    for (var i = 0; i < centres.Length; i++)
                    {
                        centres[i] = rng.NextDouble() * 10;
                    }

                    for (var i = 0; i < n; i++)
                    {
                        if (i > 0 && rng.Next(10) == 0)
                        {
                            Array.Copy(points, rng.Next(i) * d, points, i * d, d);
                            continue;
                        }

                        var c = rng.Next(4);
                        for (var j = 0; j < d; j++)
                        {
                            points[(i * d) + j] = centres[(c * d) + j] + Gaussian(rng) * (c + 1) * 0.3;
                        }
                    }

                    break;
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }

        return points;
    }

    /// <summary>Query points: some rows of the data, some perturbed rows, some fresh points of the same kind.</summary>
    public static double[] Queries(double[] data, int n, int d, Kind kind, int count, int seed)
    {
        var rng = new Random(seed);
        var fresh = Make(kind, count, d, seed + 1);
        var queries = new double[count * d];
        for (var q = 0; q < count; q++)
        {
            var mode = n == 0 ? 2 : q % 3;
            var row = n == 0 ? 0 : rng.Next(n);
            for (var j = 0; j < d; j++)
            {
                var source = mode == 2 ? fresh[(q * d) + j] : data[(row * d) + j];
                queries[(q * d) + j] = mode == 1 && rng.Next(2) == 0 ? source + (rng.Next(-2, 3) * 0.25) : source;
            }
        }

        return queries;
    }

    private static double Gaussian(Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
