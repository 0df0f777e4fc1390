using System.Text.Json.Nodes;
using Avatars.Data;
using Avatars.Engine.Avatarization;
using Avatars.Engine.Metrics.Signal;
using Avatars.Engine.Tests.TestSupport;

namespace Avatars.Engine.Tests.Metrics.Signal;

/// <summary>The signal evaluation: properties, validation and the vendor JSON shape.</summary>
public sealed class SignalEvaluatorTests
{
    [Fact]
    public void IdenticalTables_GiveZeroForBoth()
    {
        var table = SmallTables.Mixed(300);

        var metrics = SignalEvaluator.Evaluate(table, table, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, metrics.HellingerMean, 1e-12);
        Assert.Equal(0, metrics.HellingerStd, 1e-12);
        Assert.Equal(0, metrics.CorrelationDifferenceRatio, 1e-10);
        Assert.Equal(5, metrics.Hellinger.Variables.Count);
        Assert.Equal(["x", "y", "count"], metrics.CorrelationDifference.Columns);
        Assert.Equal(3, metrics.CorrelationDifference.ComparedPairCount);
        Assert.True(metrics.MeetsHellingerTarget);
        Assert.True(metrics.MeetsCorrelationDifferenceTarget);
    }

    [Fact]
    public void ShufflingTheAvatars_ChangesNothing()
    {
        var original = SmallTables.Mixed(500, seed: 1);
        var avatars = SmallTables.Mixed(400, seed: 2);
        var order = Enumerable.Range(0, avatars.RowCount).ToArray();
        new Random(5).Shuffle(order);
        var shuffled = avatars.TakeRows(order);

        var straight = SignalEvaluator.Evaluate(original, avatars, cancellationToken: TestContext.Current.CancellationToken);
        var mixed = SignalEvaluator.Evaluate(original, shuffled, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(straight.HellingerMean > 0);
        Assert.True(straight.CorrelationDifferenceRatio > 0);
        Assert.Equal(straight.Hellinger.Variables, mixed.Hellinger.Variables);
        Assert.Equal(straight.HellingerStd, mixed.HellingerStd, 1e-15);
        Assert.Equal(straight.CorrelationDifferenceRatio, mixed.CorrelationDifferenceRatio, 1e-10);
    }

    [Fact]
    public void DisjointSupports_GiveHellingerOne()
    {
        var original = new Table([new FloatColumn("x", [0, 1, 2]), CategoryColumn.FromValues("g", ["a", "b", "a"])], "t");
        var avatars = new Table([new FloatColumn("x", [50, 60]), CategoryColumn.FromValues("g", ["c", "d"])], "t_avatars");

        var metrics = SignalEvaluator.Evaluate(original, avatars, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, metrics.HellingerMean, 1e-12);
        Assert.Equal(0, metrics.HellingerStd, 1e-12);
        Assert.True(double.IsNaN(metrics.CorrelationDifferenceRatio));
    }

    [Fact]
    public void IgnoredColumns_AreLeftOut()
    {
        var original = SmallTables.Mixed(100).WithColumn(new IntColumn("id", Enumerable.Range(0, 100).Select(i => (long)i).ToArray()));
        var avatars = SmallTables.Mixed(100, seed: 9);

        var metrics = SignalEvaluator.Evaluate(original, avatars, new SignalMetricsOptions { IgnoredColumns = ["id"] }, TestContext.Current.CancellationToken);

        Assert.DoesNotContain(metrics.Hellinger.Variables, v => v.Name == "id");
        Assert.DoesNotContain("id", metrics.CorrelationDifference.Columns);
    }

    [Fact]
    public void IntegerAvatarsOfAFloatColumn_AreAccepted()
    {
        var original = new Table([new FloatColumn("x", [1, 2, 3, 4]), new FloatColumn("y", [1, 2, 3, 5])], "t");
        var avatars = new Table([new IntColumn("x", [1, 2, 3, 4]), new FloatColumn("y", [1, 2, 3, 5])], "a");

        var metrics = SignalEvaluator.Evaluate(original, avatars, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, metrics.HellingerMean, 1e-12);
        Assert.Equal(0, metrics.CorrelationDifferenceRatio, 1e-10);
    }

    [Fact]
    public void DateTimes_AreContinuousInBothMetrics()
    {
        // t = 2024-01-01 + x days: the timeline is correlated with y exactly as x is (ρ = 0.982708 in the originals);
        // the avatars reverse y (ρ = −0.982708), so CD = 100 · 2 · 0.982708 ≈ 196.54.
        var start = new DateTime(2024, 1, 1).Ticks;
        long[] Days(params int[] days) => days.Select(d => start + (d * TimeSpan.TicksPerDay)).ToArray();
        var original = new Table([new DateTimeColumn("t", Days(1, 2, 3, 4)), new FloatColumn("y", [1, 2, 3, 5])], "t");
        var avatars = new Table([new DateTimeColumn("t", Days(1, 2, 3, 4)), new FloatColumn("y", [5, 3, 2, 1])], "a");

        var metrics = SignalEvaluator.Evaluate(original, avatars, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["t", "y"], metrics.CorrelationDifference.Columns);
        Assert.Equal(100 * ((6.5 / Math.Sqrt(43.75)) + (6.5 / Math.Sqrt(43.75))), metrics.CorrelationDifferenceRatio, 1e-9);
        Assert.Equal(0, metrics.Hellinger.Variables[0].Distance, 1e-12);
        Assert.Equal(0, metrics.Hellinger.Variables[1].Distance, 1e-12);
    }

    [Fact]
    public void MissingAvatarColumn_IsNamed()
    {
        var original = SmallTables.Mixed(10);
        var avatars = original.Drop("group").WithName("mixed_avatars");

        var error = Assert.Throws<AvatarizationException>(() => SignalEvaluator.Evaluate(original, avatars, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("Signal metrics: the avatars 'mixed_avatars' have no column 'group', which the original table 'mixed' has.", error.Message);
        Assert.Equal("group", error.Column);
    }

    [Fact]
    public void TypeMismatch_IsNamed()
    {
        var original = SmallTables.Mixed(10);
        var avatars = original.WithColumn(CategoryColumn.FromValues("x", Enumerable.Repeat<string?>("a", 10).ToArray()));

        var error = Assert.Throws<AvatarizationException>(() => SignalEvaluator.Evaluate(original, avatars, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("Signal metrics: column 'x' is float in the original table 'mixed' but category in the avatars 'mixed'.", error.Message);
    }

    [Fact]
    public void EmptyTables_AreRejected()
    {
        var original = SmallTables.Mixed(10);
        var empty = original.TakeRows([]);

        var noAvatars = Assert.Throws<AvatarizationException>(() => SignalEvaluator.Evaluate(original, empty.WithName("none"), cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal("Signal metrics: the avatars 'none' have no rows.", noAvatars.Message);

        var noOriginals = Assert.Throws<AvatarizationException>(() => SignalEvaluator.Evaluate(empty, original, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal("Signal metrics: the original table 'mixed' has no rows.", noOriginals.Message);

        var noColumns = Assert.Throws<AvatarizationException>(() => SignalEvaluator.Evaluate(
            original.Select("x"), original, new SignalMetricsOptions { IgnoredColumns = ["x"] }, TestContext.Current.CancellationToken));
        Assert.Contains("no column left", noColumns.Message);
    }

    [Fact]
    public void BadOptions_AreRejected()
    {
        var table = SmallTables.Mixed(10);

        var bins = Assert.Throws<AvatarizationException>(() => SignalEvaluator.Evaluate(table, table, new SignalMetricsOptions { Bins = 0 }, TestContext.Current.CancellationToken));
        Assert.Equal("bins", bins.Parameter);

        var ignored = Assert.Throws<AvatarizationException>(() => SignalEvaluator.Evaluate(table, table, new SignalMetricsOptions { IgnoredColumns = ["nope"] }, TestContext.Current.CancellationToken));
        Assert.Contains("'nope'", ignored.Message);
    }

    [Fact]
    public void Json_HasTheVendorShapeAndDetails()
    {
        // x: 4 bins... with 20 bins: originals 1, 2, 3, 4 → bins 0, 6, 13, 19; avatars 4, 3, 2, 1 → same → H = 0.
        // g: (a ½, b ½) vs (a 1) → sqrt(1 − √2/2). Mean = 0.270598; sample std = 0.541196/√2 = 0.382683.
        var original = new Table([new FloatColumn("x", [1, 2, 3, 4]), CategoryColumn.FromValues("g", ["a", "b", "a", "b"])], "patient");
        var avatars = new Table([new FloatColumn("x", [4, 3, 2, 1]), CategoryColumn.FromValues("g", ["a", "a", "a", "a"])], "patient_avatars");

        var text = SignalEvaluator.Evaluate(original, avatars, cancellationToken: TestContext.Current.CancellationToken).ToJson();
        var json = JsonNode.Parse(text)!.AsObject();

        Assert.Contains("\"hellinger_mean\": \"< 0.1\"", text);

        Assert.Equal(
            ["hellinger_mean", "hellinger_std", "correlation_difference_ratio", "targets", "metadata", "details"],
            json.Select(p => p.Key).ToArray());
        var h = Math.Sqrt(1 - (Math.Sqrt(2) / 2));
        Assert.Equal(h / 2, json["hellinger_mean"]!.GetValue<double>(), 1e-12);
        Assert.Equal(h / Math.Sqrt(2), json["hellinger_std"]!.GetValue<double>(), 1e-12);
        Assert.Null(json["correlation_difference_ratio"]);
        Assert.Equal("< 0.1", json["targets"]!["hellinger_mean"]!.GetValue<string>());
        Assert.Equal("< 10", json["targets"]!["correlation_difference_ratio"]!.GetValue<string>());
        Assert.Equal("patient", json["metadata"]!["table_name"]!.GetValue<string>());
        Assert.Equal("standalone", json["metadata"]!["computation_type"]!.GetValue<string>());
        Assert.True(json["metadata"]!.AsObject().ContainsKey("reference"));
        Assert.Null(json["metadata"]!["reference"]);
        var details = json["details"]!;
        Assert.Equal("g", details["hellinger"]!["worst_variable"]!.GetValue<string>());
        Assert.Equal(20, details["hellinger"]!["bins"]!.GetValue<int>());
        var g = details["hellinger"]!["variables"]![1]!;
        Assert.Equal("category", g["type"]!.GetValue<string>());
        Assert.Equal(h, g["distance"]!.GetValue<double>(), 1e-12);
        Assert.Equal(2, g["bin_count"]!.GetValue<int>());
    }

    [Fact]
    public void Json_ListsWorstAndSkippedPairs()
    {
        var original = new Table([new FloatColumn("x", [1, 2, 3, 4]), new FloatColumn("y", [1, 2, 3, 5]), new FloatColumn("c", [1, 1, 1, 1])], "t");
        var avatars = new Table([new FloatColumn("x", [1, 2, 3, 4]), new FloatColumn("y", [4, 3, 2, 1]), new FloatColumn("c", [1, 2, 1, 2])], "a");

        var json = SignalEvaluator.Evaluate(original, avatars, cancellationToken: TestContext.Current.CancellationToken).ToJsonObject();

        var correlation = json["details"]!["correlation_difference"]!;
        Assert.Equal(3, correlation["pair_count"]!.GetValue<int>());
        Assert.Equal(1, correlation["compared_pair_count"]!.GetValue<int>());
        var worst = Assert.Single(correlation["worst_pairs"]!.AsArray())!;
        Assert.Equal("x", worst["first"]!.GetValue<string>());
        Assert.Equal(-1, worst["avatar"]!.GetValue<double>(), 1e-12);
        Assert.Equal(2, correlation["skipped_pairs"]!.AsArray().Count);
        Assert.Contains("'c' is constant", correlation["skipped_pairs"]![0]!["reason"]!.GetValue<string>());
    }
}
