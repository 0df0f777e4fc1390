using System.Text.Json.Nodes;
using Avatars.Cli.Commands.Demo;
using Avatars.Data;
using Avatars.Data.Generation;

namespace Avatars.Cli.Tests;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_GeneratesAvatarizesAndPrintsTheMetrics()
    {
        var folder = CliRunner.TempFolder();
        var (code, output) = await CliRunner.RunAsync("demo", "--rows", "600", "--output", folder);
        Assert.True(code == 0, output);
        Assert.Contains("Hidden rate", output);
        Assert.Contains("pass", output);
        Assert.True(File.Exists(Path.Combine(folder, "patients.csv")));
        Assert.True(File.Exists(Path.Combine(folder, "patients.avatars.csv")));
    }

    [Fact]
    public void HospitalTables_HaveValidKeysAndRealisticSizes()
    {
        var tables = HospitalTablesGenerator.Generate(300, seed: 7);

        Assert.Equal(["patients", "doctors", "visits"], tables.All.Select(t => t.Name));
        Assert.Equal(300, tables.Patients.RowCount);
        Assert.Equal(30, tables.Doctors.RowCount);
        var patientIds = Keys(tables.Patients, HospitalTables.PatientKey);
        var doctorIds = Keys(tables.Doctors, HospitalTables.DoctorKey);
        var visitIds = Keys(tables.Visits, HospitalTables.VisitKey);
        Assert.Equal(tables.Patients.RowCount, patientIds.Distinct().Count());
        Assert.Equal(tables.Doctors.RowCount, doctorIds.Distinct().Count());
        Assert.Equal(tables.Visits.RowCount, visitIds.Distinct().Count());

        var visitPatients = Keys(tables.Visits, HospitalTables.VisitPatientKey);
        var visitDoctors = Keys(tables.Visits, HospitalTables.VisitDoctorKey);
        Assert.All(visitPatients, id => Assert.Contains(id, patientIds));
        Assert.All(visitDoctors, id => Assert.Contains(id, doctorIds));

        // 1–6 visits per patient, about three on average, skewed to the right; every doctor sees someone.
        var perPatient = visitPatients.GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(patientIds.ToHashSet(), perPatient.Keys.ToHashSet());
        Assert.All(perPatient.Values, count => Assert.InRange(count, 1, 6));
        var mean = perPatient.Values.Average();
        Assert.InRange(mean, 2.5, 3.5);
        Assert.True(perPatient.Values.Count(c => c <= 2) > perPatient.Values.Count(c => c >= 5), "more patients with few visits than with many");
        Assert.Equal(doctorIds.ToHashSet(), visitDoctors.ToHashSet());

        Assert.Equal(ColumnType.Category, tables.Doctors["specialty"].Type);
        Assert.Equal(ColumnType.Float, tables.Doctors["age"].Type);
        Assert.Equal(ColumnType.Float, tables.Doctors["years_of_experience"].Type);
        Assert.Equal(ColumnType.Category, tables.Visits["reason"].Type);
        Assert.Equal(ColumnType.Float, tables.Visits["cost"].Type);
        Assert.Equal(ColumnType.Float, tables.Visits["duration_min"].Type);
        Assert.All(tables.All, t => Assert.All(t.Columns, c => Assert.Equal(0, c.MissingCount)));
    }

    [Fact]
    public void HospitalTables_AreDeterministicForASeed()
    {
        var first = HospitalTablesGenerator.Generate(120, seed: 3);
        var again = HospitalTablesGenerator.Generate(120, seed: 3);
        var other = HospitalTablesGenerator.Generate(120, seed: 4);

        for (var t = 0; t < 3; t++)
        {
            Assert.Equal(Cells(first.All[t]), Cells(again.All[t]));
        }

        Assert.NotEqual(Cells(first.Visits), Cells(other.Visits));
    }

    [Fact]
    public void HospitalTables_RejectTooFewPatients() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HospitalTablesGenerator.Generate(HospitalTablesGenerator.MinimumPatients - 1));

    [Theory]
    [InlineData("--rows", "10", "--rows 10: --multi-table needs at least 20 patients")]
    [InlineData("--rows", "100", "--k 20: k must be at least 1 and smaller than the number of rows of every table; the smallest, doctors, has 10 rows (--rows 100 / 10). Use --k 9 or less")]
    [InlineData("--k", "0", "--k 0: k must be at least 1")]
    public async Task Demo_MultiTable_RejectsInvalidSizesBeforeGeneratingAnything(string option, string value, string message)
    {
        var folder = Path.Combine(CliRunner.TempFolder(), "out");
        var (code, output) = await CliRunner.RunAsync("demo", "--multi-table", option, value, "--output", folder);
        Assert.Equal(1, code);
        Assert.Contains(message, output.ReplaceLineEndings(string.Empty), StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task Demo_SingleTable_KeepsItsOwnLimits()
    {
        var (code, output) = await CliRunner.RunAsync("demo", "--rows", "2", "--output", Path.Combine(CliRunner.TempFolder(), "out"));
        Assert.Equal(1, code);
        Assert.Contains("--rows 2: the demo needs at least 3 rows.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ForeignKeyCheck_CountsChildRowsWithoutAParent()
    {
        var parent = new Table([new IntColumn("p_id", [0, 1, 2])], "patients");
        var child = new Table([new IntColumn("patient_id", [0, 2, 5, 1], [false, false, false, true])], "visits");
        Assert.Equal(2, ForeignKeyCheck.CountOrphans(child, "patient_id", parent, "p_id"));
    }

    [Fact]
    public async Task Demo_MultiTable_AvatarizesLinkedTablesAndEvaluatesEveryComputationType()
    {
        var folder = CliRunner.TempFolder();
        var (code, output) = await CliRunner.RunAsync("demo", "--multi-table", "--rows", "120", "--k", "5", "--output", folder);
        Assert.True(code == 0, output);

        foreach (var table in new[] { "patients", "doctors", "visits" })
        {
            Assert.True(File.Exists(Path.Combine(folder, $"{table}.csv")), table);
            Assert.True(File.Exists(Path.Combine(folder, $"{table}.avatars.csv")), table);
            foreach (var kind in new[] { "privacy", "signal" })
            {
                var entries = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, $"{table}.{kind}.json"), TestContext.Current.CancellationToken))!.AsArray();
                Assert.NotEmpty(entries);
                Assert.All(entries, e => Assert.NotNull(e?["metadata"]?["computation_type"]));
            }
        }

        Assert.True(File.Exists(Path.Combine(folder, "report.pdf")));
        Assert.Contains("standalone", output, StringComparison.Ordinal);
        Assert.Contains("to_bottom_id_propagated", output, StringComparison.Ordinal);
        Assert.Contains("pass every visits avatar's patient_id is a p_id of the patients avatars", output, StringComparison.Ordinal);
        Assert.Contains("pass every visits avatar's doctor_id is a d_id of the doctors avatars", output, StringComparison.Ordinal);

        var visits = await TableReader.ReadAsync(Path.Combine(folder, "visits.avatars.csv"), cancellationToken: TestContext.Current.CancellationToken);
        var patients = await TableReader.ReadAsync(Path.Combine(folder, "patients.avatars.csv"), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(0, ForeignKeyCheck.CountOrphans(visits, "patient_id", patients, "p_id"));
    }

    private static List<long> Keys(Table table, string column) =>
        [.. Enumerable.Range(0, table.RowCount).Select(i => ((IntColumn)table[column])[i])];

    private static List<string?> Cells(Table table) =>
        [.. table.Columns.SelectMany(c => Enumerable.Range(0, table.RowCount).Select(i => c.Name + "=" + c.FormatValue(i)))];
}
