using Avatars.Client.Http;
using Avatars.Client.Models;
using Avatars.Client.Tests.Fakes;
using Avatars.Data;
using AvatarRunner = Avatars.Client.Runner;

namespace Avatars.Client.Tests.Runner;

/// <summary>Uploads, runs and job state with the fake client (vendor tests/unit/test_runner.py, sdk.md §4.3, §4.8, §4.9, §8.1).</summary>
public sealed class RunnerJobsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static Table Iris() => new(
    [
        new FloatColumn("sepal.length", [5.1, 4.9, 6.2]),
        new IntColumn("petals", [3, 4, 5]),
        CategoryColumn.FromValues("variety", ["1", "2", "1"]),
    ], "iris");

    internal static async Task<(FakeApiClient Fake, AvatarRunner Runner)> IrisRunnerAsync(int k = 5)
    {
        var fake = new FakeApiClient();
        var runner = new AvatarRunner(fake, "iris_k5");
        await runner.AddTableAsync("iris", Iris(), cancellationToken: Ct);
        runner.SetParameters("iris", k: k);
        return (fake, runner);
    }

    [Fact]
    public async Task Adding_a_table_uploads_csv_and_declares_every_column_type()
    {
        var fake = new FakeApiClient();
        var runner = new AvatarRunner(fake, "iris_k5");
        await runner.AddTableAsync("iris", Iris(), new AddTableOptions { Types = new Dictionary<string, ColumnType> { ["petals"] = ColumnType.Float, ["absent"] = ColumnType.Int } }, Ct);

        Assert.Equal("sepal.length,petals,variety\n5.1,3,1\n4.9,4,2\n6.2,5,1\n", System.Text.Encoding.UTF8.GetString(fake.Uploads["iris.csv"]));
        var columns = runner.Config.GetTable("iris")!.Columns!;
        Assert.Equal(["sepal.length", "petals", "variety"], columns.Select(c => c.Field));
        Assert.Equal<ColumnType?>([ColumnType.Float, ColumnType.Float, ColumnType.Category], columns.Select(c => c.Type));
        Assert.Contains("file: iris.csv", runner.GetYaml(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_a_file_uploads_its_bytes_under_its_extension_and_passes_types_through()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".csv");
        await File.WriteAllTextAsync(path, "a;b\n1;2\n", Ct);
        try
        {
            var fake = new FakeApiClient();
            var runner = new AvatarRunner(fake, "file");
            await runner.AddTableAsync("t", TableSource.FromFile(path), new AddTableOptions { PrimaryKey = "a", Types = new Dictionary<string, ColumnType> { ["a"] = ColumnType.Int } }, Ct);
            Assert.Equal("a;b\n1;2\n", System.Text.Encoding.UTF8.GetString(fake.Uploads["t.csv"]));
            var column = Assert.Single(runner.Config.GetTable("t")!.Columns!);
            Assert.Equal(("a", true, ColumnType.Int), (column.Field, column.PrimaryKey == true, column.Type!.Value));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task User_avatars_are_uploaded_with_their_own_extension_and_referenced_in_the_avatar_schema()
    {
        var fake = new FakeApiClient();
        var runner = new AvatarRunner(fake, "metrics_only");
        using var avatars = new MemoryStream([1, 2, 3]);
        await runner.AddTableAsync("iris", Iris(), new AddTableOptions { AvatarData = TableSource.FromStream(avatars, "parquet") }, Ct);
        Assert.Equal(["iris.csv", "iris_avatars.parquet"], fake.Uploads.Keys);
        Assert.Equal("iris_avatars.parquet", runner.Config.GetAvatarData("iris")!.File);
    }

    [Fact]
    public async Task Keys_and_missing_files_are_checked_before_any_upload()
    {
        var fake = new FakeApiClient();
        var runner = new AvatarRunner(fake, "bad");
        await Assert.ThrowsAsync<ArgumentException>(() => runner.AddTableAsync("t", Iris(), new AddTableOptions { PrimaryKey = "petals", ForeignKeys = ["petals"] }, Ct));
        await Assert.ThrowsAsync<FileNotFoundException>(() => runner.AddTableAsync("t", TableSource.FromFile("/no/such/file.csv"), cancellationToken: Ct));
        Assert.Empty(fake.Uploads);
    }

    [Fact]
    public async Task Set_parameters_with_k_and_dp_epsilon_is_refused_with_the_vendor_message()
    {
        var (_, runner) = await IrisRunnerAsync();
        var error = Assert.Throws<ArgumentException>(() => runner.SetParameters("iris", k: 5, dpEpsilon: 1.0));
        Assert.Equal(TableParameters.KAndDpEpsilonMessage, error.Message);
        Assert.Throws<ArgumentException>(() => runner.SetParameters("unknown", k: 5));
    }

    [Fact]
    public async Task Run_puts_the_yaml_then_creates_the_four_jobs_in_order_with_their_dependencies()
    {
        var (fake, runner) = await IrisRunnerAsync();
        var jobs = await runner.RunAsync(cancellationToken: Ct);

        Assert.Equal(JobKindWire.ExecutionOrder, jobs.Keys.ToList());
        Assert.Equal(
            [
                "PUT upload iris.csv", "PUT /resources/iris_k5", "POST /jobs standard []",
                "POST /jobs signal_metrics [/api/jobs/standard-1]", "POST /jobs privacy_metrics [/api/jobs/standard-1]",
                "POST /jobs report [/api/jobs/privacy_metrics-3, /api/jobs/signal_metrics-2]",
            ],
            fake.Calls);
        Assert.All(fake.CreatedJobs, j => Assert.Equal(fake.SetNames.Single(), j.SetName));
        Assert.Equal(fake.SetNames.Single(), runner.SetName);
        Assert.Equal(runner.GetYaml(), fake.PutYamls.Single());
    }

    [Fact]
    public async Task Run_reorders_the_requested_kinds_and_ignores_duplicates()
    {
        var (fake, runner) = await IrisRunnerAsync();
        await runner.RunAsync([JobKind.SignalMetrics, JobKind.PrivacyMetrics, JobKind.Standard, JobKind.Standard], Ct);
        Assert.Equal(["standard", "signal_metrics", "privacy_metrics"], fake.CreatedJobs.Select(j => j.ParametersName));
    }

    [Fact]
    public async Task A_report_without_metrics_or_an_unknown_kind_fails_before_any_call()
    {
        var (fake, runner) = await IrisRunnerAsync();
        fake.Calls.Clear();
        var report = await Assert.ThrowsAsync<InvalidOperationException>(() => runner.RunAsync([JobKind.Standard, JobKind.Report], Ct));
        Assert.Equal("Expected Privacy and Signal to be created to run report got [standard, report]", report.Message);
        await Assert.ThrowsAsync<ArgumentException>(() => runner.RunAsync([JobKind.Advice], Ct));
        Assert.Empty(fake.Calls);
    }

    [Fact]
    public async Task Metrics_only_runs_have_no_dependencies_and_later_metrics_depend_on_the_earlier_standard_job()
    {
        var (fake, runner) = await IrisRunnerAsync();
        await runner.RunAsync([JobKind.PrivacyMetrics], Ct);
        Assert.Empty(fake.CreatedJobs[0].DependsOn!);

        await runner.RunAsync([JobKind.Standard], Ct);
        await runner.RunAsync([JobKind.SignalMetrics, JobKind.PrivacyMetrics, JobKind.Report], Ct);
        Assert.Equal(["/api/jobs/standard-2"], fake.CreatedJobs[2].DependsOn);
        Assert.Equal(["/api/jobs/privacy_metrics-4", "/api/jobs/signal_metrics-3"], fake.CreatedJobs[4].DependsOn);
    }

    [Fact]
    public async Task Job_accessors_need_a_launched_job()
    {
        var (_, runner) = await IrisRunnerAsync();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => runner.GetJobAsync(JobKind.PrivacyMetrics, Ct));
        Assert.Equal("Expected job 'privacy_metrics' to be created. Try running it first.", error.Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => runner.GetStatusAsync(JobKind.Standard, Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => runner.GetShuffledAsync("iris", Ct));
    }

    [Fact]
    public async Task A_failed_job_is_returned_by_GetJob_and_raised_by_the_results()
    {
        var (fake, runner) = await IrisRunnerAsync();
        fake.JobBehavior = static (_, _) => (JobStatus.Error, null, "k = 5 must be smaller than the number of rows (3)");
        await runner.RunAsync(cancellationToken: Ct);

        var job = await runner.GetJobAsync(JobKind.Standard, Ct);
        Assert.Equal(JobStatus.Error, job.Status);
        Assert.Equal(JobStatus.Error, await runner.GetStatusAsync(JobKind.Standard, Ct));
        var error = await Assert.ThrowsAsync<AvatarsJobFailedException>(() => runner.GetAllResultsAsync(Ct));
        Assert.Equal("Job standard failed with exception: k = 5 must be smaller than the number of rows (3)", error.Message);
        Assert.Equal(JobKind.Standard, error.JobKind);
    }

    [Fact]
    public async Task Waiting_polls_until_done_and_reports_progress()
    {
        var (fake, runner) = await IrisRunnerAsync();
        fake.JobBehavior = static (request, poll) => request.ParametersName != "standard" ? (JobStatus.Finished, 1.0, string.Empty) : poll switch
        {
            1 => (JobStatus.Pending, null, string.Empty),
            2 => (JobStatus.Running, 0.35, string.Empty),
            3 => (JobStatus.Running, 0.38, string.Empty),
            4 => (JobStatus.Running, 0.8, string.Empty),
            _ => (JobStatus.Finished, 1.0, string.Empty),
        };
        var observed = new List<JobProgress>();
        var lines = new StringWriter();
        var reporter = new ConsoleJobProgress(lines);

        var answers = await runner.RunAndWaitAsync([JobKind.Standard], new SynchronousProgress(p => { observed.Add(p); reporter.Report(p); }), Ct);

        Assert.Equal(JobStatus.Finished, answers[JobKind.Standard].Status);
        Assert.Equal([null, 0.35, 0.38, 0.8, 1.0], observed.Select(p => p.Progress));
        Assert.Equal(
            ["standard job standard-1: pending", "standard job standard-1: running 30%", "standard job standard-1: running 80%", "standard job standard-1: finished 100%"],
            lines.ToString().TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Waiting_honours_the_job_timeout_and_cancellation()
    {
        var (fake, runner) = await IrisRunnerAsync();
        fake.JobBehavior = static (_, _) => (JobStatus.Running, 0.1, string.Empty);
        await runner.RunAsync([JobKind.Standard], Ct);

        fake.Options.JobTimeout = TimeSpan.FromMilliseconds(30);
        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => runner.WaitForJobAsync(JobKind.Standard, cancellationToken: Ct));
        Assert.Contains("standard", timeout.Message, StringComparison.Ordinal);

        fake.Options.JobTimeout = null;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(30));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.GetShuffledAsync("iris", cancel.Token));
    }

    [Fact]
    public async Task Cancel_deletes_the_job_and_kill_is_a_no_op()
    {
        var (fake, runner) = await IrisRunnerAsync();
        await runner.RunAsync([JobKind.Standard], Ct);
        Assert.Equal(JobStatus.Cancelled, (await runner.CancelAsync(JobKind.Standard, Ct)).Status);
        Assert.Contains("DELETE /jobs/standard-1", fake.Calls);
        fake.Calls.Clear();
        await runner.KillAsync(Ct);
        Assert.Empty(fake.Calls);
    }

    [Fact]
    public async Task Local_methods_delegate_to_the_configuration()
    {
        var fake = new FakeApiClient();
        var runner = new AvatarRunner(fake, "local");
        await runner.AddTableAsync("patient", new Table([new IntColumn("p_id", [1]), new FloatColumn("age", [3])]), new AddTableOptions { PrimaryKey = "p_id" }, Ct);
        await runner.AddTableAsync("visit", new Table([new IntColumn("v_id", [1]), new IntColumn("patient_id", [1])]), new AddTableOptions { PrimaryKey = "v_id", ForeignKeys = ["patient_id"] }, Ct);
        runner.AddLink("patient", "p_id", "visit", "patient_id");
        Assert.Single(runner.Config.GetTable("patient")!.Links!);
        runner.DeleteLink("patient", "visit");
        Assert.Empty(runner.Config.GetTable("patient")!.Links ?? []);

        runner.SetParameters("patient", new TableParameters { K = 4, Ncp = 2 });
        runner.UpdateParameters("patient", p => p with { K = null, DpEpsilon = 3 });
        Assert.Null(runner.Config.GetAvatarization("patient"));
        Assert.Equal(2, runner.Config.GetAvatarizationDp("patient")!.Ncp);
        runner.DeleteParameters("patient", ["ncp"]);
        Assert.Null(runner.Config.GetAvatarizationDp("patient")!.Ncp);
        runner.DeleteParameters("patient");
        Assert.Null(runner.Config.GetAvatarizationDp("patient"));

        var printed = new StringWriter();
        runner.PrintParameters(writer: printed);
        Assert.Contains("--- Avatarization parameters for visit: ---", printed.ToString(), StringComparison.Ordinal);
        Assert.Equal("Expected table 'nope' to be created. Try running it first.", Assert.Throws<ArgumentException>(() => runner.PrintParameters("nope", printed)).Message);

        runner.DeleteTable("visit");
        Assert.Equal(["patient"], runner.Config.TableNames);
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".yaml");
        try
        {
            Assert.Equal(runner.GetYaml(path), await File.ReadAllTextAsync(path, Ct));
            var reloaded = new AvatarRunner(fake, "reloaded");
            await reloaded.FromYamlAsync(path, Ct);
            Assert.Equal(["patient"], reloaded.Config.TableNames);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Job_creation_and_resource_set_warnings_are_logged()
    {
        var fake = new FakeApiClient();
        fake.ResourceWarnings.Add(new ValidationIssue(["spec", "seed_typo"], "extra field ignored", "extra_ignored"));
        var logger = new CapturingLogger();
        var runner = new AvatarRunner(fake, "logged", logger: logger);
        await runner.AddTableAsync("iris", Iris(), cancellationToken: Ct);
        runner.SetParameters("iris", k: 2);
        await runner.RunAsync([JobKind.Standard], Ct);
        Assert.Contains((Microsoft.Extensions.Logging.LogLevel.Information, "Creating standard job"), logger.Entries);
        Assert.Contains(logger.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Message.Contains("spec.seed_typo: extra field ignored", StringComparison.Ordinal));
    }

    /// <summary>Reports inline (<see cref="Progress{T}"/> posts to the thread pool, which would make the test racy).</summary>
    private sealed class SynchronousProgress(Action<JobProgress> report) : IProgress<JobProgress>
    {
        public void Report(JobProgress value) => report(value);
    }
}
