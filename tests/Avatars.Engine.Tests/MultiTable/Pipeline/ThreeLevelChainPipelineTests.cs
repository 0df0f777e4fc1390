using Avatars.Data;
using Avatars.Engine.Avatarization;
using Avatars.Engine.MultiTable.Pipeline;
using Avatars.Engine.MultiTable.Relinking;

namespace Avatars.Engine.Tests.MultiTable.Pipeline;

/// <summary>A three-level chain hospital → patient → visit built in code (seeded): keys and links at every level.</summary>
public sealed class ThreeLevelChainPipelineTests
{
    [Fact]
    public void Every_level_links_to_existing_parent_avatars()
    {
        var (tables, links) = Chain();
        var result = MultiTableAvatarizer.Avatarize(tables, links, new MultiTableOptions { Seed = 7 }, cancellationToken: TestContext.Current.CancellationToken);

        var hospitals = PatientDoctorVisitPipelineTests.Keys(result["hospital"].Avatars, "h_id").ToHashSet();
        var patients = result["patient"].Avatars;
        var patientKeys = PatientDoctorVisitPipelineTests.Keys(patients, "p_id").ToHashSet();
        var visits = result["visit"].Avatars;
        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i).ToHashSet(), hospitals);
        Assert.Equal(Enumerable.Range(1, 60).Select(i => (long)i).ToHashSet(), patientKeys);
        Assert.All(PatientDoctorVisitPipelineTests.Keys(patients, "hospital_id"), k => Assert.Contains(k, hospitals));
        Assert.All(PatientDoctorVisitPipelineTests.Keys(visits, "patient_id"), k => Assert.Contains(k, patientKeys));
        Assert.Equal(["h_id", "beds", "kind"], result["hospital"].Avatars.ColumnNames);
        Assert.Equal(["p_id", "hospital_id", "age", "sex"], patients.ColumnNames);
        Assert.Equal(["v_id", "patient_id", "cost", "reason"], visits.ColumnNames);
        Assert.Equal(2, result.Links.Count);
    }

    [Fact]
    public void Shuffled_and_unshuffled_avatars_carry_the_same_keys()
    {
        var (tables, links) = Chain();
        var result = MultiTableAvatarizer.Avatarize(tables, links, new MultiTableOptions { Seed = 7 }, cancellationToken: TestContext.Current.CancellationToken);
        foreach (var name in new[] { "hospital", "patient", "visit" })
        {
            var shuffled = result[name].Avatars;
            var unshuffled = result[name].SensitiveUnshuffled;
            var key = shuffled.ColumnNames.First();
            // Keys follow the shuffled order (1 … n), so a key says nothing about the original row.
            Assert.Equal(Enumerable.Range(1, shuffled.RowCount).Select(i => (long)i), PatientDoctorVisitPipelineTests.Keys(shuffled, key));
            Assert.Equal(
                Rows(shuffled).Order(StringComparer.Ordinal),
                Rows(unshuffled).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void The_original_order_method_is_applied_to_every_link()
    {
        var (tables, links) = Chain();
        links = [.. links.Select(l => l with { Method = RelinkMethod.SensitiveOriginalOrderAssignment })];
        // Sorted children: original order assignment then reproduces the original grouping of rows.
        var result = MultiTableAvatarizer.Avatarize(tables, links, new MultiTableOptions { Seed = 7 }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.All(result.Links, l => Assert.Equal(RelinkMethod.SensitiveOriginalOrderAssignment, l.Method));
    }

    [Fact]
    public void Errors_name_the_table_and_the_column()
    {
        var (tables, links) = Chain();
        Assert.Contains("there is no table 'ward'", Throws(tables, [.. links, new("ward", "w_id", "visit", "patient_id")]));
        Assert.Contains("field 'beds' must be the primary key of table 'hospital' ('h_id')", Throws(tables, [new("hospital", "beds", "patient", "hospital_id")]));
        Assert.Contains("field 'age' must be a foreign key (identifier) of table 'patient'; its foreign keys are: hospital_id", Throws(tables, [new("hospital", "h_id", "patient", "age")]));
        Assert.Contains("Table 'visit' has no avatarization parameters", Throws([tables[0], tables[1], tables[2] with { Avatarization = null }], links));
        Assert.Contains("cycle", Throws(tables, [.. links, new("visit", "v_id", "hospital", "h_id")], hospitalForeignKey: true));
        Assert.Contains("Table 'patient': key column 'ward_id' is not in its data", Throws([tables[0], tables[1] with { ForeignKeys = ["ward_id"] }, tables[2]], []));
        Assert.Contains("appears twice", Throws([tables[0], tables[0]], []));
    }

    [Fact]
    public void A_foreign_key_not_found_among_the_parent_keys_is_reported()
    {
        var (tables, links) = Chain();
        var visits = tables[2].Data;
        var broken = visits.WithColumn(new IntColumn("patient_id", [.. Enumerable.Range(0, visits.RowCount).Select(i => i == 3 ? 999L : (long)visits["patient_id"].GetValue(i)!)]));
        var ex = Assert.Throws<MultiTableException>(() => MultiTableAvatarizer.Avatarize([tables[0], tables[1], tables[2] with { Data = broken }], links, new MultiTableOptions { Seed = 1 }, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("'999'", ex.Message);
        Assert.Contains("patient_id", ex.Message);
    }

    private static string Throws(List<MultiTableSource> tables, List<MultiTableLink> links, bool hospitalForeignKey = false)
    {
        if (hospitalForeignKey)
        {
            var hospital = tables[0];
            tables = [hospital with { Data = hospital.Data.WithColumn(new IntColumn("visit_ref", new long[hospital.Data.RowCount])), ForeignKeys = ["visit_ref"] }, tables[1], tables[2]];
            links = [.. links.Where(l => l.ChildTable != "hospital"), new("visit", "v_id", "hospital", "visit_ref")];
        }

        return Assert.Throws<MultiTableException>(() => MultiTableAvatarizer.Avatarize(tables, links, new MultiTableOptions { Seed = 1 }, cancellationToken: TestContext.Current.CancellationToken)).Message;
    }

    private static IEnumerable<string> Rows(Table table) =>
        Enumerable.Range(0, table.RowCount).Select(i => string.Join(",", table.Columns.Select(c => c.FormatValue(i))));

    /// <summary>8 hospitals, 60 patients (one hospital has none), 200 visits; seeded.</summary>
    internal static (List<MultiTableSource> Tables, List<MultiTableLink> Links) Chain()
    {
        var random = new Random(42);
        var hospital = new Table(
            [
                new IntColumn("h_id", [.. Enumerable.Range(100, 8).Select(i => (long)i)]),
                new FloatColumn("beds", [.. Enumerable.Range(0, 8).Select(_ => 50 + (random.NextDouble() * 400))]),
                CategoryColumn.FromValues("kind", [.. Enumerable.Range(0, 8).Select(i => i % 3 == 0 ? "university" : "general")]),
            ],
            "hospital");
        var patient = new Table(
            [
                new IntColumn("p_id", [.. Enumerable.Range(0, 60).Select(i => 1000L + i)]),
                new IntColumn("hospital_id", [.. Enumerable.Range(0, 60).Select(_ => 100L + random.Next(7))]),
                new FloatColumn("age", [.. Enumerable.Range(0, 60).Select(_ => 20 + (random.NextDouble() * 60))]),
                CategoryColumn.FromValues("sex", [.. Enumerable.Range(0, 60).Select(_ => random.Next(2) == 0 ? "F" : "M")]),
            ],
            "patient");
        var visitPatients = Enumerable.Range(0, 200).Select(_ => 1000L + random.Next(60)).Order().ToArray();
        var visit = new Table(
            [
                new IntColumn("v_id", [.. Enumerable.Range(0, 200).Select(i => 5000L + i)]),
                new IntColumn("patient_id", visitPatients),
                new FloatColumn("cost", [.. Enumerable.Range(0, 200).Select(_ => 30 + (random.NextDouble() * 300))]),
                CategoryColumn.FromValues("reason", [.. Enumerable.Range(0, 200).Select(_ => random.Next(3) switch { 0 => "checkup", 1 => "emergency", _ => "surgery" })]),
            ],
            "visit");
        StandardTableAvatarization K() => new(new AvatarizationOptions { K = 5 });
        return (
            [
                new(hospital, "hospital", "h_id", [], new StandardTableAvatarization(new AvatarizationOptions { K = 3 })),
                new(patient, "patient", "p_id", ["hospital_id"], K()),
                new(visit, "visit", "v_id", ["patient_id"], K()),
            ],
            [new("hospital", "h_id", "patient", "hospital_id"), new("patient", "p_id", "visit", "patient_id")]);
    }
}
