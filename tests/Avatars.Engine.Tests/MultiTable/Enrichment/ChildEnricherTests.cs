using Avatars.Data;
using Avatars.Engine.MultiTable.Enrichment;

namespace Avatars.Engine.Tests.MultiTable.Enrichment;

public sealed class ChildEnricherTests
{
    [Fact]
    public void EachChildGetsItsParentsVariablesUnderTheSameNames()
    {
        var table = ChildEnricher.Enrich(EnrichmentTestData.Visits(), "patient_id", EnrichmentTestData.Patients(), "patient_id");

        Assert.Equal(["visit_id", "patient_id", "dose", "kind", "urgent", "age", "sex"], table.ColumnNames);
        Assert.Equal(5, table.RowCount);
        Assert.Equal([30L, 50L, 30L, 30L, 50L], ((IntColumn)table["age"]).Values.ToArray());
        var sex = table["sex"];
        Assert.Equal(new string?[] { "F", "M", "F", "F", "M" }, Enumerable.Range(0, 5).Select(sex.FormatValue));
        Assert.Equal("visits", table.Name);
    }

    [Fact]
    public void SelectedParentVariablesOnly()
    {
        var table = ChildEnricher.Enrich(EnrichmentTestData.Visits(), "patient_id", EnrichmentTestData.Patients(), "patient_id", ["sex"]);

        Assert.Equal(["visit_id", "patient_id", "dose", "kind", "urgent", "sex"], table.ColumnNames);
    }

    [Fact]
    public void KeysMatchAcrossColumnTypesByTheirText()
    {
        var visits = new Table([CategoryColumn.FromValues("patient_id", ["2", "3"])], "visits");

        var table = ChildEnricher.Enrich(visits, "patient_id", EnrichmentTestData.Patients(), "patient_id", ["age"]);

        Assert.Equal([50L, 70L], ((IntColumn)table["age"]).Values.ToArray());
    }

    [Fact]
    public void ForeignKeyNotFoundIsAnError()
    {
        var visits = new Table([new IntColumn("patient_id", [1, 7])], "visits");

        var error = Assert.Throws<ArgumentException>(() =>
            ChildEnricher.Enrich(visits, "patient_id", EnrichmentTestData.Patients(), "patient_id"));

        Assert.Contains("Table 'visits', foreign key column 'patient_id'", error.Message);
        Assert.Contains("'7'", error.Message);
    }

    [Fact]
    public void MissingForeignKeyIsAnError()
    {
        var visits = new Table([new IntColumn("patient_id", [1, 0], [false, true])], "visits");

        var error = Assert.Throws<ArgumentException>(() =>
            ChildEnricher.Enrich(visits, "patient_id", EnrichmentTestData.Patients(), "patient_id"));

        Assert.Contains("row 1 has a missing value", error.Message);
    }

    [Fact]
    public void NameClashKeyAsVariableAndUnknownVariableAreErrors()
    {
        var visits = EnrichmentTestData.Visits();
        var patients = EnrichmentTestData.Patients();

        Assert.Throws<ArgumentException>(() => ChildEnricher.Enrich(visits, "patient_id", patients, "patient_id", ["patient_id"]));
        Assert.Throws<ArgumentException>(() => ChildEnricher.Enrich(visits, "patient_id", patients, "patient_id", ["height"]));
        var clash = Assert.Throws<ArgumentException>(() =>
            ChildEnricher.Enrich(visits.WithColumn(new IntColumn("age", [1, 1, 1, 1, 1])), "patient_id", patients, "patient_id"));
        Assert.Contains("'age'", clash.Message);
    }
}
