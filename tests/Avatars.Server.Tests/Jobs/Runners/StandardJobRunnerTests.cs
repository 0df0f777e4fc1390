using System.Text.Json;
using Avatars.Server.Jobs;
using Avatars.Server.Jobs.Runners;

namespace Avatars.Server.Tests.Jobs.Runners;

public sealed class StandardJobRunnerTests
{
    private static async Task<(RunnerTestBed Bed, InMemoryResultWriter Results, JobRunContext Context)> RunAsync(int rows = 200, string avatarization = "k: 5", string results = "", string table = "patients")
    {
        var bed = new RunnerTestBed();
        bed.Upload("patients.csv", RunnerTestBed.Csv(RunnerTestBed.Patients(rows, name: table)));
        var (context, writer) = bed.Context(RunnerTestBed.Set(avatarization, table: table, results: results), "standard", JobKind.Standard);
        await new StandardJobRunner().RunAsync(context, TestContext.Current.CancellationToken);
        return (bed, writer, context);
    }

    private static async Task<JobFailedException> FailAsync(RunnerTestBed bed, string avatarization = "k: 5", string file = "patients.csv")
    {
        var (context, results) = bed.Context(RunnerTestBed.Set(avatarization, file: file), "standard", JobKind.Standard);
        var error = await Assert.ThrowsAsync<JobFailedException>(() => new StandardJobRunner().RunAsync(context, TestContext.Current.CancellationToken));
        Assert.Empty(results.Files);
        return error;
    }

    [Fact]
    public async Task Writes_every_result_file_with_the_api_names()
    {
        var (bed, results, context) = await RunAsync();
        var byKey = results.Files.GroupBy(f => f.ResultKey).ToDictionary(g => g.Key, g => g.Select(f => f.FileName).ToList());
        Assert.Equal(["patients.shuffled-0.csv"], byKey["shuffled"]);
        Assert.Equal(["patients.unshuffled-0.csv"], byKey["unshuffled"]);
        Assert.Equal(["patients.projections.original-0.csv"], byKey["original_projections"]);
        Assert.Equal(["patients.projections.avatars-0.csv"], byKey["avatar_projections"]);
        Assert.Equal(["figures_metadata.json"], byKey["figures_metadata"]);
        Assert.Equal(["run_metadata.json"], byKey["run_metadata"]);
        Assert.Contains("patients.2d_projection.html", byKey["figures"]);
        Assert.Contains("patients.3d_projection.html", byKey["figures"]);
        Assert.Contains("patients.correlation.html", byKey["figures"]);
        Assert.Contains(byKey["figures"], f => f.StartsWith("patients.distribution-", StringComparison.Ordinal));
        Assert.All(results.Files.Where(f => f.TableName is not null), f => Assert.Equal("patients", f.TableName));

        // The avatars keep the original's columns (the identifier dropped) and rows.
        var original = RunnerTestBed.Patients(200);
        var shuffled = RunnerTestBed.ReadCsv(results.Bytes("patients.shuffled-0.csv"));
        Assert.Equal(original.ColumnNames.Skip(1), shuffled.ColumnNames);
        Assert.Equal(200, shuffled.RowCount);
        Assert.Equal(200, RunnerTestBed.ReadCsv(results.Bytes("patients.unshuffled-0.csv")).RowCount);
        Assert.DoesNotContain((byte)'\r', results.Bytes("patients.shuffled-0.csv"));

        var projections = RunnerTestBed.ReadCsv(results.Bytes("patients.projections.original-0.csv"));
        Assert.Equal(200, projections.RowCount);
        Assert.Equal("Dim. 1", projections.ColumnNames.First());
        Assert.Equal(projections.ColumnNames, RunnerTestBed.ReadCsv(results.Bytes("patients.projections.avatars-0.csv")).ColumnNames);

        var figures = JsonDocument.Parse(results.Text("figures_metadata.json")).RootElement;
        Assert.Equal(byKey["figures"].Count, figures.GetArrayLength());
        Assert.All(figures.EnumerateArray(), f =>
        {
            Assert.Contains(f.GetProperty("filename").GetString(), byKey["figures"]);
            Assert.Equal("patients", f.GetProperty("table_name").GetString());
        });

        var run = JsonDocument.Parse(results.Text("run_metadata.json")).RootElement;
        Assert.Equal(context.Job.Name.ToString("D"), run.GetProperty("job_name").GetString());
        Assert.Equal("standard", run.GetProperty("kind").GetString());
        Assert.Equal("2026-01-05T10:00:00Z", run.GetProperty("created_at").GetString());
        Assert.Equal("2026-01-05T10:00:02Z", run.GetProperty("started_at").GetString());
        Assert.True(run.TryGetProperty("finished_at", out _));
        Assert.Equal("1.0.0", run.GetProperty("server_version").GetString());
        Assert.Equal(42, run.GetProperty("seed").GetInt64());

        // Progress is monotonic and ends at 1.
        Assert.NotEmpty(bed.ProgressReports);
        Assert.Equal(bed.ProgressReports.Order(), bed.ProgressReports);
        Assert.Equal(1.0, bed.ProgressReports[^1]);
    }

