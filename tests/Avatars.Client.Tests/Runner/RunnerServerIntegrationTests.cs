using System.Text;
using Avatars.Client.Http;
using Avatars.Client.Models;
using Avatars.Data;
using Avatars.Data.Generation;
using Avatars.Server.Hosting;
using Microsoft.Extensions.Logging;

namespace Avatars.Client.Tests.Runner;

/// <summary>The Manager and Runner against a real server started in-process (the workflow of Tutorial 1 and 2).</summary>
public sealed class RunnerServerIntegrationTests
{
    [Fact]
    public async Task Run_and_wait_all_results_yaml_round_trip_and_metrics_only()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var context = await ServerContext.StartAsync(ct);
        var manager = context.Manager;
        var directory = context.Directory;
        var visit = Visits();
        var runner = manager.CreateRunner("visits", seed: 1);
        await runner.AddTableAsync("visit", visit, new AddTableOptions { PrimaryKey = "v_id" }, ct);
        runner.SetParameters("visit", k: 5, knownVariables: ["exam"], target: "cost");

        var done = await runner.RunAndWaitAsync(cancellationToken: ct);
        Assert.All(done.Values, job => Assert.Equal(JobStatus.Finished, job.Status));
        var results = await runner.GetAllResultsAsync(ct);
        // The server leaves the primary-key column out of the avatars today; the other columns keep their order.
        Assert.Equal(visit.ColumnNames.Where(c => c != "v_id"), results.Shuffled["visit"].ColumnNames.Where(c => c != "v_id"));
        Assert.Equal(visit.RowCount, results.SensitiveUnshuffled["visit"].RowCount);
        Assert.NotEmpty(results.PrivacyMetrics["visit"]);
        Assert.NotEmpty(results.SignalMetrics["visit"]);
        Assert.Contains(PlotKind.Projection2D, results.Figures["visit"].Keys);
        Assert.Equal(JobKindWire.ExecutionOrder, results.RunMetadata.Keys.OrderBy(k => JobKindWire.ExecutionOrder.ToList().IndexOf(k)).ToList());

        // The YAML reloads in a new runner, which uploads the data again and runs.
        var yamlPath = Path.Combine(directory, "visits.yaml");
        runner.GetYaml(yamlPath);
        var reloaded = await manager.CreateRunnerFromYamlAsync(yamlPath, "visits_reloaded", ct);
        await reloaded.UploadFileAsync("visit", visit, cancellationToken: ct);
        await reloaded.RunAsync([JobKind.Standard], ct);
        var again = await reloaded.GetShuffledAsync("visit", ct);
        Assert.All(again.Columns, c => Assert.Equal(visit[c.Name].Type, c.Type));

