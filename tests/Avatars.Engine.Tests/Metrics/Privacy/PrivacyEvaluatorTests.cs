using System.Text.Json.Nodes;
using Avatars.Data;
using Avatars.Engine.Avatarization;
using Avatars.Engine.Metrics.Privacy;
using Avatars.Engine.Tests.TestSupport;

namespace Avatars.Engine.Tests.Metrics.Privacy;

public sealed class PrivacyEvaluatorTests(ITestOutputHelper output)
{
    private static readonly string[] MetricKeys =
    [
        "hidden_rate", "local_cloaking", "distance_to_closest", "closest_distances_ratio", "column_direct_match_protection",
        "categorical_hidden_rate", "row_direct_match_protection", "correlation_protection_rate", "inference_continuous",
        "inference_categorical", "closest_rate",
    ];

    [Fact]
    public void IdenticalAvatars_AreNotProtected()
    {
        var table = SmallTables.Mixed(200);

        var report = PrivacyEvaluator.EvaluateAll(table, table, paired: true, new PrivacyMetricsOptions { Ncp = 3 }, TestContext.Current.CancellationToken);

        Assert.Equal(0, report.HiddenRate!.Value);
        Assert.Equal(0, report.RowDirectMatch.Value);
        Assert.Equal(0, report.ClosestDistances.DcrSummary.Median);
        Assert.Equal(0, report.ColumnDirectMatch!.Value, 9);
        Assert.Null(report.CategoricalHiddenRate);
        Assert.Null(report.Inference);
    }

    [Fact]
    public void PublishedWbcdAvatars_AllMetrics()
    {
        // The identifier stays in the original table and is ignored (the avatars do not have it).
        var original = Wbcd.ReadForMetrics("wbcd/breast_cancer_wisconsin.csv").WithName("wbcd");
        var avatars = Wbcd.ReadForMetrics("wbcd/breast_cancer_wisconsin_avatarized_k20.csv");
        var options = new PrivacyMetricsOptions
        {
            Ncp = 2,
            IgnoredColumns = [Wbcd.Identifier],
            KnownVariables = ["Clump_Thickness", "Uniformity_of_Cell_Size"],
            Target = Wbcd.ClassColumn,
            CategoricalHiddenRateVariables = [Wbcd.ClassColumn],
        };

        var report = PrivacyEvaluator.EvaluateAll(original, avatars, paired: true, options, TestContext.Current.CancellationToken);
        var json = report.ToJson();
        output.WriteLine(json);

        // Vendor-parity metrics (method.md §9.2).
        Assert.Equal(92.68, Math.Round(report.HiddenRate!.Value, 2));
        Assert.Equal(24, report.LocalCloaking!.Median);
        Assert.Equal(52.42, Math.Round(report.RowDirectMatch.Value, 2));
        // Project-design metrics: computed, in range.
        Assert.InRange(report.ColumnDirectMatch!.Value, 0, 100);
        Assert.InRange(report.CategoricalHiddenRate!.Value, 0, 100);
        Assert.InRange(report.CorrelationProtection!.Value, 0, 100);
        Assert.False(report.Inference!.IsContinuous);
        Assert.InRange(report.ClosestRate.Value, 0, 100);
        // The paired Class match rate is 0.972 (method.md §7.3).
        Assert.Equal(0.972, Math.Round(report.ColumnDirectMatch.Columns[Wbcd.ClassColumn].MatchRate, 3));
        Assert.DoesNotContain(Wbcd.Identifier, report.ColumnDirectMatch.Columns.Keys);
        Assert.Equal("wbcd", (string?)report.ToJsonObject()["metadata"]!["table_name"]);
    }

