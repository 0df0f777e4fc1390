using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Avatars.Client.Http;
using Avatars.Client.Models;

namespace Avatars.Client.Tests.Fakes;

/// <summary>
/// In-memory <see cref="IAvatarsApiClient"/> (the vendor's conftest <c>FakeApiClient</c>, adapted to signed URLs,
/// sdk.md §14): records calls, keeps uploads, creates jobs named <c>&lt;parameters&gt;-&lt;n&gt;</c>, serves canned job
/// states and result files for the uploaded tables (names escaped as the server does).
/// </summary>
internal sealed class FakeApiClient : IAvatarsApiClient
{
    private readonly Dictionary<string, (JobCreateRequest Request, int Polls)> _jobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _listings = new(StringComparer.Ordinal);
    private int _jobCounter;

    public AvatarsClientOptions Options { get; } = new() { PollInterval = TimeSpan.FromMilliseconds(1), ShouldVerifyCompatibility = false };

    public AuthTokens? AuthTokens { get; private set; }

    /// <summary>Every call, e.g. <c>PUT /resources/iris</c>, <c>POST /jobs standard [/api/jobs/standard-1]</c>, <c>GET signed iris.shuffled-0.csv</c>.</summary>
    public List<string> Calls { get; } = [];

    /// <summary>Uploaded files by name.</summary>
    public Dictionary<string, byte[]> Uploads { get; } = new(StringComparer.Ordinal);

    /// <summary>YAML of every PUT, in order.</summary>
    public List<string> PutYamls { get; } = [];

    /// <summary>Set ids returned by the PUTs, in order.</summary>
    public List<string> SetNames { get; } = [];

    /// <summary>Job creation requests, in order.</summary>
    public List<JobCreateRequest> CreatedJobs { get; } = [];

    /// <summary>The job list served by <see cref="GetJobsAsync"/> (oldest first).</summary>
    public List<JobResponse> JobList { get; } = [];

    /// <summary>State of a job at its n-th poll (1-based); default finished.</summary>
    public Func<JobCreateRequest, int, (JobStatus Status, double? Progress, string Exception)> JobBehavior { get; set; } =
        static (_, _) => (JobStatus.Finished, 1.0, string.Empty);

    /// <summary>File contents overriding the canned ones, by file name.</summary>
    public Dictionary<string, string> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>File names whose next download answers 403 (once each), as an expired signed URL.</summary>
    public HashSet<string> ExpireOnce { get; } = new(StringComparer.Ordinal);

    /// <summary>Tables served in results: the uploaded original files (without extension) unless set.</summary>
    public List<string>? Tables { get; set; }

    /// <summary>Warnings returned by every PUT of a resource set.</summary>
    public List<ValidationIssue> ResourceWarnings { get; } = [];

    /// <summary>Password changes (current, new).</summary>
    public List<(string Current, string New)> PasswordChanges { get; } = [];

    public static string Escape(string table) =>
        table.Replace(".", "_dot_", StringComparison.Ordinal).Replace("/", "_slash_", StringComparison.Ordinal)
            .Replace("&", "_ampersand_", StringComparison.Ordinal).Replace("+", "_plus_", StringComparison.Ordinal);

    public Task AuthenticateAsync(string username, string password, CancellationToken cancellationToken = default)
    {
        Calls.Add("POST /login " + username);
        AuthTokens = new AuthTokens("access", "refresh");
        return Task.CompletedTask;
    }

