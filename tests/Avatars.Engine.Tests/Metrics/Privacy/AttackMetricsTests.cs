using Avatars.Data;
using Avatars.Engine.Avatarization;
using Avatars.Engine.Metrics.Privacy;

namespace Avatars.Engine.Tests.Metrics.Privacy;

/// <summary>Categorical hidden rate, closest rate, correlation protection rate and inference on hand-checkable tables.</summary>
public sealed class AttackMetricsTests
{
    [Fact]
    public void CategoricalHiddenRate_OnlyConsidersAvatarsSharingTheKnownValues()
    {
        // 1-D coordinates. F = 0 1 10 11 5 with g = a b a b c; G = 0.9 0.1 10.4 20 5 with g = a b b a a.
        // i=0 (a): candidates j=0 (0.9), j=3 (20), j=4 (5) → j=0: hit.
        // i=1 (b): candidates j=1 (0.9 away), j=2 (9.4 away) → j=1: hit (the plain hidden rate would pick j=0).
        // i=2 (a): j=0 at 9.1, j=3 at 10, j=4 at 5 → j=4: miss.   i=3 (b): j=1 at 10.9, j=2 at 0.6 → j=2: miss.
        // i=4 (c): no avatar has c → miss.   2 hits of 5 → 100 · (1 − 2/5) = 60.
        var original = new Table([CategoryColumn.FromValues("g", ["a", "b", "a", "b", "c"])], "orig");
        var avatars = new Table([CategoryColumn.FromValues("g", ["a", "b", "b", "a", "a"])], "avatars");

        var result = CategoricalHiddenRate.Compute(original, avatars, ["g"], [0, 1, 10, 11, 5], [0.9, 0.1, 10.4, 20, 5], 1, TestContext.Current.CancellationToken);

        Assert.Equal(60, result.Value, 12);
        Assert.Equal([true, true, false, false, false], result.Hits);
    }

