using System.Runtime.CompilerServices;

namespace Avatars.Engine.Randomness;

/// <summary>
/// A small, allocation-free random stream (xoshiro256**), seeded by SplitMix64 from a
/// (seed, stream, row) key. Each row of a parallel computation gets its own stream, so results are
/// identical whatever the thread count or scheduling.
/// </summary>
/// <remarks>
/// System.Random cannot be keyed per row without allocating an object per row, and its seeded
/// constructor uses a legacy, slow algorithm; this struct is 32 bytes and needs no allocation.
/// </remarks>
internal struct RowRandom
{
    private ulong s0, s1, s2, s3;

    /// <summary>Creates the stream for one row of one purpose (<paramref name="stream"/>) under a run seed.</summary>
    public RowRandom(ulong seed, ulong stream, ulong row)
    {
        var x = seed ^ (stream * 0x9E3779B97F4A7C15UL) ^ Mix(row + 0x632BE59BD9B4E019UL);
        s0 = SplitMix(ref x);
        s1 = SplitMix(ref x);
        s2 = SplitMix(ref x);
        s3 = SplitMix(ref x);
    }

    /// <summary>The next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        var result = RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, maxExclusive) without modulo bias (Lemire's method).</summary>
    public int NextInt(int maxExclusive)
    {
        var bound = (ulong)maxExclusive;
        var product = Math.BigMul(NextUInt64(), bound, out var low);
        if (low < bound)
        {
            var threshold = (0UL - bound) % bound;
            while (low < threshold)
            {
                product = Math.BigMul(NextUInt64(), bound, out low);
            }
        }

        return (int)product;
    }

    /// <summary>An Exponential(rate 1) draw: −ln(1 − U), U ∈ [0, 1).</summary>
    public double NextExponential() => -Math.Log(1.0 - NextDouble());

    /// <summary>A standard normal draw (Box–Muller, two uniforms per draw).</summary>
    public double NextStandardNormal()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Fills <paramref name="values"/> with a uniform random permutation of 0..n−1 (Fisher–Yates).</summary>
    public void Permutation(Span<int> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = i;
        }

        for (var i = values.Length - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    /// <summary>A 64-bit seed from the operating system's cryptographic generator (used when no seed is given).</summary>
    public static ulong NewSeed() => BitConverter.ToUInt64(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        return Mix(x);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
