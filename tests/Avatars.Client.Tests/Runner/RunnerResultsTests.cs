using System.Text;
using Avatars.Client.Models;
using Avatars.Client.Tests.Fakes;
using Avatars.Data;
using AvatarRunner = Avatars.Client.Runner;

namespace Avatars.Client.Tests.Runner;

/// <summary>Results download, routing, caching and invalidation with the fake client (sdk.md §4.10–§4.12, §8).</summary>
public sealed class RunnerResultsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Shuffled_avatars_keep_the_original_columns_and_types()
    {
        var (_, runner) = await RunnerJobsTests.IrisRunnerAsync();
        await runner.RunAsync(cancellationToken: Ct);

        var shuffled = await runner.GetShuffledAsync("iris", Ct);
        Assert.Equal(["sepal.length", "petals", "variety"], shuffled.ColumnNames);
        Assert.Equal([ColumnType.Float, ColumnType.Int, ColumnType.Category], shuffled.Columns.Select(c => c.Type));
        Assert.Equal(3, (await runner.GetSensitiveUnshuffledAsync("iris", Ct)).RowCount);
        Assert.Same(shuffled, await runner.GetShuffledAsync("iris", Ct));
    }

    [Fact]
    public async Task Results_of_a_file_upload_without_types_are_inferred()
    {
        var fake = new FakeApiClient { Tables = ["t"] };
        var runner = new AvatarRunner(fake, "csv");
        using var data = new MemoryStream(Encoding.UTF8.GetBytes("x\n1\n"));
        await runner.AddTableAsync("t", TableSource.FromStream(data, ".csv"), cancellationToken: Ct);
        fake.Files["t.shuffled-0.csv"] = "x,y\n1,a\n2,b\n";
        await runner.RunAsync([JobKind.Standard], Ct);
        var shuffled = await runner.GetShuffledAsync("t", Ct);
        Assert.Equal([ColumnType.Int, ColumnType.Category], shuffled.Columns.Select(c => c.Type));
    }

    [Fact]
    public async Task Get_all_results_fills_every_stored_kind_for_every_table()
    {
        var fake = new FakeApiClient();
        var runner = new AvatarRunner(fake, "multi");
        await runner.AddTableAsync("patient", new Table([new IntColumn("p_id", [1, 2]), new FloatColumn("age", [30.5, 40])]), new AddTableOptions { PrimaryKey = "p_id" }, Ct);
        await runner.AddTableAsync("visit", new Table([new IntColumn("v_id", [1, 2]), new IntColumn("patient_id", [1, 1])]), new AddTableOptions { PrimaryKey = "v_id", ForeignKeys = ["patient_id"] }, Ct);
        runner.AddLink("patient", "p_id", "visit", "patient_id");
        runner.SetParameters("patient", k: 2);
        runner.SetParameters("visit", k: 2);
        await runner.RunAsync(cancellationToken: Ct);

        var results = await runner.GetAllResultsAsync(Ct);
        foreach (var table in new[] { "patient", "visit" })
        {
            Assert.Equal(2, results.Shuffled[table].RowCount);
            Assert.True(results.SensitiveUnshuffled.ContainsKey(table));
            Assert.Equal(["Dim. 1", "Dim. 2"], results.OriginalProjections[table].ColumnNames);
            Assert.True(results.AvatarsProjections.ContainsKey(table));
            Assert.Equal(90, Assert.Single(results.PrivacyMetrics[table])["hidden_rate"]!.GetValue<int>());
            Assert.Single(results.SignalMetrics[table]);
            Assert.Equal(2, results.Figures[table][PlotKind.Distribution].Count);
            Assert.Single(results.Figures[table][PlotKind.Projection2D]);
        }

        Assert.Equal(["standard", "signal_metrics", "privacy_metrics", "report"], results.RunMetadata.Keys.Select(k => k.ToWireValue()));
        Assert.Single(fake.Calls, c => c == "GET signed figures_metadata.json");
        Assert.DoesNotContain(fake.Calls, c => c.Contains("report.pdf", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Escaped_table_names_are_routed_to_their_table()
    {
        var fake = new FakeApiClient();
        var runner = new AvatarRunner(fake, "escaped");
        await runner.AddTableAsync("table.name/test", RunnerJobsTests.Iris(), cancellationToken: Ct);
        runner.SetParameters("table.name/test", k: 2);
        await runner.RunAsync(cancellationToken: Ct);

        Assert.Equal(3, (await runner.GetShuffledAsync("table.name/test", Ct)).RowCount);
        Assert.Single(await runner.GetPrivacyMetricsAsync("table.name/test", Ct));
        Assert.Single(await runner.RenderPlotAsync("table.name/test", PlotKind.Projection2D, cancellationToken: Ct));
        Assert.Contains("GET signed table_dot_name_slash_test.shuffled-0.csv", fake.Calls);
    }

    [Fact]
    public async Task A_rerun_serves_fresh_results_and_replaces_metrics()
    {
        var (fake, runner) = await RunnerJobsTests.IrisRunnerAsync();
        await runner.RunAsync(cancellationToken: Ct);
        var first = await runner.GetShuffledAsync("iris", Ct);
        var firstPrivacy = await runner.GetPrivacyMetricsAsync("iris", Ct);
        Assert.Equal("privacy_metrics-3", firstPrivacy[0]["job"]!.GetValue<string>());

        runner.UpdateParameters("iris", p => p with { K = 2 });
        await runner.RunAsync(cancellationToken: Ct);
        Assert.NotSame(first, await runner.GetShuffledAsync("iris", Ct));
        var privacy = await runner.GetPrivacyMetricsAsync("iris", Ct);
        Assert.Equal("privacy_metrics-7", Assert.Single(privacy)["job"]!.GetValue<string>());
        Assert.Contains("GET /results/standard-5", fake.Calls);
        Assert.Contains("k: 2", fake.PutYamls[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rerun_of_the_metrics_only_keeps_the_avatars()
    {
        var (fake, runner) = await RunnerJobsTests.IrisRunnerAsync();
        await runner.RunAsync(cancellationToken: Ct);
        var shuffled = await runner.GetShuffledAsync("iris", Ct);
        await runner.RunAsync([JobKind.PrivacyMetrics], Ct);
        Assert.Same(shuffled, await runner.GetShuffledAsync("iris", Ct));
        Assert.Equal("privacy_metrics-5", Assert.Single(await runner.GetPrivacyMetricsAsync("iris", Ct))["job"]!.GetValue<string>());
        Assert.Equal(["/api/jobs/standard-1"], fake.CreatedJobs[^1].DependsOn);
    }

    [Fact]
    public async Task An_expired_signed_url_is_listed_again_and_retried_once()
    {
        var (fake, runner) = await RunnerJobsTests.IrisRunnerAsync();
        await runner.RunAsync([JobKind.Standard], Ct);
        fake.ExpireOnce.Add("iris.shuffled-0.csv");

        Assert.Equal(3, (await runner.GetShuffledAsync("iris", Ct)).RowCount);
        Assert.Equal(2, fake.Calls.Count(c => c == "GET /results/standard-1"));
        Assert.Equal(2, fake.Calls.Count(c => c == "GET signed iris.shuffled-0.csv"));
    }

    [Fact]
    public async Task Result_urls_and_specific_results_check_the_table_the_job_and_the_key()
    {
        var (_, runner) = await RunnerJobsTests.IrisRunnerAsync();
        await runner.RunAsync([JobKind.Standard], Ct);
        Assert.Single(await runner.GetSpecificResultUrlsAsync(JobKind.Standard, ResultKind.Shuffled, Ct));
        var missing = await Assert.ThrowsAsync<KeyNotFoundException>(() => runner.GetSpecificResultUrlsAsync(JobKind.Standard, ResultKind.Advice, Ct));
        Assert.Equal("Result 'advice' not found for job 'standard'.", missing.Message);

        var table = await Assert.ThrowsAsync<ArgumentException>(() => runner.GetSpecificResultAsync("nope", JobKind.Standard, ResultKind.Shuffled, Ct));
        Assert.StartsWith("Expected table 'nope' to be created.", table.Message, StringComparison.Ordinal);
        var job = await Assert.ThrowsAsync<InvalidOperationException>(() => runner.GetSpecificResultAsync("iris", JobKind.PrivacyMetrics, ResultKind.PrivacyMetrics, Ct));
        Assert.Equal("Expected job 'privacy_metrics' to be created. Try running it first.", job.Message);
        Assert.IsType<Table>(await runner.GetSpecificResultAsync("iris", JobKind.Standard, ResultKind.ProjectionsOriginal, Ct));
    }

    [Fact]
    public async Task A_table_without_a_result_is_reported()
    {
        var (fake, runner) = await RunnerJobsTests.IrisRunnerAsync();
        fake.Tables = ["other"];
        await runner.RunAsync([JobKind.Standard], Ct);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => runner.GetShuffledAsync("iris", Ct));
        Assert.Equal("No shuffled result found for table 'iris'.", error.Message);
    }

    [Fact]
    public async Task Render_plot_returns_the_figures_and_writes_them_when_opened()
    {
        var (_, runner) = await RunnerJobsTests.IrisRunnerAsync();
        await runner.RunAsync([JobKind.Standard], Ct);
        var figures = await runner.RenderPlotAsync("iris", PlotKind.Distribution, cancellationToken: Ct);
        Assert.Equal(["<div>iris.distribution-0.html</div>", "<div>iris.distribution-1.html</div>"], figures.Select(f => f.Html));

        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => runner.RenderPlotAsync("iris", PlotKind.Correlation, cancellationToken: Ct));
        Assert.Equal("No correlation found for table 'iris'.", missing.Message);

        var directory = Directory.CreateTempSubdirectory("avatars-plots-").FullName;
        try
        {
            var opened = new List<string>();
            runner.PlotDirectory = directory;
            runner.BrowserLauncher = opened.Add;
            await runner.RenderPlotAsync("iris", PlotKind.Distribution, openInBrowser: true, Ct);
            Assert.Equal([Path.Combine(directory, "iris_distribution_0.html"), Path.Combine(directory, "iris_distribution_1.html")], opened);
            Assert.Equal("<div>iris.distribution-1.html</div>", await File.ReadAllTextAsync(opened[1], Ct));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Download_report_writes_the_first_report_file()
    {
        var (fake, runner) = await RunnerJobsTests.IrisRunnerAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => runner.DownloadReportAsync(new MemoryStream(), Ct));
        await runner.RunAsync(cancellationToken: Ct);
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".pdf");
        try
        {
            await runner.DownloadReportAsync(path, Ct);
            Assert.Equal("%PDF-1.4 report content", await File.ReadAllTextAsync(path, Ct));
        }
        finally
        {
            File.Delete(path);
        }

        using var stream = new MemoryStream();
        await runner.DownloadReportAsync(stream, Ct);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(stream.ToArray()), StringComparison.Ordinal);
        Assert.DoesNotContain("GET signed report.html", fake.Calls);
    }

    [Fact]
    public async Task Run_metadata_is_loaded_lazily()
    {
        var (_, runner) = await RunnerJobsTests.IrisRunnerAsync();
        await runner.RunAsync([JobKind.Standard], Ct);
        var metadata = await runner.GetRunMetadataAsync(JobKind.Standard, Ct);
        Assert.Equal("standard-1", metadata["job_name"]!.GetValue<string>());
        Assert.Equal(42, metadata["seed"]!.GetValue<int>());
    }

    [Fact]
    public async Task Advice_runs_one_job_and_applies_the_advised_parameters_to_the_requested_tables()
    {
        var (fake, runner) = await RunnerJobsTests.IrisRunnerAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => runner.AdviseParametersAsync("nope", Ct));
        await runner.AdviseParametersAsync("iris", Ct);

        var job = Assert.Single(fake.CreatedJobs);
        Assert.Equal(("advice_parameters", 0), (job.ParametersName, job.DependsOn!.Count));
        Assert.Contains("kind: AvatarAdviceParameters", fake.PutYamls.Single(), StringComparison.Ordinal);
        var parameters = runner.Configuration.ExtractCurrentParameters("iris");
        Assert.Equal((20, 30, Avatars.Config.ImputeMethod.FastKnn, 1.0), (parameters.K, parameters.Ncp, parameters.ImputationMethod, parameters.ImputationTrainingFraction));
        Assert.Equal(20, runner.Results.Advice["iris"]["k"]!.GetValue<int>());
        Assert.DoesNotContain("kind: AvatarAdviceParameters", runner.GetYaml(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_advice_job_is_raised_and_forgotten()
    {
        var (fake, runner) = await RunnerJobsTests.IrisRunnerAsync();
        fake.JobBehavior = static (request, _) => request.ParametersName == "advice_parameters"
            ? (JobStatus.Error, null, "parameter advice is not available in this version of the server")
            : (JobStatus.Finished, 1.0, string.Empty);
        var error = await Assert.ThrowsAsync<Avatars.Client.Http.AvatarsJobFailedException>(() => runner.AdviseParametersAsync(cancellationToken: Ct));
        Assert.Equal("Job advice failed with exception: parameter advice is not available in this version of the server", error.Message);
        Assert.False(runner.Jobs.ContainsKey(JobKind.Advice));
        Assert.Equal(5, runner.Configuration.ExtractCurrentParameters("iris").K);
        await runner.RunAsync([JobKind.Standard], Ct);
        Assert.Single((await runner.GetAllResultsAsync(Ct)).Shuffled);
    }

    [Fact]
    public async Task Advice_is_applied_to_the_requested_table_only_and_missing_advice_is_reported()
    {
        var fake = new FakeApiClient();
        var runner = new AvatarRunner(fake, "two");
        await runner.AddTableAsync("a", RunnerJobsTests.Iris(), cancellationToken: Ct);
        await runner.AddTableAsync("b", RunnerJobsTests.Iris(), cancellationToken: Ct);
        runner.SetParameters("b", k: 3);
        await runner.AdviseParametersAsync("a", Ct);
        Assert.Equal(20, runner.Configuration.ExtractCurrentParameters("a").K);
        Assert.Equal(3, runner.Configuration.ExtractCurrentParameters("b").K);
        Assert.Equal(2, runner.Results.Advice.Count);

        fake.Tables = ["a"];
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => runner.AdviseParametersAsync(cancellationToken: Ct));
        Assert.Equal("No advice returned for table 'b'.", error.Message);
        Assert.Equal("advice_parameters-2", runner.Jobs[JobKind.Advice].Name);
    }
}
