using Avatars.Engine.Randomness;

namespace Avatars.Engine.Tests.Randomness;

public sealed class RowRandomTests
{
    [Fact]
    public void SameKey_GivesTheSameStream_OtherKeysDiffer()
    {
        var a = new RowRandom(1, 2, 3);
        var b = new RowRandom(1, 2, 3);
        var c = new RowRandom(1, 2, 4);
        var d = new RowRandom(2, 2, 3);
        var first = a.NextUInt64();
        Assert.Equal(first, b.NextUInt64());
        Assert.NotEqual(first, c.NextUInt64());
        Assert.NotEqual(first, d.NextUInt64());
    }

    [Fact]
    public void Uniforms_HaveTheRightMeanAndRange()
    {
        var random = new RowRandom(7, 0, 0);
        var values = Enumerable.Range(0, 100_000).Select(_ => random.NextDouble()).ToArray();
        Assert.All(values, v => Assert.InRange(v, 0, 0.9999999999999999));
        Assert.Equal(0.5, values.Average(), 2);
    }

    [Fact]
    public void Exponentials_HaveMeanOne()
    {
        var random = new RowRandom(7, 0, 1);
        Assert.Equal(1, Enumerable.Range(0, 200_000).Select(_ => random.NextExponential()).Average(), 1);
    }

    [Fact]
    public void StandardNormals_HaveMeanZeroAndStandardDeviationOne()
    {
        var random = new RowRandom(7, 0, 2);
        var values = Enumerable.Range(0, 200_000).Select(_ => random.NextStandardNormal()).ToArray();
        var mean = values.Average();
        Assert.Equal(0, mean, 2);
        Assert.Equal(1, Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1)), 2);
        Assert.InRange(values.Count(v => Math.Abs(v) > 1.96) / (double)values.Length, 0.045, 0.055);
    }

    [Fact]
    public void Permutation_IsUniformOverPositions()
    {
        var counts = new int[4, 4];
        Span<int> permutation = stackalloc int[4];
        for (ulong row = 0; row < 40_000; row++)
        {
            var random = new RowRandom(3, 0, row);
            random.Permutation(permutation);
            Assert.Equal([0, 1, 2, 3], permutation.ToArray().Order());
            for (var i = 0; i < 4; i++)
            {
                counts[i, permutation[i]]++;
            }
        }

        foreach (var count in counts)
        {
            Assert.InRange(count, 9_500, 10_500);
        }
    }
}