    [Fact]
    public void Unpaired_ComputesOnlyTheUnpairedMetrics()
    {
        var original = SmallTables.Mixed(120, seed: 1, name: "patients");
        var synthetic = SmallTables.Mixed(80, seed: 2, name: "synthetic");

        var report = PrivacyEvaluator.EvaluateAll(original, synthetic, paired: false, new PrivacyMetricsOptions { KnownVariables = ["group"], Target = "x" }, TestContext.Current.CancellationToken);
        var json = report.ToJsonObject();

        Assert.Equal(80, report.ClosestDistances.Dcr.Count);
        foreach (var key in new[] { "hidden_rate", "local_cloaking", "column_direct_match_protection", "categorical_hidden_rate", "correlation_protection_rate", "inference_continuous", "inference_categorical" })
        {
            Assert.Null(json[key]);
        }

        foreach (var key in new[] { "distance_to_closest", "closest_distances_ratio", "row_direct_match_protection", "closest_rate" })
        {
            Assert.NotNull(json[key]);
        }
    }

    [Fact]
    public void Json_HasTheVendorShape()
    {
        var original = SmallTables.Mixed(150, seed: 3, name: "patients");
        var avatars = SmallTables.Mixed(150, seed: 4, name: "avatars");
        var options = new PrivacyMetricsOptions { KnownVariables = ["group", "count"], Target = "x", CategoricalHiddenRateVariables = ["flag"] };

        var json = JsonNode.Parse(PrivacyEvaluator.EvaluateAll(original, avatars, paired: true, options, TestContext.Current.CancellationToken).ToJson())!.AsObject();

        Assert.Equal([.. MetricKeys, "targets", "metadata", "details"], json.Select(p => p.Key));
        foreach (var key in MetricKeys.Where(k => k != "inference_categorical"))
        {
            Assert.Equal(System.Text.Json.JsonValueKind.Number, JsonValueKind(json[key]));
        }

        Assert.Null(json["inference_categorical"]);
        Assert.Equal("> 90", (string?)json["targets"]!["hidden_rate"]);
        Assert.Equal("> 5", (string?)json["targets"]!["local_cloaking"]);
        Assert.Equal("> 0.3", (string?)json["targets"]!["closest_distances_ratio"]);
        Assert.Equal("> 50", (string?)json["targets"]!["column_direct_match_protection"]);
        Assert.Equal("patients", (string?)json["metadata"]!["table_name"]);
        Assert.Equal("standalone", (string?)json["metadata"]!["computation_type"]);
        Assert.True(json["metadata"]!.AsObject().ContainsKey("reference"));
        Assert.Null(json["metadata"]!["reference"]);
        Assert.NotNull(json["details"]!["local_cloaking"]!["records_median"]);
        Assert.NotNull(json["details"]!["distance_to_closest"]!["q95"]);
        Assert.Equal("project design, not vendor parity", (string?)json["details"]!["closest_rate"]!["reference"]);
    }

    [Fact]
    public void UnknownParameterColumn_IsNamed()
    {
        var table = SmallTables.Mixed(30, name: "patients");
        var error = Assert.Throws<AvatarizationException>(() =>
            PrivacyEvaluator.EvaluateAll(table, table, paired: true, new PrivacyMetricsOptions { KnownVariables = ["age"] }, TestContext.Current.CancellationToken));
        Assert.Equal("known_variables names column 'age', which table 'patients' does not have (or which is ignored).", error.Message);
        Assert.Equal("known_variables", error.Parameter);
    }

    [Fact]
    public void TargetWithoutKnownVariables_IsRejected()
    {
        var table = SmallTables.Mixed(30, name: "patients");
        var error = Assert.Throws<AvatarizationException>(() =>
            PrivacyEvaluator.EvaluateAll(table, table, paired: true, new PrivacyMetricsOptions { Target = "x" }, TestContext.Current.CancellationToken));
        Assert.Contains("target 'x' is set for table 'patients' but known_variables is empty", error.Message, StringComparison.Ordinal);
    }

    private static System.Text.Json.JsonValueKind JsonValueKind(JsonNode? node) => node?.GetValueKind() ?? System.Text.Json.JsonValueKind.Null;
}