    [Fact]
    public async Task The_same_seed_gives_identical_files()
    {
        var (_, first, _) = await RunAsync();
        var (_, second, _) = await RunAsync();
        var names = first.Files.Select(f => f.FileName).Where(n => n != "run_metadata.json").ToList();
        Assert.Equal(names, second.Files.Select(f => f.FileName).Where(n => n != "run_metadata.json"));
        Assert.All(names, n => Assert.Equal(first.Bytes(n), second.Bytes(n)));
    }

    [Fact]
    public async Task Escaped_table_names_name_the_files()
    {
        var (_, results, _) = await RunAsync(rows: 60, table: "ward.a&b");
        Assert.Contains(results.Files, f => f.FileName == "ward_dot_a_ampersand_b.shuffled-0.csv" && f.TableName == "ward.a&b");
        Assert.Contains(results.Files, f => f.FileName == "ward_dot_a_ampersand_b.2d_projection.html");
        var figures = JsonDocument.Parse(results.Text("figures_metadata.json")).RootElement;
        Assert.All(figures.EnumerateArray(), f => Assert.Equal("ward.a&b", f.GetProperty("table_name").GetString()));
    }

    [Fact]
    public async Task Max_distribution_plots_limits_the_distribution_figures()
    {
        var (_, results, _) = await RunAsync(rows: 60, results: "  results:\n    max_distribution_plots: 2");
        Assert.Equal(2, results.Files.Count(f => f.FileName.Contains(".distribution", StringComparison.Ordinal)));
        Assert.Contains(results.Files, f => f.FileName == "patients.aggregate_stats.html");
    }

    [Fact]
    public async Task Avatarization_options_are_applied()
    {
        var (_, results, _) = await RunAsync(avatarization: "k: 4\nncp: 3\ncolumn_weights:\n  age: 2\nexclude_variables:\n  variable_names: [region]\n  replacement_strategy: coordinate_similarity\nimputation:\n  method: mean");
        Assert.Equal(3, RunnerTestBed.ReadCsv(results.Bytes("patients.projections.original-0.csv")).ColumnCount);
        Assert.Contains("region", RunnerTestBed.ReadCsv(results.Bytes("patients.shuffled-0.csv")).ColumnNames);
    }

