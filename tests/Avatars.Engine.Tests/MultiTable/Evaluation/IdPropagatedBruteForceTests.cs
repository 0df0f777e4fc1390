using Avatars.Engine.MultiTable.Evaluation;
using Avatars.Engine.Neighbors;

namespace Avatars.Engine.Tests.MultiTable.Evaluation;

public sealed class IdPropagatedBruteForceTests
{
    [Theory]
    [InlineData(1, 300, 3, 40, false)]   // small individuals: brute-force own search
    [InlineData(2, 600, 2, 4, false)]    // large individuals (150 rows): KD-tree own search
    [InlineData(3, 500, 2, 7, true)]     // mixed sizes, integer grid coordinates with many exact ties
    public void MatchesAnExhaustiveComputation(int seed, int n, int d, int individualCount, bool grid)
    {
        var random = new Random(seed);
        double Draw() => grid ? random.Next(6) : random.NextDouble();
        var originals = Enumerable.Range(0, n * d).Select(_ => Draw()).ToArray();
        var avatars = Enumerable.Range(0, n * d).Select(_ => Draw()).ToArray();
        var individuals = Enumerable.Range(0, n).Select(i => grid ? (i * i) % individualCount : random.Next(individualCount)).ToArray();

        var (hidden, cloaking) = IdPropagatedPrivacy.Compute(originals, avatars, d, individuals, TestContext.Current.CancellationToken);

        var expectedHits = new bool[n];
        var expectedCounts = new int[n];
        for (var i = 0; i < n; i++)
        {
            var a = avatars.AsSpan(i * d, d);
            var best = -1;
            var bestDistance = double.PositiveInfinity;
            var own = double.PositiveInfinity;
            for (var j = 0; j < n; j++)
            {
                var distance = EuclideanDistance.Between(originals.AsSpan(j * d, d), a);
                if (distance < bestDistance)
                {
                    bestDistance = distance;
                    best = j;
                }

                if (individuals[j] == individuals[i])
                {
                    own = Math.Min(own, distance);
                }
            }

            expectedHits[i] = individuals[best] == individuals[i];
            var threshold = EuclideanDistance.SquaredThreshold(own);
            for (var j = 0; j < n; j++)
            {
                if (individuals[j] != individuals[i] && EuclideanDistance.Squared(originals.AsSpan(j * d, d), a) <= threshold)
                {
                    expectedCounts[i]++;
                }
            }
        }

        Assert.Equal(expectedHits, hidden.Hits);
        Assert.Equal(100.0 * (1 - (expectedHits.Count(h => h) / (double)n)), hidden.Value, 12);
        Assert.Equal(expectedCounts, cloaking.AvatarCounts);
    }
}