        // Metrics only, on avatars supplied by the user.
        var metricsOnly = manager.CreateRunner("visits_metrics_only");
        await metricsOnly.AddTableAsync("visit", visit, new AddTableOptions { PrimaryKey = "v_id", AvatarData = results.SensitiveUnshuffled["visit"] }, ct);
        metricsOnly.SetParameters("visit", ncp: 2);
        await metricsOnly.RunAsync([JobKind.PrivacyMetrics, JobKind.SignalMetrics], ct);
        Assert.NotEmpty(await metricsOnly.GetPrivacyMetricsAsync("visit", ct));
    }

    [Fact]
    public async Task A_signed_url_refused_by_the_server_is_listed_again_and_retried()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var context = await ServerContext.StartAsync(ct);
        var tampering = new TamperingClient(context.Manager.AuthClient);
        var runner = new Client.Runner(tampering, "tampered");
        await runner.AddTableAsync("patients", PatientTableGenerator.Generate(60, seed: 9, name: "patients"), cancellationToken: ct);
        runner.SetParameters("patients", k: 5);
        await runner.RunAsync([JobKind.Standard], ct);

        Assert.Equal(60, (await runner.GetShuffledAsync("patients", ct)).RowCount);
        Assert.Equal(2, tampering.Listings);
        Assert.Equal(1, tampering.Refused);
    }

    [Fact]
    public async Task A_table_name_with_special_characters_runs_end_to_end()
    {
        // The vendor's tests/integration/test_simple.py name: the server escapes it in file names, the client unescapes.
        const string name = "iris_$*'@!?:;=[]()-_/.&+";
        var ct = TestContext.Current.CancellationToken;
        await using var context = await ServerContext.StartAsync(ct);
        var manager = context.Manager;
        var runner = manager.CreateRunner("test_simple");
        await runner.AddTableAsync(name, PatientTableGenerator.Generate(80, seed: 5, name: "iris"), cancellationToken: ct);
        runner.SetParameters(name, k: 5);
        var jobs = await runner.RunAndWaitAsync(cancellationToken: ct);
        Assert.All(jobs.Values, job => Assert.Equal(JobStatus.Finished, job.Status));
        Assert.Equal(80, (await runner.GetShuffledAsync(name, ct)).RowCount);
        Assert.Single(await runner.GetPrivacyMetricsAsync(name, ct));
        Assert.Single(await runner.GetSignalMetricsAsync(name, ct));
        Assert.NotEmpty(await runner.RenderPlotAsync(name, PlotKind.Projection2D, cancellationToken: ct));
    }

    [Fact]
    public async Task Manager_and_runner_run_every_job_and_serve_typed_results()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var context = await ServerContext.StartAsync(ct);
        var manager = context.Manager;
        var directory = context.Directory;
        Assert.Equal("ok", (await manager.GetHealthAsync(ct)).Message);

        var original = PatientTableGenerator.Generate(200, seed: 7, name: "patients");
        var runner = manager.CreateRunner("iris_test");
        var progress = new StringWriter();
        runner.Progress = new ConsoleJobProgress(progress);
        await runner.AddTableAsync("patients", original, cancellationToken: ct);
        runner.SetParameters("patients", k: 10);
        var jobs = await runner.RunAsync(cancellationToken: ct);
        Assert.Equal(JobKindWire.ExecutionOrder, jobs.Keys.ToList());

        var shuffled = await runner.GetShuffledAsync("patients", ct);
        Assert.Equal(original.ColumnNames, shuffled.ColumnNames);
        Assert.Equal(original.RowCount, shuffled.RowCount);
        Assert.Equal(original.Columns.Select(c => c.Type), shuffled.Columns.Select(c => c.Type));
        var unshuffled = await runner.GetSensitiveUnshuffledAsync("patients", ct);
        Assert.Equal(original.RowCount, unshuffled.RowCount);

        var privacy = await runner.GetPrivacyMetricsAsync("patients", ct);
        Assert.NotNull(Assert.Single(privacy)["targets"]);
        Assert.Equal("patients", privacy[0]["metadata"]!["table_name"]!.GetValue<string>());
        var signal = await runner.GetSignalMetricsAsync("patients", ct);
        Assert.NotNull(Assert.Single(signal)["targets"]);

        var report = Path.Combine(directory, "report.pdf");
        await runner.DownloadReportAsync(report, ct);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(File.ReadAllBytes(report), 0, 4));

        var figures = await runner.RenderPlotAsync("patients", PlotKind.Projection2D, cancellationToken: ct);
        Assert.Contains("<html", Assert.Single(figures).Html, StringComparison.OrdinalIgnoreCase);
        var (projectedOriginals, projectedAvatars) = await runner.GetProjectionsAsync("patients", ct);
        Assert.Equal(original.RowCount, projectedOriginals.RowCount);
        Assert.Equal(original.RowCount, projectedAvatars.RowCount);
        Assert.Contains("standard job", progress.ToString(), StringComparison.Ordinal);

        // Re-run after UpdateParameters: fresh results, metrics replaced (not appended).
        var firstStandard = runner.Jobs[JobKind.Standard].Name;
        runner.UpdateParameters("patients", p => p with { K = 5 });
        await runner.RunAsync(cancellationToken: ct);
        Assert.NotEqual(firstStandard, runner.Jobs[JobKind.Standard].Name);
        var rerun = await runner.GetShuffledAsync("patients", ct);
        Assert.NotSame(shuffled, rerun);
        Assert.Equal(runner.Jobs[JobKind.Standard].Name, (await runner.GetRunMetadataAsync(JobKind.Standard, ct))["job_name"]!.GetValue<string>());
        Assert.Single(await runner.GetPrivacyMetricsAsync("patients", ct));
        Assert.Equal(2, (await manager.GetLastJobsAsync(2, ct)).Count);

        // k ≥ n: the job fails with the server's message.
        var tooLarge = manager.CreateRunner("too_large");
        await tooLarge.AddTableAsync("small", PatientTableGenerator.Generate(20, seed: 3, name: "small"), cancellationToken: ct);
        tooLarge.SetParameters("small", k: 50);
        await tooLarge.RunAsync([JobKind.Standard], ct);
        var failure = await Assert.ThrowsAsync<AvatarsJobFailedException>(() => tooLarge.GetShuffledAsync("small", ct));
        Assert.StartsWith("Job standard failed with exception: ", failure.Message, StringComparison.Ordinal);
        Assert.Contains("must be smaller than the number of rows", failure.ServerException, StringComparison.Ordinal);
        Assert.Equal(failure.ServerException, (await tooLarge.GetJobAsync(JobKind.Standard, ct)).Exception);
        Assert.Equal(JobStatus.Error, (await tooLarge.GetJobAsync(JobKind.Standard, ct)).Status);
    }

    /// <summary>150 visits of 60 patients (deterministic).</summary>
    private static Table Visits()
    {
        var random = new Random(11);
        const int visits = 150;
        return new Table(
        [
            new IntColumn("v_id", Enumerable.Range(1, visits).Select(i => (long)i).ToArray()),
            new IntColumn("patient_id", Enumerable.Range(0, visits).Select(i => (long)((i % 60) + 1)).ToArray()),
            CategoryColumn.FromValues("exam", Enumerable.Range(0, visits).Select(_ => new[] { "blood", "xray", "mri" }[random.Next(3)]).ToArray()),
            new FloatColumn("cost", Enumerable.Range(0, visits).Select(_ => Math.Round(random.NextDouble() * 500, 2)).ToArray()),
        ], "visit");
    }

    [Fact]
    public async Task The_vendor_clients_single_table_yaml_loads_and_runs_on_the_server()
    {
        // sdk.md §9.6: a resource set written by the vendor's Python client 1.0.8 (Runner.get_yaml()).
        var ct = TestContext.Current.CancellationToken;
        var iris = Avatars.Testing.SharedData.PathOf("avatar-python/iris.csv");
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Avatars.slnx")))
        {
            root = root.Parent!;
        }

        var yaml = Path.Combine(root.FullName, "tests", "Avatars.Config.Tests", "Resources", "single-table-1.0.8.yaml");
        await using var context = await ServerContext.StartAsync(ct);
        var runner = await context.Manager.CreateRunnerFromYamlAsync(yaml, "iris_from_python", ct);
        await runner.UploadFileAsync("iris", TableSource.FromFile(iris), cancellationToken: ct);
        var done = await runner.RunAndWaitAsync(cancellationToken: ct);

        Assert.All(done.Values, job => Assert.Equal(JobStatus.Finished, job.Status));
        Assert.Equal(150, (await runner.GetShuffledAsync("iris", ct)).RowCount);
        Assert.NotNull((await runner.GetPrivacyMetricsAsync("iris", ct))[0]["hidden_rate"]);
    }

    /// <summary>A server on a loopback port over a temporary folder, and an authenticated manager on it.</summary>
    private sealed class ServerContext : IAsyncDisposable
    {
        private const string AdminPassword = "admin-password-for-runner-tests";

        private AvatarsServer? _server;

        private ServerContext(string directory) => Directory = directory;

        public string Directory { get; }

        public AvatarManager Manager { get; private set; } = null!;

        public static async Task<ServerContext> StartAsync(CancellationToken ct)
        {
            var context = new ServerContext(System.IO.Directory.CreateTempSubdirectory("avatars-runner-tests-").FullName);
            try
            {
                context._server = await AvatarsServer.StartAsync(
                    new AvatarsServerOptions { Urls = "http://127.0.0.1:0", DataDirectory = context.Directory, Bootstrap = { AdminPassword = AdminPassword } },
                    logging => logging.SetMinimumLevel(LogLevel.Warning),
                    ct);
                context.Manager = new AvatarManager(new AvatarsClientOptions
                {
                    BaseUrl = new Uri(context._server.BaseAddress + "api"),
                    PollInterval = TimeSpan.FromMilliseconds(100),
                    JobTimeout = TimeSpan.FromMinutes(5),
                    MaxRetries = 2,
                    MaxRetryDelay = TimeSpan.FromMilliseconds(100),
                });
                await context.Manager.AuthenticateAsync("admin", AdminPassword, ct);
                return context;
            }
            catch
            {
                await context.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            Manager?.Dispose();
            if (_server is not null)
            {
                await _server.DisposeAsync();
            }

            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder: harmless if something still holds a file.
            }
        }
    }

    /// <summary>The real client, whose first result listing carries URLs with a broken signature (as expired ones).</summary>
    private sealed class TamperingClient(IAvatarsApiClient inner) : IAvatarsApiClient
    {
        public int Listings { get; private set; }

        public int Refused { get; private set; }

        public AvatarsClientOptions Options => inner.Options;

        public AuthTokens? AuthTokens => inner.AuthTokens;

        public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetResultsAsync(string jobName, CancellationToken cancellationToken = default)
        {
            var urls = await inner.GetResultsAsync(jobName, cancellationToken);
            if (++Listings > 1)
            {
                return urls;
            }

            return urls.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)e.Value.Select(u => u + "0").ToList());
        }

        public async Task<byte[]> DownloadFileAsync(string signedUrl, CancellationToken cancellationToken = default)
        {
            try
            {
                return await inner.DownloadFileAsync(signedUrl, cancellationToken);
            }
            catch (AvatarsApiException e) when (e.StatusCode == System.Net.HttpStatusCode.Forbidden)
            {
                Refused++;
                throw;
            }
        }

        public Task AuthenticateAsync(string username, string password, CancellationToken cancellationToken = default) => inner.AuthenticateAsync(username, password, cancellationToken);

        public Task<string> UploadFileAsync(string fileName, Stream content, long? size = null, CancellationToken cancellationToken = default) => inner.UploadFileAsync(fileName, content, size, cancellationToken);

        public Task<ResourceSetResponse> PutResourcesAsync(string displayName, string yaml, CancellationToken cancellationToken = default) => inner.PutResourcesAsync(displayName, yaml, cancellationToken);

        public Task<JobCreateResponse> CreateJobAsync(JobCreateRequest request, CancellationToken cancellationToken = default) => inner.CreateJobAsync(request, cancellationToken);

        public Task<JobResponse> GetJobAsync(string jobName, CancellationToken cancellationToken = default) => inner.GetJobAsync(jobName, cancellationToken);

        public Task<JobListResponse> GetJobsAsync(JobListQuery? query = null, CancellationToken cancellationToken = default) => inner.GetJobsAsync(query, cancellationToken);

        public Task<JobResponse> CancelJobAsync(string jobName, CancellationToken cancellationToken = default) => inner.CancelJobAsync(jobName, cancellationToken);

        public Task ChangePasswordAsync(string currentPassword, string newPassword, CancellationToken cancellationToken = default) => inner.ChangePasswordAsync(currentPassword, newPassword, cancellationToken);

        public Task<HealthResponse> GetHealthAsync(CancellationToken cancellationToken = default) => inner.GetHealthAsync(cancellationToken);

        public Task<User> GetMeAsync(CancellationToken cancellationToken = default) => inner.GetMeAsync(cancellationToken);

        public Task<CheckClientResponse> CheckClientAsync(CancellationToken cancellationToken = default) => inner.CheckClientAsync(cancellationToken);
    }
}