    [Fact]
    public void CategoricalHiddenRate_LargeGroups_MatchABruteForceScan()
    {
        // 400 rows in 2-D on an integer grid (many exact ties), 3 groups: large groups go through KD-trees.
        var random = new Random(11);
        const int n = 400;
        var f = Enumerable.Range(0, 2 * n).Select(_ => (double)random.Next(0, 6)).ToArray();
        var g = Enumerable.Range(0, 2 * n).Select(_ => (double)random.Next(0, 6)).ToArray();
        var groupsX = Enumerable.Range(0, n).Select(_ => random.Next(0, 3).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var groupsA = Enumerable.Range(0, n).Select(_ => random.Next(0, 3).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var original = new Table([CategoryColumn.FromValues("g", groupsX)], "orig");
        var avatars = new Table([CategoryColumn.FromValues("g", groupsA)], "avatars");

        var result = CategoricalHiddenRate.Compute(original, avatars, ["g"], f, g, 2, TestContext.Current.CancellationToken);

        for (var i = 0; i < n; i++)
        {
            var best = -1;
            var bestSquared = double.PositiveInfinity;
            for (var j = 0; j < n; j++)
            {
                var dx = f[2 * i] - g[2 * j];
                var dy = f[(2 * i) + 1] - g[(2 * j) + 1];
                if (groupsA[j] == groupsX[i] && (dx * dx) + (dy * dy) < bestSquared)
                {
                    bestSquared = (dx * dx) + (dy * dy);
                    best = j;
                }
            }

            Assert.Equal(best == i, result.Hits[i]);
        }
    }

    [Fact]
    public void CategoricalHiddenRate_IdenticalAvatars_GiveZero()
    {
        var table = new Table([CategoryColumn.FromValues("g", ["a", "b", "a", "b"])], "t");
        double[] points = [0, 1, 2, 3];
        Assert.Equal(0, CategoricalHiddenRate.Compute(table, table, ["g"], points, points, 1, TestContext.Current.CancellationToken).Value);
    }

    [Fact]
    public void CategoricalHiddenRate_EmptyVariables_NamesTheParameter()
    {
        var table = new Table([CategoryColumn.FromValues("g", ["a", "b"])], "patients");
        var error = Assert.Throws<AvatarizationException>(() => CategoricalHiddenRate.Compute(table, table, [], [0, 1], [0, 1], 1, TestContext.Current.CancellationToken));
        Assert.Equal("categorical_hidden_rate_variables", error.Parameter);
        Assert.Contains("table 'patients'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ClosestRate_SmallTable()
    {
        // Originals 0 1 3 3: nearest-other distances 1 1 0 0 → sorted 0 0 1 1; 50th percentile: h = 1.5 → τ = 0.5.
        // Avatars 0.1 1.2 3 2: DCR 0.1 (NNDR 0.1/0.9), 0.2 (0.2/1.2), 0 (d2 = 0 → 1), 1 (1/1 = 1).
        // At risk (DCR < 0.5 and NNDR < 0.3): avatars 0 and 1 → 100 · (1 − 2/4) = 50.
        double[] originals = [0, 1, 3, 3];
        var distances = DistanceToClosest.Compute(originals, [0.1, 1.2, 3, 2], 1, TestContext.Current.CancellationToken);

        var result = ClosestRate.Compute(originals, 1, distances, 50, 0.3, TestContext.Current.CancellationToken);

        Assert.Equal(0.5, result.RiskDistance, 12);
        Assert.Equal(2, result.AtRiskCount);
        Assert.Equal(50, result.Value, 12);
    }

    [Fact]
    public void ClosestRate_ThresholdOutOfRange_NamesTheParameter()
    {
        var distances = DistanceToClosest.Compute([0, 1], [0, 1], 1, TestContext.Current.CancellationToken);
        var error = Assert.Throws<AvatarizationException>(() => ClosestRate.Compute([0, 1], 1, distances, 150, 0.3, TestContext.Current.CancellationToken));
        Assert.Equal("closest_rate_percentage_threshold must be in [0, 100] (got 150).", error.Message);
    }

    [Fact]
    public void CorrelationProtectionRate_SmallTable()
    {
        // Known: age (mean 32 → window 0.05 · 32 = 1.6) and sex. Originals (20,M) (20,M) (30,F) (40,F) (50,M):
        // unique combinations: rows 2, 3, 4 (|U| = 3).
        // Avatars (30.5,F) (31,F) (40,F) (41.7,F) (60,M):
        //   (30,F): 30.5 and 31 within 1.6 → 2 matches;  (40,F): 40 only (41.7 is 1.7 away) → 1;  (50,M): none.
        // n2 = 1. HR = 0 → round(1 · 1) = 1 → CPR = 100 · (1 − 1/5) = 80.
        //         HR = 50 → round(0.5) = 0 (half to even) → CPR = 100.
        var original = new Table([new FloatColumn("age", [20, 20, 30, 40, 50]), CategoryColumn.FromValues("sex", ["M", "M", "F", "F", "M"])], "orig");
        var avatars = new Table([new FloatColumn("age", [30.5, 31, 40, 41.7, 60]), CategoryColumn.FromValues("sex", ["F", "F", "F", "F", "M"])], "avatars");

        var exposed = CorrelationProtectionRate.Compute(original, avatars, ["age", "sex"], 0);
        var hidden = CorrelationProtectionRate.Compute(original, avatars, ["age", "sex"], 50);

        Assert.Equal(3, exposed.UniqueCount);
        Assert.Equal(1, exposed.SingleMatchCount);
        Assert.Equal(80, exposed.Value, 12);
        Assert.Equal(100, hidden.Value, 12);
    }

    [Fact]
    public void CorrelationProtectionRate_NumericOnly()
    {
        // Known: age only. Unique ages 30, 40, 50; avatars 30.5 31 40 41.7 60 → 2, 1 and 0 matches → n2 = 1 → 80.
        var original = new Table([new FloatColumn("age", [20, 20, 30, 40, 50])], "orig");
        var avatars = new Table([new FloatColumn("age", [30.5, 31, 40, 41.7, 60])], "avatars");

        var result = CorrelationProtectionRate.Compute(original, avatars, ["age"], 0);

        Assert.Equal(1, result.SingleMatchCount);
        Assert.Equal(80, result.Value, 12);
    }

    [Fact]
    public void CorrelationProtectionRate_CategoricalOnly()
    {
        // Known: sex only. Unique: F at row 2 (M twice). Avatars F F M → F matched twice → n2 = 0 → 100.
        // Avatars F M M → F matched once → n2 = 1, HR = 0 → 100 · (1 − 1/3).
        var original = new Table([CategoryColumn.FromValues("sex", ["M", "M", "F"])], "orig");
        var twice = new Table([CategoryColumn.FromValues("sex", ["F", "F", "M"])], "avatars");
        var once = new Table([CategoryColumn.FromValues("sex", ["F", "M", "M"])], "avatars");

        Assert.Equal(100, CorrelationProtectionRate.Compute(original, twice, ["sex"], 0).Value, 12);
        Assert.Equal(100 * (1 - (1 / 3.0)), CorrelationProtectionRate.Compute(original, once, ["sex"], 0).Value, 12);
    }

    [Fact]
    public void Inference_CategoricalTarget_IsOneMinusAccuracy()
    {
        // Known x: originals 0 1 2 3, avatars 0.1 2.9 1.1 2.2 (a 1-D PCA keeps the order and ratios of distances).
        // Nearest avatars: 0 → 0.1 (a, correct), 1 → 1.1 (b, wrong), 2 → 2.2 (b, correct), 3 → 2.9 (b, correct).
        // Accuracy 3/4 → inference_categorical = 25.
        var original = new Table([new FloatColumn("x", [0, 1, 2, 3]), CategoryColumn.FromValues("y", ["a", "a", "b", "b"])], "orig");
        var avatars = new Table([new FloatColumn("x", [0.1, 2.9, 1.1, 2.2]), CategoryColumn.FromValues("y", ["a", "b", "b", "b"])], "avatars");

        var result = InferenceMetrics.Compute(original, avatars, ["x"], "y", cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(result.IsContinuous);
        Assert.Equal(0.75, result.Accuracy);
        Assert.Equal(25, result.Value, 12);
    }

    [Fact]
    public void Inference_ContinuousTarget_IsSmape()
    {
        // Same neighbours as above; z originals 10 20 30 40, avatars 10 0 30 30 → predictions 10 30 30 0.
        // SMAPE terms: 0, 200·10/50 = 40, 0, 200·40/40 = 200 → mean 60. MSE = (0 + 100 + 0 + 1600) / 4 = 425.
        var original = new Table([new FloatColumn("x", [0, 1, 2, 3]), new FloatColumn("z", [10, 20, 30, 40])], "orig");
        var avatars = new Table([new FloatColumn("x", [0.1, 2.9, 1.1, 2.2]), new FloatColumn("z", [10, 0, 30, 30])], "avatars");

        var result = InferenceMetrics.Compute(original, avatars, ["x"], "z", cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.IsContinuous);
        Assert.Equal(60, result.Value, 12);
        Assert.Equal(425, result.MeanSquaredError!.Value, 12);
    }

    [Fact]
    public void Inference_TargetAmongKnownVariables_IsRejected()
    {
        var table = new Table([new FloatColumn("x", [0, 1]), new FloatColumn("z", [1, 2])], "patients");
        var error = Assert.Throws<AvatarizationException>(() => InferenceMetrics.Compute(table, table, ["x", "z"], "z", cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal("target", error.Parameter);
        Assert.Contains("'z' of table 'patients'", error.Message, StringComparison.Ordinal);
    }
}
