using System.Text.Json.Nodes;
using Avatars.Engine.Metrics.Privacy;
using Avatars.Engine.Metrics.Signal;
using Avatars.Engine.MultiTable.Evaluation;

namespace Avatars.Engine.Tests.MultiTable.Evaluation;

public sealed class EntryOrderTests
{
    private static PrivacyMetricsOptions Privacy(string _) => new() { Ncp = 2 };

    private static SignalMetricsOptions Signal(string _) => new();

    [Fact]
    public void ChildWithTwoParentsGivesEntriesInTableThenTypeThenLinkOrder()
    {
        var (specs, links) = EvaluationTestData.PatientDoctorVisit();
        var tables = EvaluationTestData.WithRenumberedAvatars(specs, links);

        var privacy = MultiTableEvaluator.EvaluatePrivacy(tables, links, Privacy, TestContext.Current.CancellationToken);
        var signal = MultiTableEvaluator.EvaluateSignal(tables, links, Signal, TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                ("patient", PrivacyComputationType.Standalone, null),
                ("patient", PrivacyComputationType.ToTopEnriched, null),
                ("doctor", PrivacyComputationType.Standalone, null),
                ("doctor", PrivacyComputationType.ToTopEnriched, null),
                ("visit", PrivacyComputationType.Standalone, null),
                ("visit", PrivacyComputationType.ToBottomIdPropagated, "patient"),
                ("visit", PrivacyComputationType.ToBottomIdPropagated, "doctor"),
            ],
            privacy.Select(e => (e.TableName, e.ComputationType, e.Reference)));
        Assert.Equal(
            [
                ("patient", SignalComputationType.Standalone, null),
                ("patient", SignalComputationType.ToTopEnriched, null),
                ("doctor", SignalComputationType.Standalone, null),
                ("doctor", SignalComputationType.ToTopEnriched, null),
                ("visit", SignalComputationType.Standalone, null),
                ("visit", SignalComputationType.ToBottomInformationPropagated, "patient"),
                ("visit", SignalComputationType.ToBottomInformationPropagated, "doctor"),
            ],
            signal.Select(e => (e.TableName, e.ComputationType, e.Reference)));
    }

    [Fact]
    public void ThreeLevelChainGivesTheMiddleTableBothDirections()
    {
        var (specs, links) = EvaluationTestData.Chain();
        var tables = EvaluationTestData.WithRenumberedAvatars(specs, links);

        var privacy = MultiTableEvaluator.EvaluatePrivacy(tables, links, Privacy, TestContext.Current.CancellationToken);
        var signal = MultiTableEvaluator.EvaluateSignal(tables, links, Signal, TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                "region.privacy.json",
                "region.to_top_enriched.privacy.json",
                "patient.privacy.json",
                "patient.to_top_enriched.privacy.json",
                "patient.to_bottom_id_propagated.region.privacy.json",
                "visit.privacy.json",
                "visit.to_bottom_id_propagated.patient.privacy.json",
            ],
            privacy.Select(e => e.FileName(e.TableName)));
        Assert.Equal(
            [
                "region.signal.json",
                "region.to_top_enriched.signal.json",
                "patient.signal.json",
                "patient.to_top_enriched.signal.json",
                "patient.to_bottom_information_propagated.region.signal.json",
                "visit.signal.json",
                "visit.to_bottom_information_propagated.patient.signal.json",
            ],
            signal.Select(e => e.FileName(e.TableName)));

        // The middle table's enrichment aggregates its own children (visits) only; its join adds the region's variables.
        var patientTop = signal[3].Metrics.Hellinger.Variables.Select(v => v.Name).ToArray();
        Assert.Equal(["age", "weight", "visit_count", "visit_duration_mean", "visit_cost_mean"], patientTop);
        var patientBottom = signal[4].Metrics.Hellinger.Variables.Select(v => v.Name).ToArray();
        Assert.Equal(["age", "weight", "region.population", "region.income"], patientBottom);
        var regionTop = signal[1].Metrics.Hellinger.Variables.Select(v => v.Name).ToArray();
        Assert.Equal(["population", "income", "patient_count", "patient_age_mean", "patient_weight_mean"], regionTop);
    }

    [Fact]
    public void FileNamesEscapeTheReferenceAndTakeTheEscapedTableName()
    {
        var report = PrivacyReport();
        Assert.Equal("a_dot_b.privacy.json", new MultiTablePrivacyEntry("a.b", PrivacyComputationType.Standalone, null, report).FileName("a_dot_b"));
        Assert.Equal("t.to_top_enriched.privacy.json", new MultiTablePrivacyEntry("t", PrivacyComputationType.ToTopEnriched, null, report).FileName("t"));
        Assert.Equal(
            "t.to_bottom_id_propagated.p_dot_q_slash_r.privacy.json",
            new MultiTablePrivacyEntry("t", PrivacyComputationType.ToBottomIdPropagated, "p.q/r", report).FileName("t"));
        Assert.Equal("to_bottom_information_propagated", ComputationTypeNames.ToWireName(SignalComputationType.ToBottomInformationPropagated));
        Assert.Equal("to_top_enriched", ComputationTypeNames.ToWireName(SignalComputationType.ToTopEnriched));
        Assert.Equal("to_bottom_id_propagated", ComputationTypeNames.ToWireName(PrivacyComputationType.ToBottomIdPropagated));
    }

    [Fact]
    public void JsonMetadataCarriesTheComputationTypeAndReference()
    {
        var (specs, links) = EvaluationTestData.PatientDoctorVisit();
        var tables = EvaluationTestData.WithRenumberedAvatars(specs, links);

        var privacy = MultiTableEvaluator.EvaluatePrivacy(tables, links, Privacy, TestContext.Current.CancellationToken);
        var signal = MultiTableEvaluator.EvaluateSignal(tables, links, Signal, TestContext.Current.CancellationToken);

        foreach (var (entry, json) in privacy.Select(e => (e.TableName + e.ComputationType + e.Reference, JsonNode.Parse(e.ToJson())!))
            .Concat(signal.Select(e => (e.TableName + e.ComputationType + e.Reference, JsonNode.Parse(e.ToJson())!))))
        {
            Assert.NotNull(json["metadata"]);
            Assert.NotNull(json["targets"]);
            Assert.False(string.IsNullOrEmpty(entry));
        }

        var bottom = JsonNode.Parse(privacy[6].ToJson())!;
        Assert.Equal("visit", (string?)bottom["metadata"]!["table_name"]);
        Assert.Equal("to_bottom_id_propagated", (string?)bottom["metadata"]!["computation_type"]);
        Assert.Equal("doctor", (string?)bottom["metadata"]!["reference"]);
        Assert.NotNull(bottom["hidden_rate"]);
        Assert.NotNull(bottom["local_cloaking"]);
        Assert.Null(bottom["column_direct_match_protection"]);
        Assert.Equal("> 90", (string?)bottom["targets"]!["hidden_rate"]);
        Assert.Equal("doctor", (string?)bottom["details"]!["id_propagation"]!["parent_table"]);
        Assert.Equal(6, (int)bottom["details"]!["id_propagation"]!["individual_count"]!);

        var standalone = JsonNode.Parse(privacy[0].ToJson())!;
        Assert.Equal("standalone", (string?)standalone["metadata"]!["computation_type"]);
        Assert.Null(standalone["metadata"]!["reference"]);
        Assert.Equal("patient", (string?)standalone["metadata"]!["table_name"]);

        var top = JsonNode.Parse(privacy[1].ToJson())!;
        Assert.Equal("to_top_enriched", (string?)top["metadata"]!["computation_type"]);
        Assert.Null(top["metadata"]!["reference"]);

        var signalBottom = JsonNode.Parse(signal[5].ToJson())!;
        Assert.Equal("to_bottom_information_propagated", (string?)signalBottom["metadata"]!["computation_type"]);
        Assert.Equal("patient", (string?)signalBottom["metadata"]!["reference"]);
        Assert.Equal("< 0.1", (string?)signalBottom["targets"]!["hellinger_mean"]);
        Assert.Contains("\"< 0.1\"", signal[5].ToJson(), StringComparison.Ordinal);
    }

    private static PrivacyMetricsReport PrivacyReport()
    {
        var (specs, links) = EvaluationTestData.Chain();
        var tables = EvaluationTestData.WithRenumberedAvatars(specs, links);
        return MultiTableEvaluator.EvaluatePrivacy(tables, links, Privacy, TestContext.Current.CancellationToken)[0].Report;
    }
}
