using System.Text.Json.Nodes;
using Avatars.Data;
using Avatars.Engine.Metrics.Privacy;
using Avatars.Engine.MultiTable.Evaluation;

namespace Avatars.Engine.Tests.MultiTable.Evaluation;

public sealed class IdPropagatedPrivacyTests
{
    private static PrivacyMetricsOptions Options(string _) => new() { Ncp = 2 };

    [Fact]
    public void AvatarsEqualToOriginalsAreNeverHidden()
    {
        var (specs, links) = EvaluationTestData.PatientDoctorVisit();
        var tables = EvaluationTestData.WithRenumberedAvatars(specs, links);

        var entries = MultiTableEvaluator.EvaluatePrivacy(tables, links, Options, TestContext.Current.CancellationToken);

        foreach (var entry in entries)
        {
            Assert.True(entry.Report.Paired);
            Assert.Equal(0, entry.Report.HiddenRate!.Value);
            Assert.Equal(0, entry.Report.LocalCloaking!.Median);
        }

        var bottom = entries.Where(e => e.ComputationType == PrivacyComputationType.ToBottomIdPropagated).ToArray();
        Assert.Equal(2, bottom.Length);
        Assert.All(bottom, e => Assert.Equal(36, e.Report.HiddenRate!.HitCount));
        Assert.All(bottom, e => Assert.Equal(1.0, e.Report.LocalCloaking!.EmptyRate));
    }

    [Fact]
    public void AvatarsSwappingWholeIndividualsAreAlwaysHidden()
    {
        var (specs, links) = EvaluationTestData.PatientDoctorVisit();
        // Visit rows 3p..3p+2 belong to patient p: avatar rows of patient p take the values of patient (p + 1) mod 12.
        var rows = Enumerable.Range(0, 36).Select(i => ((i + 3) % 36)).ToArray();
        var tables = EvaluationTestData.WithRenumberedAvatars(
            specs,
            links,
            (name, table) => name == "visit" ? EvaluationTestData.PermuteVariables(table, rows, "visit_id", "patient_id", "doctor_id") : table);

        var entries = MultiTableEvaluator.EvaluatePrivacy(tables, links, Options, TestContext.Current.CancellationToken);

        var standalone = entries.Single(e => e.TableName == "visit" && e.ComputationType == PrivacyComputationType.Standalone);
        var byPatient = entries.Single(e => e.ComputationType == PrivacyComputationType.ToBottomIdPropagated && e.Reference == "patient");
        Assert.Equal(100, standalone.Report.HiddenRate!.Value);
        Assert.Equal(100, byPatient.Report.HiddenRate!.Value);
        Assert.Equal(0, byPatient.Report.HiddenRate.HitCount);
        // The patient table itself is untouched.
        Assert.Equal(0, entries[0].Report.HiddenRate!.Value);
    }

