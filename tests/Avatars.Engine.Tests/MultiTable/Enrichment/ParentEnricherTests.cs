using Avatars.Data;
using Avatars.Engine.MultiTable.Enrichment;

namespace Avatars.Engine.Tests.MultiTable.Enrichment;

public sealed class ParentEnricherTests
{
    private static Table Enriched(ParentEnrichmentOptions? options = null)
    {
        var visits = EnrichmentTestData.Visits().Drop("visit_id");
        return ParentEnricher.Enrich(EnrichmentTestData.Patients(), "patient_id", visits, "patient_id", options);
    }

    [Fact]
    public void AddsCountMeansAndSharesInDocumentedOrderAndNames()
    {
        var table = Enriched();

        Assert.Equal(
            ["patient_id", "age", "sex", "visits_count", "visits_dose_mean", "visits_kind_a_share", "visits_kind_b_share", "visits_urgent_mean"],
            table.ColumnNames);
        Assert.Equal(3, table.RowCount);
    }

    [Fact]
    public void CountsMeansAndSharesAreCorrectByHand()
    {
        var table = Enriched();

        var count = (IntColumn)table["visits_count"];
        Assert.Equal([3L, 2L, 0L], count.Values.ToArray());

        var dose = (FloatColumn)table["visits_dose_mean"];
        Assert.Equal(2.0, dose[0], 12);  // (1 + 3) / 2, missing dose ignored
        Assert.Equal(5.0, dose[1], 12);  // (4 + 6) / 2

        var a = (FloatColumn)table["visits_kind_a_share"];
        var b = (FloatColumn)table["visits_kind_b_share"];
        Assert.Equal(2.0 / 3, a[0], 12);
        Assert.Equal(1.0 / 3, b[0], 12);
        Assert.Equal(0.0, a[1], 12);     // the missing kind is not counted
        Assert.Equal(1.0, b[1], 12);

        var urgent = (FloatColumn)table["visits_urgent_mean"];
        Assert.Equal(1.0 / 3, urgent[0], 12);
        Assert.Equal(0.5, urgent[1], 12);
    }

    [Fact]
    public void ParentWithoutChildrenHasCountZeroAndMissingAggregates()
    {
        var table = Enriched();

        Assert.Equal(0L, ((IntColumn)table["visits_count"])[2]);
        foreach (string name in new[] { "visits_dose_mean", "visits_kind_a_share", "visits_kind_b_share", "visits_urgent_mean" })
        {
            Assert.True(table[name].IsMissing(2), name);
        }
    }

    [Fact]
    public void AllMissingValuesForAParentGiveAMissingMean()
    {
        var visits = new Table(
            [new IntColumn("patient_id", [1, 1, 2]), new FloatColumn("dose", [double.NaN, double.NaN, 2.0])],
            "visits");

        var table = ParentEnricher.Enrich(EnrichmentTestData.Patients(), "patient_id", visits, "patient_id");

        var dose = (FloatColumn)table["visits_dose_mean"];
        Assert.True(dose.IsMissing(0));
        Assert.Equal(2.0, dose[1]);
        Assert.Equal([2L, 1L, 0L], ((IntColumn)table["visits_count"]).Values.ToArray());
    }

    [Fact]
    public void PrefixAndVariablesOptionsAreHonoured()
    {
        var table = Enriched(new ParentEnrichmentOptions { Prefix = "v", Variables = ["dose"] });

        Assert.Equal(["patient_id", "age", "sex", "v_count", "v_dose_mean"], table.ColumnNames);
    }

    [Fact]
    public void ForeignKeyNotFoundNamesTableColumnAndExample()
    {
        var visits = new Table([new IntColumn("patient_id", [1, 99, 98])], "visits");

        var error = Assert.Throws<ArgumentException>(() =>
            ParentEnricher.Enrich(EnrichmentTestData.Patients(), "patient_id", visits, "patient_id"));

        Assert.Contains("'visits'", error.Message);
        Assert.Contains("'patient_id'", error.Message);
        Assert.Contains("'99'", error.Message);
        Assert.Contains("'patients'", error.Message);
        Assert.Contains("2 row(s)", error.Message);
    }

    [Fact]
    public void DuplicateParentKeyIsRejected()
    {
        var patients = new Table([new IntColumn("patient_id", [1, 2, 1])], "patients");

        var error = Assert.Throws<ArgumentException>(() =>
            ParentEnricher.Enrich(patients, "patient_id", EnrichmentTestData.Visits(), "patient_id"));

        Assert.Contains("'patients'", error.Message);
        Assert.Contains("'1'", error.Message);
        Assert.Contains("more than once", error.Message);
    }

    [Fact]
    public void UnknownKeyColumnsAreRejected()
    {
        var patients = EnrichmentTestData.Patients();
        var visits = EnrichmentTestData.Visits();

        var parentError = Assert.Throws<ArgumentException>(() => ParentEnricher.Enrich(patients, "id", visits, "patient_id"));
        Assert.Contains("Table 'patients' has no column 'id'", parentError.Message);

        var childError = Assert.Throws<ArgumentException>(() => ParentEnricher.Enrich(patients, "patient_id", visits, "pid"));
        Assert.Contains("Table 'visits' has no column 'pid'", childError.Message);
    }

    [Fact]
    public void ForeignKeyCannotBeAggregatedAndNameClashesAreRejected()
    {
        var patients = EnrichmentTestData.Patients();
        var visits = EnrichmentTestData.Visits();

        Assert.Throws<ArgumentException>(() =>
            ParentEnricher.Enrich(patients, "patient_id", visits, "patient_id", new ParentEnrichmentOptions { Variables = ["patient_id"] }));
        var clash = Assert.Throws<ArgumentException>(() =>
            ParentEnricher.Enrich(patients.WithColumn(new IntColumn("visits_count", [0, 0, 0])), "patient_id", visits, "patient_id"));
        Assert.Contains("visits_count", clash.Message);
    }
}