    public async Task<string> UploadFileAsync(string fileName, Stream content, long? size = null, CancellationToken cancellationToken = default)
    {
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken);
        Uploads[fileName] = copy.ToArray();
        Calls.Add("PUT upload " + fileName);
        return "user/input/" + fileName;
    }

    public Task<ResourceSetResponse> PutResourcesAsync(string displayName, string yaml, CancellationToken cancellationToken = default)
    {
        Calls.Add("PUT /resources/" + displayName);
        PutYamls.Add(yaml);
        var setName = Guid.NewGuid().ToString();
        SetNames.Add(setName);
        return Task.FromResult(new ResourceSetResponse(setName, displayName, PutYamls.Count, ResourceWarnings.ToList()));
    }

    public Task<JobCreateResponse> CreateJobAsync(JobCreateRequest request, CancellationToken cancellationToken = default)
    {
        var name = $"{request.ParametersName}-{++_jobCounter}";
        _jobs[name] = (request, 0);
        CreatedJobs.Add(request);
        Calls.Add($"POST /jobs {request.ParametersName} [{string.Join(", ", request.DependsOn ?? [])}]");
        return Task.FromResult(new JobCreateResponse(name, "/api/jobs/" + name));
    }

    public Task<JobResponse> GetJobAsync(string jobName, CancellationToken cancellationToken = default)
    {
        Calls.Add("GET /jobs/" + jobName);
        if (!_jobs.TryGetValue(jobName, out var job))
        {
            throw NotFound("/jobs/" + jobName);
        }

        _jobs[jobName] = (job.Request, job.Polls + 1);
        var (status, progress, exception) = JobBehavior(job.Request, job.Polls + 1);
        return Task.FromResult(Job(jobName, job.Request, status, progress, exception));
    }

    public Task<JobListResponse> GetJobsAsync(JobListQuery? query = null, CancellationToken cancellationToken = default)
    {
        Calls.Add($"GET /jobs?limit={query?.Limit}&desc={query?.Descending}");
        IEnumerable<JobResponse> jobs = query?.Descending == true ? Enumerable.Reverse(JobList) : JobList;
        return Task.FromResult(new JobListResponse(jobs.Take(query?.Limit ?? 100).ToList(), null));
    }

    public Task<JobResponse> CancelJobAsync(string jobName, CancellationToken cancellationToken = default)
    {
        Calls.Add("DELETE /jobs/" + jobName);
        var job = _jobs[jobName];
        return Task.FromResult(Job(jobName, job.Request, JobStatus.Cancelled, null, "cancelled by the user"));
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetResultsAsync(string jobName, CancellationToken cancellationToken = default)
    {
        Calls.Add("GET /results/" + jobName);
        if (!_jobs.TryGetValue(jobName, out var job))
        {
            throw NotFound("/results/" + jobName);
        }

        var version = _listings[jobName] = _listings.GetValueOrDefault(jobName) + 1;
        var tables = (Tables ?? UploadedTables()).Select(Escape).ToList();
        string Url(string file) => $"https://storage.test/{jobName}/{Uri.EscapeDataString(file)}?sig={version}";
        List<string> PerTable(string pattern) => tables.Select(t => Url(string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, t))).ToList();
        var results = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        switch (job.Request.ParametersName)
        {
            case "standard":
                results["shuffled"] = PerTable("{0}.shuffled-0.csv");
                results["unshuffled"] = PerTable("{0}.unshuffled-0.csv");
                results["original_projections"] = PerTable("{0}.projections.original-0.csv");
                results["avatar_projections"] = PerTable("{0}.projections.avatars-0.csv");
                results["figures"] = tables.SelectMany(t => new[] { Url($"{t}.2d_projection.html"), Url($"{t}.distribution-0.html"), Url($"{t}.distribution-1.html") }).ToList();
                results["figures_metadata"] = [Url("figures_metadata.json")];
                break;
            case "privacy_metrics":
                results["privacy_metrics"] = PerTable("{0}.privacy.json");
                break;
            case "signal_metrics":
                results["signal_metrics"] = PerTable("{0}.signal.json");
                break;
            case "report":
                results["report"] = [Url("report.pdf"), Url("report.html")];
                break;
            case "advice_parameters":
                results["advice"] = [Url("advice.json")];
                break;
        }

        results["run_metadata"] = [Url("run_metadata.json")];
        return Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<string>>>(results);
    }

    public Task<byte[]> DownloadFileAsync(string signedUrl, CancellationToken cancellationToken = default)
    {
        var file = AvatarsApiClient.FileNameOf(signedUrl);
        var job = new Uri(signedUrl).Segments[1].TrimEnd('/');
        Calls.Add("GET signed " + file);
        if (ExpireOnce.Remove(file))
        {
            throw new AvatarsApiException("Got error in HTTP request: GET signed. Error status 403 - invalid or expired URL", HttpStatusCode.Forbidden, "GET", "/" + file, "invalid or expired URL", "bad_signature");
        }

        return Task.FromResult(Encoding.UTF8.GetBytes(Content(job, file)));
    }

    public Task ChangePasswordAsync(string currentPassword, string newPassword, CancellationToken cancellationToken = default)
    {
        PasswordChanges.Add((currentPassword, newPassword));
        return Task.CompletedTask;
    }

    public Task<HealthResponse> GetHealthAsync(CancellationToken cancellationToken = default) => Task.FromResult(new HealthResponse("ok", "test"));

    public Task<User> GetMeAsync(CancellationToken cancellationToken = default)
    {
        // Recorded so that the exact-call assertions prove the runner never asks for a results volume (sdk.md §17 #29).
        Calls.Add("GET /users/me");
        return Task.FromResult(new User(Guid.NewGuid(), Guid.Empty, "user", null, "user", false, DateTimeOffset.UnixEpoch));
    }

    public Task<CheckClientResponse> CheckClientAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new CheckClientResponse("ok", "0.0.0", "compatible"));

    /// <summary>A job of the served list.</summary>
    public static JobResponse Job(string name, JobCreateRequest request, JobStatus status, double? progress, string exception) =>
        new(name, request.SetName, "display", request.ParametersName, request.ParametersName, status,
            status != JobStatus.Pending && status != JobStatus.Running, progress, exception, request.DependsOn ?? [], "user",
            DateTimeOffset.UnixEpoch, null, null);

    private static AvatarsApiException NotFound(string path) =>
        new("Got error in HTTP request: GET " + path + ". Error status 404 - not found", HttpStatusCode.NotFound, "GET", path, "not found", "not_found");

    private List<string> UploadedTables() =>
        Uploads.Keys.Where(f => !Path.GetFileNameWithoutExtension(f).EndsWith("_avatars", StringComparison.Ordinal))
            .Select(f => f[..^Path.GetExtension(f).Length]).ToList();

    private string Content(string job, string file)
    {
        if (Files.TryGetValue(file, out var text))
        {
            return text;
        }

        var dot = file.IndexOf('.', StringComparison.Ordinal);
        var table = dot < 0 ? file : file[..dot];
        var unescaped = ResultTableNames.Unescape(table);
        if (file.EndsWith(".shuffled-0.csv", StringComparison.Ordinal) || file.EndsWith(".unshuffled-0.csv", StringComparison.Ordinal))
        {
            // The avatars mirror the upload (same columns), like the server's.
            return Uploads.TryGetValue(unescaped + ".csv", out var original) ? Encoding.UTF8.GetString(original) : "1, 2, 3\n    4, 5, 6";
        }

        if (file.Contains(".projections.", StringComparison.Ordinal))
        {
            return "Dim. 1,Dim. 2\n0.5,-1.25\n1.5,2\n";
        }

        if (file == "figures_metadata.json")
        {
            var tables = (Tables ?? UploadedTables()).ToList();
            return new JsonArray(tables.SelectMany(t => new[]
            {
                new JsonObject { ["kind"] = "2d_projection", ["filename"] = $"{Escape(t)}.2d_projection.html", ["table_name"] = t },
                new JsonObject { ["kind"] = "distribution", ["filename"] = $"{Escape(t)}.distribution-0.html", ["table_name"] = t },
                new JsonObject { ["kind"] = "distribution", ["filename"] = $"{Escape(t)}.distribution-1.html", ["table_name"] = t },
            }).ToArray<JsonNode?>()).ToJsonString();
        }

        if (file.EndsWith(".html", StringComparison.Ordinal) && file != "report.html")
        {
            return $"<div>{file}</div>";
        }

        return file switch
        {
            "report.pdf" => "%PDF-1.4 report content",
            "report.html" => "<html>report</html>",
            "run_metadata.json" => new JsonObject { ["job_name"] = job, ["kind"] = job[..job.LastIndexOf('-')], ["seed"] = 42 }.ToJsonString(),
            "advice.json" => new JsonArray((Tables ?? UploadedTables()).Select(t => (JsonNode)new JsonObject
            {
                ["table_name"] = t,
                ["advice"] = new JsonObject
                {
                    ["k"] = 20, ["ncp"] = 30, ["use_categorical_reduction"] = null,
                    ["imputation"] = new JsonObject { ["method"] = "fast_knn", ["k"] = null, ["training_fraction"] = 1.0 },
                    ["summary"] = "advised",
                },
            }).ToArray()).ToJsonString(),
            _ when file.EndsWith(".privacy.json", StringComparison.Ordinal) =>
                $$"""{"local_cloaking": 10, "hidden_rate": 90, "targets": {"hidden_rate": "> 90"}, "metadata": {"table_name": "{{unescaped}}", "computation_type": "standalone", "reference": null}, "job": "{{job}}"}""",
            _ when file.EndsWith(".signal.json", StringComparison.Ordinal) =>
                $$"""{"hellinger_mean": 0.1, "hellinger_std": 0.05, "metadata": {"table_name": "{{unescaped}}", "computation_type": "standalone", "reference": null}, "job": "{{job}}"}""",
            _ => throw new InvalidOperationException("No canned content for " + file),
        };
    }
}
