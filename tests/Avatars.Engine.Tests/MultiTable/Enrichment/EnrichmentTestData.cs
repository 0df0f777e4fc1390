using Avatars.Data;

namespace Avatars.Engine.Tests.MultiTable.Enrichment;

/// <summary>Small hand-checkable parent (patients) and child (visits) tables.</summary>
internal static class EnrichmentTestData
{
    /// <summary>Patients 1, 2, 3 (3 has no visit); variables age (int) and sex (category).</summary>
    public static Table Patients() => new(
        [
            new IntColumn("patient_id", [1, 2, 3]),
            new IntColumn("age", [30, 50, 70]),
            CategoryColumn.FromValues("sex", ["F", "M", "F"]),
        ],
        "patients");

    /// <summary>Visits: patient 1 has 3 (one dose missing), patient 2 has 2 (one kind missing), patient 3 none.</summary>
    public static Table Visits() => new(
        [
            new IntColumn("visit_id", [10, 11, 12, 13, 14]),
            new IntColumn("patient_id", [1, 2, 1, 1, 2]),
            new FloatColumn("dose", [1.0, 4.0, double.NaN, 3.0, 6.0]),
            CategoryColumn.FromValues("kind", ["a", "b", "b", "a", null]),
            new BoolColumn("urgent", [true, false, false, false, true]),
        ],
        "visits");
}
