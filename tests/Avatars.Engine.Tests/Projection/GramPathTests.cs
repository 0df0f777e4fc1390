using Avatars.Data;
using Avatars.Engine.Projection;

namespace Avatars.Engine.Tests.Projection;

/// <summary>The Gram path (ZᵀZ eigen-decomposition + flip pass) against the dense thin-SVD oracle.</summary>
public sealed class GramPathTests
{
    public static TheoryData<int, int, int, int, bool> Tables => new()
    {
        // seed, rows, continuous, categorical, weighted
        { 1, 200, 4, 3, false },
        { 2, 150, 5, 0, false },
        { 3, 180, 0, 4, false },
        { 4, 40, 3, 6, false },
        { 5, 12, 2, 5, false }, // fewer rows than projected columns
        { 6, 200, 4, 3, true },
        { 7, 150, 5, 0, true },
        { 8, 180, 0, 4, true },
        { 9, 25, 1, 7, true },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void GramPath_EqualsDenseSvd(int seed, int rows, int continuous, int categorical, bool weighted)
    {
        var table = ProjectionTestData.RandomTable(seed, rows, continuous, categorical, withInt: continuous > 0, withBool: categorical > 1);
        var options = new ProjectionOptions { ColumnWeights = weighted ? RandomWeights(table, seed) : null };
        var token = TestContext.Current.CancellationToken;

        var gram = ProjectionModel.Fit(table, options, token);
        var dense = ProjectionModel.FitCore(table, options, denseSvd: true, token);

        Assert.Equal(dense.Kind, gram.Kind);
        Assert.Equal(dense.ComponentCount, gram.ComponentCount);
        Assert.Equal(dense.ProjectedColumnNames, gram.ProjectedColumnNames);
        var s = dense.AllSingularValues;
        for (var k = 0; k < s.Count; k++)
        {
            Assert.Equal(s[k], gram.AllSingularValues[k], 1e-7 * s[0]);
            Assert.Equal(dense.ExplainedVarianceRatio[k], gram.ExplainedVarianceRatio[k], 1e-9);
        }

        // Components: same vectors and, after svd_flip, same signs — where the component is determined (not null,
        // not degenerate with a neighbour).
        var compared = 0;
        var gramCoordinates = gram.Transform(table, cancellationToken: token);
        var denseCoordinates = dense.Transform(table, cancellationToken: token);
        for (var k = 0; k < s.Count; k++)
        {
            var separated = (k == 0 || s[k - 1] - s[k] > 1e-4 * s[0]) && (k == s.Count - 1 || s[k] - s[k + 1] > 1e-4 * s[0]);
            if (s[k] < 1e-5 * s[0] || !separated)
            {
                continue;
            }

            compared++;
            var expected = dense.Component(k).ToArray();
            var actual = gram.Component(k).ToArray();
            var scale = expected.Max(Math.Abs);
            for (var l = 0; l < expected.Length; l++)
            {
                Assert.Equal(expected[l], actual[l], 1e-7 * scale);
            }

            for (var i = 0; i < table.RowCount; i++)
            {
                Assert.Equal(denseCoordinates[i, k], gramCoordinates[i, k], 1e-6 * (1 + Math.Abs(denseCoordinates[i, k])));
            }
        }

        Assert.True(compared >= Math.Min(3, s.Count(x => x > 1e-5 * s[0])), $"only {compared} components compared");
    }

    [Fact]
    public void Fit_IsReproducible()
    {
        var table = ProjectionTestData.RandomTable(11, 5000, 4, 3, withInt: true, withBool: true);

        var first = ProjectionModel.Fit(table, cancellationToken: TestContext.Current.CancellationToken);
        var second = ProjectionModel.Fit(table, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(first.AllSingularValues, second.AllSingularValues);
        for (var k = 0; k < first.ComponentCount; k++)
        {
            Assert.Equal(first.Component(k).ToArray(), second.Component(k).ToArray());
        }
    }

    private static Dictionary<string, double> RandomWeights(Table table, int seed)
    {
        var random = new Random(seed * 31);
        return table.ColumnNames.ToDictionary(n => n, _ => 0.25 + (random.NextDouble() * 3));
    }
}