    [Fact]
    public async Task K_not_smaller_than_the_rows_fails_with_the_engine_message()
    {
        var bed = new RunnerTestBed();
        bed.Upload("patients.csv", RunnerTestBed.Csv(RunnerTestBed.Patients(20)));
        var error = await FailAsync(bed, "k: 20");
        Assert.Contains("k = 20", error.Message, StringComparison.Ordinal);
        Assert.Contains("20", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_column_weight_names_the_column()
    {
        var bed = new RunnerTestBed();
        bed.Upload("patients.csv", RunnerTestBed.Csv(RunnerTestBed.Patients(50)));
        var error = await FailAsync(bed, "k: 5\ncolumn_weights:\n  no_such_column: 2");
        Assert.Contains("no_such_column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_rows_fail_before_computing()
    {
        var bed = new RunnerTestBed { Limits = new() { MaxRows = 100 } };
        bed.Upload("patients.csv", RunnerTestBed.Csv(RunnerTestBed.Patients(150)));
        var error = await FailAsync(bed);
        Assert.Equal("table \"patients\" has 150 rows; the limit is 100", error.Message);
    }

    [Fact]
    public async Task Far_too_many_rows_are_not_read_whole()
    {
        var bed = new RunnerTestBed { Limits = new() { MaxRows = 10 } };
        bed.Upload("patients.csv", RunnerTestBed.Csv(RunnerTestBed.Patients(100)));
        var error = await FailAsync(bed);
        Assert.Equal("table \"patients\" has more than 20 rows; the limit is 10", error.Message);
    }

    [Fact]
    public async Task Too_many_dimensions_fail_with_the_count_and_the_limit()
    {
        var bed = new RunnerTestBed { Limits = new() { MaxDimensions = 10 } };
        bed.Upload("patients.csv", RunnerTestBed.Csv(RunnerTestBed.Patients(100)));
        var error = await FailAsync(bed);
        Assert.StartsWith("table \"patients\" has ", error.Message, StringComparison.Ordinal);
        Assert.Contains("the limit is 10", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"region\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Excluded_variables_and_identifiers_do_not_count_as_dimensions()
    {
        // 5 continuous (age, bmi, systolic_bp, smoker, heart_rate) + sex (2) + treatment (3) = 10 without region (12 values) and id.
        var bed = new RunnerTestBed { Limits = new() { MaxDimensions = 10 } };
        bed.Upload("patients.csv", RunnerTestBed.Csv(RunnerTestBed.Patients(100)));
        var (context, results) = bed.Context(RunnerTestBed.Set("k: 5\nexclude_variables:\n  variable_names: [region]"), "standard", JobKind.Standard);
        await new StandardJobRunner().RunAsync(context, TestContext.Current.CancellationToken);
        Assert.Contains(results.Files, f => f.FileName == "patients.shuffled-0.csv");
    }

    [Fact]
    public async Task An_empty_upload_fails_naming_the_file_and_the_table()
    {
        var bed = new RunnerTestBed();
        bed.Upload("patients.csv", []);
        var error = await FailAsync(bed);
        Assert.Contains("\"patients.csv\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"patients\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_header_without_rows_fails()
    {
        var bed = new RunnerTestBed();
        bed.Upload("patients.csv", "id,age,region\n"u8.ToArray());
        var error = await FailAsync(bed);
        Assert.Contains("\"patients.csv\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_png_upload_fails_naming_the_file()
    {
        var bed = new RunnerTestBed();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00, 0xFF, 0xFE, 0x00, 0x01];
        bed.Upload("patients.csv", png);
        var error = await FailAsync(bed);
        Assert.Contains("\"patients.csv\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"patients\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Random_binary_fails_naming_the_file()
    {
        var bed = new RunnerTestBed();
        var bytes = new byte[4096];
        new Random(3).NextBytes(bytes);
        bed.Upload("patients.csv", bytes);
        var error = await FailAsync(bed);
        Assert.Contains("\"patients.csv\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_upload_fails_naming_the_file()
    {
        var error = await FailAsync(new RunnerTestBed());
        Assert.Contains("\"patients.csv\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_single_table_with_differential_privacy_runs_unpaired()
    {
        var bed = new RunnerTestBed();
        // The test table's heart_rate has missing values, which differential privacy does not impute (tested below).
        bed.Upload("patients.csv", RunnerTestBed.Csv(RunnerTestBed.Patients(300).Drop("heart_rate")));
        var set = DifferentialPrivacySet();
        var (context, results) = bed.Context(set, "standard", JobKind.Standard, seed: 3);
        await new StandardJobRunner().RunAsync(context, TestContext.Current.CancellationToken);

        var avatars = RunnerTestBed.ReadCsv(results.Bytes("patients.shuffled-0.csv"));
        Assert.Equal(300, avatars.RowCount);
        Assert.Equal(["id", .. RunnerTestBed.PatientColumns.Where(c => c != "heart_rate")], avatars.ColumnNames);
        Assert.Equal(Enumerable.Range(1, 300).Select(i => (long)i), ((Avatars.Data.IntColumn)avatars["id"]).Values.ToArray());
        using var metadata = JsonDocument.Parse(results.Text("run_metadata.json"));
        var table = metadata.RootElement.GetProperty("tables").GetProperty("patients");
        Assert.False(table.GetProperty("paired").GetBoolean());
        Assert.Contains(table.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("Differential privacy (ε = 5)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Differential_privacy_on_missing_values_names_the_column()
    {
        var bed = new RunnerTestBed();
        bed.Upload("patients.csv", RunnerTestBed.Csv(RunnerTestBed.Patients(300)));
        var (context, _) = bed.Context(DifferentialPrivacySet(), "standard", JobKind.Standard, seed: 3);
        var error = await Assert.ThrowsAsync<JobFailedException>(() => new StandardJobRunner().RunAsync(context, TestContext.Current.CancellationToken));
        Assert.StartsWith("Column 'heart_rate' of table 'patients' has", error.Message, StringComparison.Ordinal);
        Assert.Contains("differentially private avatarization does not impute", error.Message, StringComparison.Ordinal);
    }

    /// <summary>One <c>patients</c> table with <c>avatarization_dp</c> (ε = 5), plus <paramref name="dpFields"/> (YAML lines of the entry, indented 6).</summary>
    internal static Avatars.Config.ResourceSet DifferentialPrivacySet(string dpFields = "") =>
        Avatars.Config.ResourceSetYaml.ParseAndValidate("""
            kind: AvatarSchema
            metadata:
              name: schema
            spec:
              tables:
              - name: patients
                data:
                  file: patients.csv
                columns:
                - field: id
                  type: int
                  primary_key: true
            ---
            kind: AvatarParameters
            metadata:
              name: standard
            spec:
              schema: schema
              avatarization_dp:
                patients:
                  epsilon: 5.0

            """ + dpFields);

    [Fact]
    public async Task A_multi_table_schema_without_parameters_for_a_table_names_it()
    {
        var bed = new RunnerTestBed();
        bed.Upload("a.csv", RunnerTestBed.Csv(RunnerTestBed.Patients(30, name: "a")));
        bed.Upload("b.csv", RunnerTestBed.Csv(RunnerTestBed.Patients(30, name: "b")));
        var set = Avatars.Config.ResourceSetYaml.Parse("""
            kind: AvatarSchema
            metadata:
              name: schema
            spec:
              tables:
              - name: a
                data:
                  file: a.csv
              - name: b
                data:
                  file: b.csv
            ---
            kind: AvatarParameters
            metadata:
              name: standard
            spec:
              schema: schema
              avatarization:
                a:
                  k: 5
            """);
        var (context, _) = bed.Context(set, "standard", JobKind.Standard);
        var error = await Assert.ThrowsAsync<JobFailedException>(() => new StandardJobRunner().RunAsync(context, TestContext.Current.CancellationToken));
        Assert.Equal("spec.avatarization has no entry for table \"b\": add avatarization.b.k (or avatarization_dp.b.epsilon for differential privacy)", error.Message);
    }

    [Fact]
    public async Task Cancellation_stops_the_job()
    {
        var bed = new RunnerTestBed();
        bed.Upload("patients.csv", RunnerTestBed.Csv(RunnerTestBed.Patients(100)));
        var (context, _) = bed.Context(RunnerTestBed.Set(), "standard", JobKind.Standard);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new StandardJobRunner().RunAsync(context, cancelled.Token));
    }
}
