using Avatars.Engine.Neighbors;

namespace Avatars.Engine.Tests.Neighbors;

public sealed class CappedCountTests
{
    [Fact]
    public void CappedCount_IsTheExactCountCutAtTheLimit()
    {
        var random = new Random(21);
        const int n = 3_000, d = 3;
        var points = Enumerable.Range(0, n * d).Select(_ => (double)random.Next(0, 12)).ToArray();
        var tree = new KdTree(points, n, d);
        for (var q = 0; q < 200; q++)
        {
            var i = random.Next(n);
            var point = points.AsSpan(i * d, d);
            var radius = random.NextDouble() * 8;
            var exact = tree.CountWithinRadius(point, radius, excludeIndex: i);
            foreach (var limit in new[] { 1, 5, 50, 500, 5_000 })
            {
                Assert.Equal(Math.Min(exact, limit), tree.CountWithinRadius(point, radius, i, limit));
            }
        }
    }
}
