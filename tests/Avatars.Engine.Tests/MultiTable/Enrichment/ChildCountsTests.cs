using Avatars.Engine.MultiTable.Enrichment;

namespace Avatars.Engine.Tests.MultiTable.Enrichment;

public sealed class ChildCountsTests
{
    [Fact]
    public void LargestRemaindersGetTheMissingUnits()
    {
        int[] counts = ChildCounts.FromAvatarizedCounts([1.4, 2.6, 0.0, 3.0], 7);

        Assert.Equal([1, 3, 0, 3], counts);
    }

    [Fact]
    public void NegativeAndMissingCountsBecomeZero()
    {
        int[] counts = ChildCounts.FromAvatarizedCounts([-0.5, double.NaN, 2.0, 2.0], 4);

        Assert.Equal([0, 0, 2, 2], counts);
    }

    [Fact]
    public void TiesGoToTheLowestIndex()
    {
        Assert.Equal([1, 1, 0], ChildCounts.FromAvatarizedCounts([1.0, 1.0, 1.0], 2));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomCountsSumExactlyAndStayWithinOneOfTheScaledInputs(int seed)
    {
        var rng = new Random(seed);
        double[] raw = [.. Enumerable.Range(0, 50).Select(_ => (rng.NextDouble() * 6) - 1)];
        int total = 120 + seed;

        int[] counts = ChildCounts.FromAvatarizedCounts(raw, total);

        Assert.Equal(total, counts.Sum());
        Assert.All(counts, c => Assert.True(c >= 0));
        double positive = raw.Where(v => v > 0).Sum();
        for (int p = 0; p < raw.Length; p++)
        {
            double scaled = Math.Max(raw[p], 0) * total / positive;
            Assert.True(Math.Abs(counts[p] - scaled) < 1, $"parent {p}: {counts[p]} vs {scaled}");
        }
    }

    [Fact]
    public void InvalidInputsAreRejected()
    {
        Assert.Equal([0, 0], ChildCounts.FromAvatarizedCounts([0.0, 0.0], 0));
        Assert.Throws<ArgumentException>(() => ChildCounts.FromAvatarizedCounts([0.0, -1.0], 3));
        Assert.Throws<ArgumentException>(() => ChildCounts.FromAvatarizedCounts([double.PositiveInfinity, 1.0], 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChildCounts.FromAvatarizedCounts([1.0], -1));
    }
}