    [Fact]
    public void HandCheckedHiddenRateAndLocalCloaking()
    {
        // 3 individuals (A, B, C), 2 rows each, one variable x. A 1-D projection is an affine map of x, so nearest
        // neighbours and distance comparisons are those of x.
        //   originals x: A 0, 1 | B 10, 11 | C 20, 21
        //   avatars   x: 0.2 (A, nearest 0 → A, hit; own 0.2, LC 0)     9 (A, nearest 10 → B, miss; own 8: 10, 11 → LC 2)
        //                10.4 (B, hit, LC 0)                              16 (B, nearest 20 → C, miss; own 5: 20 → LC 1)
        //                21 (C, hit, LC 0)                                5 (C, nearest 1 → A, miss; own 15: 0, 1, 10, 11 → LC 4)
        // hidden rate = 3 / 6 = 50 %; LC = [0, 2, 0, 1, 0, 4] → median 0.5; empty rate 3 / 6.
        var (tables, links) = Tiny([0.2, 9, 10.4, 16, 21, 5]);

        var entries = MultiTableEvaluator.EvaluatePrivacy(tables, links, _ => new PrivacyMetricsOptions { Ncp = 1 }, TestContext.Current.CancellationToken);

        var bottom = entries.Single(e => e.ComputationType == PrivacyComputationType.ToBottomIdPropagated);
        Assert.Equal("person", bottom.Reference);
        Assert.Equal(50, bottom.Report.HiddenRate!.Value, 10);
        Assert.Equal([true, false, true, false, true, false], bottom.Report.HiddenRate.Hits);
        Assert.Equal([0, 2, 0, 1, 0, 4], bottom.Report.LocalCloaking!.AvatarCounts);
        Assert.Equal(0.5, bottom.Report.LocalCloaking.Median);
        Assert.Equal(0.5, bottom.Report.LocalCloaking.EmptyRate);
        Assert.Null(bottom.Report.ColumnDirectMatch);
        var json = JsonNode.Parse(bottom.ToJson())!;
        Assert.Equal(50, (double)json["hidden_rate"]!, 10);
        Assert.Equal(0.5, (double)json["local_cloaking"]!);
        Assert.Equal(3, (int)json["details"]!["id_propagation"]!["individual_count"]!);
    }

    [Fact]
    public void KeysAreNeverVariables()
    {
        var (specs, links) = EvaluationTestData.PatientDoctorVisit();
        var (hugeSpecs, _) = EvaluationTestData.PatientDoctorVisit(keyOffset: 1_000_000_000_000);
        var swap = Enumerable.Range(0, 36).Select(i => (i + 3) % 36).ToArray();
        Table Transform(string name, Table table) => name == "visit" ? EvaluationTestData.PermuteVariables(table, swap, "visit_id", "patient_id", "doctor_id") : table;

        var small = MultiTableEvaluator.EvaluatePrivacy(EvaluationTestData.WithRenumberedAvatars(specs, links, Transform), links, Options, TestContext.Current.CancellationToken);
        var huge = MultiTableEvaluator.EvaluatePrivacy(EvaluationTestData.WithRenumberedAvatars(hugeSpecs, links, Transform), links, Options, TestContext.Current.CancellationToken);
        var signalSmall = MultiTableEvaluator.EvaluateSignal(EvaluationTestData.WithRenumberedAvatars(specs, links, Transform), links, _ => new(), TestContext.Current.CancellationToken);
        var signalHuge = MultiTableEvaluator.EvaluateSignal(EvaluationTestData.WithRenumberedAvatars(hugeSpecs, links, Transform), links, _ => new(), TestContext.Current.CancellationToken);

        Assert.Equal(small.Select(e => e.ToJson()), huge.Select(e => e.ToJson()));
        Assert.Equal(signalSmall.Select(e => e.ToJson()), signalHuge.Select(e => e.ToJson()));
        Assert.DoesNotContain(signalSmall.SelectMany(e => e.Metrics.Hellinger.Variables), v => v.Name.EndsWith("_id", StringComparison.Ordinal));
        Assert.Equal(2, small[0].Report.Ncp);
    }

    [Fact]
    public void KeysListedAsIgnoredByTheCallerAreAccepted()
    {
        var (specs, links) = EvaluationTestData.PatientDoctorVisit();
        var tables = EvaluationTestData.WithRenumberedAvatars(specs, links);

        var privacy = MultiTableEvaluator.EvaluatePrivacy(tables, links, name => new PrivacyMetricsOptions { Ncp = 2, IgnoredColumns = name == "visit" ? ["patient_id", "visit_id"] : [] }, TestContext.Current.CancellationToken);
        var signal = MultiTableEvaluator.EvaluateSignal(tables, links, name => new() { IgnoredColumns = name == "visit" ? ["patient_id", "visit_id"] : [] }, TestContext.Current.CancellationToken);

        Assert.Equal(7, privacy.Count);
        Assert.Equal(7, signal.Count);
    }

