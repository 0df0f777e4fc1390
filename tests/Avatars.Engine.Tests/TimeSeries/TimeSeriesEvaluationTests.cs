using System.Text.Json.Nodes;
using Avatars.Data;
using Avatars.Engine.TimeSeries;

namespace Avatars.Engine.Tests.TimeSeries;

/// <summary><see cref="TimeSeriesEvaluation"/>: long tables re-aligned on the originals' grid, and the JSON object.</summary>
public sealed class TimeSeriesEvaluationTests
{
    [Fact]
    public void SameSeries_GiveZero()
    {
        var table = SyntheticSeries.Create(20, 4, 9, seed: 8);

        var result = TimeSeriesEvaluation.Evaluate(table, table, "id", "t", ["pk"], new TimeSeriesSettings());

        Assert.Equal(0, result.PointwiseHellingerMean);
        Assert.Equal(0, result.DensityHellingerMean);
        Assert.Equal(["a", "b"], result.Variables.Select(v => v.Name));
        Assert.All(result.Variables, v => Assert.Equal(9, v.Pointwise.Count));
    }

    [Fact]
    public void Avatars_AreAlignedOnTheOriginalsGrid()
    {
        // Every series has 7 stamps and the grid has 7 points: the decoded stamps fall on the grid, so the curves match.
        var original = SyntheticSeries.Create(20, 7, 7, seed: 8);
        var encoding = TimeSeriesEncoder.Encode(original, "id", "t", ["pk"], "", new TimeSeriesSettings { ProjectionType = SeriesProjectionType.Flatten, Method = AlignmentMethod.Specified, NbPoints = 7 });
        var avatars = encoding.Decode(encoding.Features, new IntColumn("id", Enumerable.Range(1, 20).Select(i => (long)i).ToArray()));

        var result = TimeSeriesEvaluation.Evaluate(original, avatars, "id", "t", ["pk"], encoding.Settings, bins: 10);

        Assert.All(result.Variables, v => Assert.Equal(7, v.Pointwise.Count));
        Assert.True(result.PointwiseHellingerMean < 0.01, $"pointwise {result.PointwiseHellingerMean}");
    }

    [Fact]
    public void Evaluate_Errors_OnAMissingValueColumn()
    {
        var table = SyntheticSeries.Create(5, 3, 4, seed: 1);
        var message = Assert.Throws<TimeSeriesException>(() => TimeSeriesEvaluation.Evaluate(table, table.Drop("b"), "id", "t", ["pk"], new TimeSeriesSettings())).Message;
        Assert.Contains("'b'", message);
    }

    [Fact]
    public void ToJson_WritesTheVendorStyleObject()
    {
        var original = new SeriesCurves(["x"], 2, 2, [new double[] { 0, 1, 0, 1 }]);
        var avatars = new SeriesCurves(["x"], 2, 2, [new double[] { 0, 2, 0, 2 }]);
        var result = TimeSeriesSignalMetrics.Compute(original, avatars, bins: 2);

        var json = TimeSeriesEvaluation.ToJson(result, "sensor1", indented: false);
        var node = JsonNode.Parse(json)!.AsObject();

        Assert.Equal(
            ["pointwise_hellinger_mean", "pointwise_hellinger_std", "density_hellinger_mean", "density_hellinger_std", "targets", "metadata"],
            node.Select(p => p.Key));
        Assert.Equal(0.5, node["pointwise_hellinger_mean"]!.GetValue<double>(), 1e-12);
        Assert.Null(node["density_hellinger_std"]);
        Assert.Equal("<= 0.2", node["targets"]!["pointwise_hellinger_mean"]!.GetValue<string>());
        Assert.Equal("sensor1", node["metadata"]!["table_name"]!.GetValue<string>());
        Assert.Equal("standalone", node["metadata"]!["computation_type"]!.GetValue<string>());
        Assert.True(node["metadata"]!.AsObject().ContainsKey("reference"));
        Assert.Null(node["metadata"]!["reference"]);
        Assert.Contains("\"<= 0.2\"", json);
    }
}
