using Avatars.Engine.Avatarization;
using Avatars.Engine.Randomness;

namespace Avatars.Engine.Tests.Avatarization;

public sealed class NeighborWeightsTests
{
    private static double[] Draw(double[] distances, ulong row = 0)
    {
        var random = new RowRandom(5, 1, row);
        var weights = new double[distances.Length];
        NeighborWeights.Draw(distances, NeighborWeights.Contributions(distances.Length, 0.5), ref random, weights, new int[distances.Length]);
        return weights;
    }

    [Fact]
    public void Weights_ArePositiveAndSumToOne()
    {
        for (ulong row = 0; row < 200; row++)
        {
            var weights = Draw([0.1, 0.2, 0.2, 0.5, 1, 3, 8], row);
            Assert.All(weights, w => Assert.True(w > 0));
            Assert.Equal(1, weights.Sum(), 12);
        }
    }

    [Fact]
    public void ZeroDistanceNeighbours_TakeAllTheWeight()
    {
        for (ulong row = 0; row < 200; row++)
        {
            var weights = Draw([0, 0, 0.3, 1, 2], row);
            Assert.Equal(1, weights[0] + weights[1], 12);
            Assert.Equal([0.0, 0.0, 0.0], weights[2..]);
        }
    }

    [Fact]
    public void CloserNeighbours_WeighMoreOnAverage()
    {
        var sums = new double[3];
        for (ulong row = 0; row < 5_000; row++)
        {
            var weights = Draw([1, 2, 4], row);
            for (var j = 0; j < 3; j++)
            {
                sums[j] += weights[j];
            }
        }

        Assert.True(sums[0] > sums[1] && sums[1] > sums[2], string.Join(", ", sums));
    }

    [Fact]
    public void Contributions_AreGeometric()
    {
        Assert.Equal([0.5, 0.25, 0.125], NeighborWeights.Contributions(3, 0.5));
    }
}
