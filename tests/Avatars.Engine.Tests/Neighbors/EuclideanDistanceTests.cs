using Avatars.Engine.Neighbors;

namespace Avatars.Engine.Tests.Neighbors;

/// <summary>The shared distance and the inclusive squared radius threshold.</summary>
public sealed class EuclideanDistanceTests
{
    [Fact]
    public void SquaredThresholdIsTheLargestSquareWhoseRootIsWithinTheRadius()
    {
        var rng = new Random(11);
        for (var i = 0; i < 20_000; i++)
        {
            var radius = i % 3 == 0 ? Math.Sqrt(rng.Next(1, 1000)) : rng.NextDouble() * Math.Pow(10, rng.Next(-6, 7));
            var t = EuclideanDistance.SquaredThreshold(radius);
            Assert.True(Math.Sqrt(t) <= radius);
            Assert.True(Math.Sqrt(Math.BitIncrement(t)) > radius);
        }

        Assert.Equal(0.0, EuclideanDistance.SquaredThreshold(0.0));
        Assert.Equal(double.PositiveInfinity, EuclideanDistance.SquaredThreshold(double.PositiveInfinity));
        Assert.Equal(double.MaxValue, EuclideanDistance.SquaredThreshold(double.MaxValue));
    }

    [Fact]
    public void APointAtExactlyTheReportedDistanceIsWithinThatRadius()
    {
        var rng = new Random(12);
        for (var i = 0; i < 20_000; i++)
        {
            double[] a = [rng.NextDouble(), rng.Next(-3, 4) * 0.1, rng.NextDouble() * 1e-3];
            double[] b = [rng.NextDouble(), rng.Next(-3, 4) * 0.1, rng.NextDouble() * 1e3];
            var r = EuclideanDistance.Between(a, b);
            Assert.True(EuclideanDistance.Squared(a, b) <= EuclideanDistance.SquaredThreshold(r));
            Assert.Equal(EuclideanDistance.Squared(b, a), EuclideanDistance.Squared(a, b));
        }
    }

    [Fact]
    public void DistanceIsSummedInDimensionOrder()
    {
        double[] a = [0.1, 0.2, 0.3];
        double[] b = [0.0, 0.0, 0.0];
        var expected = 0.0;
        expected += 0.1 * 0.1;
        expected += 0.2 * 0.2;
        expected += 0.3 * 0.3;
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(EuclideanDistance.Squared(a, b)));
        Assert.Equal(0.0, EuclideanDistance.Squared(a, a));
    }
}
