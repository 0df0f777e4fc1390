using Avatars.Data;
using Avatars.Engine.MultiTable.Evaluation;

namespace Avatars.Engine.Tests.MultiTable.Evaluation;

/// <summary>Small seeded schemas and "avatars" derived from the originals with keys renumbered.</summary>
internal static class EvaluationTestData
{
    /// <summary>A description of one original table: name, table, primary key, foreign keys.</summary>
    public sealed record Spec(string Name, Table Original, string? PrimaryKey, string[] ForeignKeys);

    /// <summary>Patients (12, keys 101..), doctors (6, keys 501..), visits (36; 3 per patient; keys 9001..): a child with two parents.</summary>
    public static (Spec[] Specs, MultiTableEvaluationLink[] Links) PatientDoctorVisit(int seed = 7, long keyOffset = 0)
    {
        var random = new Random(seed);
        const int patients = 12;
        const int doctors = 6;
        const int visitsPerPatient = 3;
        var patient = new Table(
            [
                new IntColumn("patient_id", [.. Enumerable.Range(0, patients).Select(i => 101L + i + keyOffset)]),
                new FloatColumn("age", [.. Enumerable.Range(0, patients).Select(_ => 20 + (60 * random.NextDouble()))]),
                new FloatColumn("weight", [.. Enumerable.Range(0, patients).Select(_ => 50 + (40 * random.NextDouble()))]),
                CategoryColumn.FromValues("sex", [.. Enumerable.Range(0, patients).Select(i => i % 2 == 0 ? "F" : "M")]),
            ],
            "patient_src");
        var doctor = new Table(
            [
                new IntColumn("doctor_id", [.. Enumerable.Range(0, doctors).Select(i => 501L + i + keyOffset)]),
                new FloatColumn("age", [.. Enumerable.Range(0, doctors).Select(_ => 30 + (30 * random.NextDouble()))]),
                new FloatColumn("seniority", [.. Enumerable.Range(0, doctors).Select(_ => 20 * random.NextDouble())]),
            ],
            "doctor_src");
        var n = patients * visitsPerPatient;
        var visit = new Table(
            [
                new IntColumn("visit_id", [.. Enumerable.Range(0, n).Select(i => 9001L + i + keyOffset)]),
                new IntColumn("patient_id", [.. Enumerable.Range(0, n).Select(i => 101L + (i / visitsPerPatient) + keyOffset)]),
                new IntColumn("doctor_id", [.. Enumerable.Range(0, n).Select(_ => 501L + random.Next(doctors) + keyOffset)]),
                new FloatColumn("duration", [.. Enumerable.Range(0, n).Select(_ => 10 + (50 * random.NextDouble()))]),
                new FloatColumn("cost", [.. Enumerable.Range(0, n).Select(_ => 20 + (200 * random.NextDouble()))]),
                CategoryColumn.FromValues("kind", [.. Enumerable.Range(0, n).Select(_ => random.Next(3) switch { 0 => "routine", 1 => "urgent", _ => "vaccine" })]),
            ],
            "visit_src");
        return (
            [
                new Spec("patient", patient, "patient_id", []),
                new Spec("doctor", doctor, "doctor_id", []),
                new Spec("visit", visit, "visit_id", ["patient_id", "doctor_id"]),
            ],
            [
                new MultiTableEvaluationLink("patient", "patient_id", "visit", "patient_id"),
                new MultiTableEvaluationLink("doctor", "doctor_id", "visit", "doctor_id"),
            ]);
    }

    /// <summary>A 3-level chain region (4) ← patient (12) ← visit (36).</summary>
    public static (Spec[] Specs, MultiTableEvaluationLink[] Links) Chain(int seed = 11)
    {
        var random = new Random(seed);
        var region = new Table(
            [
                new IntColumn("region_id", [1, 2, 3, 4]),
                new FloatColumn("population", [.. Enumerable.Range(0, 4).Select(_ => 1000 * random.NextDouble())]),
                new FloatColumn("income", [.. Enumerable.Range(0, 4).Select(_ => 30 + (10 * random.NextDouble()))]),
            ],
            "region");
        var patient = new Table(
            [
                new IntColumn("patient_id", [.. Enumerable.Range(0, 12).Select(i => 10L + i)]),
                new IntColumn("region_id", [.. Enumerable.Range(0, 12).Select(i => 1L + (i % 4))]),
                new FloatColumn("age", [.. Enumerable.Range(0, 12).Select(_ => 20 + (60 * random.NextDouble()))]),
                new FloatColumn("weight", [.. Enumerable.Range(0, 12).Select(_ => 50 + (40 * random.NextDouble()))]),
            ],
            "patient");
        var visit = new Table(
            [
                new IntColumn("visit_id", [.. Enumerable.Range(0, 36).Select(i => 100L + i)]),
                new IntColumn("patient_id", [.. Enumerable.Range(0, 36).Select(i => 10L + (i / 3))]),
                new FloatColumn("duration", [.. Enumerable.Range(0, 36).Select(_ => 10 + (50 * random.NextDouble()))]),
                new FloatColumn("cost", [.. Enumerable.Range(0, 36).Select(_ => 20 + (200 * random.NextDouble()))]),
            ],
            "visit");
        return (
            [
                new Spec("region", region, "region_id", []),
                new Spec("patient", patient, "patient_id", ["region_id"]),
                new Spec("visit", visit, "visit_id", ["patient_id"]),
            ],
            [
                new MultiTableEvaluationLink("region", "region_id", "patient", "region_id"),
                new MultiTableEvaluationLink("patient", "patient_id", "visit", "patient_id"),
            ]);
    }

    /// <summary>
    /// The evaluation tables whose avatars are the originals (optionally transformed per table, keys untouched) with
    /// keys renumbered: PK = 1..n, every FK = the new key of its parent row.
    /// </summary>
    public static MultiTableEvaluationTable[] WithRenumberedAvatars(Spec[] specs, MultiTableEvaluationLink[] links, Func<string, Table, Table>? transform = null)
    {
        var byName = specs.ToDictionary(s => s.Name);
        var result = new List<MultiTableEvaluationTable>();
        foreach (var spec in specs)
        {
            var avatars = transform is null ? spec.Original : transform(spec.Name, spec.Original);
            if (spec.PrimaryKey is { } pk)
            {
                avatars = avatars.WithColumn(new IntColumn(pk, [.. Enumerable.Range(1, spec.Original.RowCount).Select(i => (long)i)]));
            }

            foreach (var link in links.Where(l => l.ChildTable == spec.Name))
            {
                var parent = byName[link.ParentTable].Original;
                var key = parent[link.ParentField];
                var rowOf = Enumerable.Range(0, parent.RowCount).ToDictionary(r => key.FormatValue(r)!);
                var fk = spec.Original[link.ChildField];
                avatars = avatars.WithColumn(new IntColumn(link.ChildField, [.. Enumerable.Range(0, spec.Original.RowCount).Select(r => (long)rowOf[fk.FormatValue(r)!] + 1)]));
            }

            result.Add(new MultiTableEvaluationTable(spec.Name, spec.Original, avatars.WithName(spec.Name + "_avatars"), spec.PrimaryKey, spec.ForeignKeys, Paired: true));
        }

        return [.. result];
    }

    /// <summary>The rows of <paramref name="table"/> in the order <paramref name="rows"/> for every column except <paramref name="keep"/>.</summary>
    public static Table PermuteVariables(Table table, int[] rows, params string[] keep) =>
        new([.. table.Columns.Select(c => keep.Contains(c.Name) ? c : c.Take(rows))], table.Name);
}