    [Fact]
    public void UnpairedTableHasNoHiddenRateButItsUnpairedMetrics()
    {
        var (specs, links) = EvaluationTestData.PatientDoctorVisit();
        var tables = EvaluationTestData.WithRenumberedAvatars(specs, links);
        var visit = tables[2];
        // A differentially private table: fewer avatars than originals, in another order.
        var rows = Enumerable.Range(0, 30).Select(i => 35 - i).ToArray();
        tables[2] = visit with { Avatars = visit.Avatars.TakeRows(rows), Paired = false };

        var privacy = MultiTableEvaluator.EvaluatePrivacy(tables, links, Options, TestContext.Current.CancellationToken);
        var signal = MultiTableEvaluator.EvaluateSignal(tables, links, _ => new(), TestContext.Current.CancellationToken);

        var visitEntries = privacy.Where(e => e.TableName == "visit").ToArray();
        Assert.Equal(3, visitEntries.Length);
        foreach (var entry in visitEntries)
        {
            Assert.False(entry.Report.Paired);
            Assert.Null(entry.Report.HiddenRate);
            Assert.Null(entry.Report.LocalCloaking);
            Assert.Equal(0, entry.Report.ClosestDistances.DcrSummary.Median);
            var json = JsonNode.Parse(entry.ToJson())!;
            Assert.Null(json["hidden_rate"]);
        }

        var note = (string?)JsonNode.Parse(visitEntries[1].ToJson())!["details"]!["id_propagation"]!["note"];
        Assert.Contains("not paired", note, StringComparison.Ordinal);
        // The parents stay paired; their enrichment uses the avatar visits through the avatar keys.
        Assert.True(privacy[1].Report.Paired);
        Assert.NotNull(privacy[1].Report.HiddenRate);
        Assert.Equal(7, signal.Count);
    }

    [Fact]
    public void ParentOfAnUnpairedParentIsEvaluatedUnpaired()
    {
        var (specs, links) = EvaluationTestData.Chain();
        var tables = EvaluationTestData.WithRenumberedAvatars(specs, links);
        tables[0] = tables[0] with { Paired = false };

        var privacy = MultiTableEvaluator.EvaluatePrivacy(tables, links, Options, TestContext.Current.CancellationToken);

        Assert.False(privacy[0].Report.Paired);
        Assert.False(privacy[1].Report.Paired);
        Assert.Null(privacy[1].Report.HiddenRate);
        // patient → region is id-propagated: the patient table is paired.
        Assert.Equal(PrivacyComputationType.ToBottomIdPropagated, privacy[4].ComputationType);
        Assert.Equal(0, privacy[4].Report.HiddenRate!.Value);
    }

    private static (MultiTableEvaluationTable[] Tables, MultiTableEvaluationLink[] Links) Tiny(double[] avatarX)
    {
        var person = new Table([new IntColumn("person_id", [7, 8, 9]), new FloatColumn("height", [1.6, 1.8, 1.7])], "person");
        var measure = new Table(
            [
                new IntColumn("measure_id", [1, 2, 3, 4, 5, 6]),
                new IntColumn("person_id", [7, 7, 8, 8, 9, 9]),
                new FloatColumn("x", [0, 1, 10, 11, 20, 21]),
            ],
            "measure");
        var avatarPerson = person.WithColumn(new IntColumn("person_id", [1, 2, 3]));
        var avatarMeasure = new Table(
            [
                new IntColumn("measure_id", [1, 2, 3, 4, 5, 6]),
                new IntColumn("person_id", [1, 1, 2, 2, 3, 3]),
                new FloatColumn("x", avatarX),
            ],
            "measure");
        return (
            [
                new MultiTableEvaluationTable("person", person, avatarPerson, "person_id", [], true),
                new MultiTableEvaluationTable("measure", measure, avatarMeasure, "measure_id", ["person_id"], true),
            ],
            [new MultiTableEvaluationLink("person", "person_id", "measure", "person_id")]);
    }
}
