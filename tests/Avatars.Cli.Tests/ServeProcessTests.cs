using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Avatars.Data;
using Avatars.Data.Generation;

namespace Avatars.Cli.Tests;

/// <summary>
/// Acceptance: <c>avatars serve</c> killed hard (SIGKILL) while a job runs, then restarted on the same data directory.
/// api.md §18.4: the job left <c>running</c> goes back to <c>pending</c> once (on SQLite at start-up) and is re-run,
/// a second loss ends it in <c>error</c> "worker lost"; uploads are never touched by recovery.
/// </summary>
public sealed class ServeProcessTests
{
    /// <summary>Large enough that the standard job runs for several seconds on two cores.</summary>
    private const int Rows = 100_000;

    private const string AdminPassword = "serve-process-tests-password";

    private const string Yaml = """
        kind: AvatarSchema
        metadata:
          name: schema
        spec:
          tables:
          - name: patients
            data:
              file: patients.csv
        ---
        kind: AvatarParameters
        metadata:
          name: standard
        spec:
          schema: schema
          avatarization:
            patients:
              k: 20
          seed: 1
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Killing_the_server_during_a_running_job_and_restarting_it_reruns_the_job_and_keeps_the_uploads()
    {
        var total = Stopwatch.StartNew();
        var dataDirectory = CliRunner.TempFolder();
        var csv = Path.Combine(CliRunner.TempFolder(), "patients.csv");
        ServerProcess? server = null;
        try
        {
            await TableWriter.WriteCsvAsync(PatientTableGenerator.Generate(Rows, 7, "patients"), csv, Ct);
            var bytes = await File.ReadAllBytesAsync(csv, Ct);
            Log($"{Rows} rows, {bytes.Length} bytes written in {total.Elapsed.TotalSeconds:0.0} s");

            // First process: upload, PUT the set, create the job, wait until it runs.
            server = await ServerProcess.StartAsync(dataDirectory, AdminPassword, Ct);
            string jobName;
            string setName;
            Guid userId;
            DateTime firstStartedAt;
            using (var api = await LoginAsync(server))
            {
                userId = (await GetJsonAsync(api, "api/users/me")).GetProperty("id").GetGuid();
                var issued = await PostJsonAsync(api, "api/upload_url", new { file_name = "patients.csv" });
                using (var raw = new HttpClient())
                using (var put = await raw.PutAsync(issued.GetProperty("url").GetString(), new ByteArrayContent(bytes), Ct))
                {
                    Assert.True(put.IsSuccessStatusCode, $"upload: {(int)put.StatusCode} {await put.Content.ReadAsStringAsync(Ct)}");
                }

                setName = await PutResourcesAsync(api, server);
                using (var created = await api.PostAsJsonAsync("api/jobs", new { set_name = setName, parameters_name = "standard" }, Ct))
                {
                    var text = await created.Content.ReadAsStringAsync(Ct);
                    Assert.True(created.StatusCode == HttpStatusCode.Created, $"POST jobs: {(int)created.StatusCode} {text}");
                    jobName = JsonDocument.Parse(text).RootElement.GetProperty("name").GetString()!;
                }

                var running = await PollAsync(api, server, jobName, j => j.GetProperty("status").GetString() != "pending", TimeSpan.FromSeconds(30), 50);
                Assert.True(running.GetProperty("status").GetString() == "running", $"the job should be running before the kill, it is {running}\n{server.Output}");
                firstStartedAt = running.GetProperty("started_at").GetDateTime();

                // Into the computation, not just claimed; still running right before the kill.
                await Task.Delay(TimeSpan.FromSeconds(1.5), Ct);
                running = await GetJsonAsync(api, $"api/jobs/{jobName}");
                Assert.True(running.GetProperty("status").GetString() == "running", $"the job should still be running before the kill, it is {running}\n{server.Output}");
                Log($"job {jobName} running (progress {running.GetProperty("progress")}) after {total.Elapsed.TotalSeconds:0.0} s; killing the server");
            }

            // Kill hard in the middle of the run: no graceful shutdown, the job stays "running" in the database.
            await server.KillAsync();
            var firstOutput = server.Output;
            await server.DisposeAsync();
            server = null;
            Assert.DoesNotContain($"Job {jobName} of user {userId} ended", firstOutput, StringComparison.Ordinal);
            var killedAt = DateTime.UtcNow;
            Log($"killed after {total.Elapsed.TotalSeconds:0.0} s");

            // Second process on the same data directory: recovery at start-up, then the job runs again.
            server = await ServerProcess.StartAsync(dataDirectory, AdminPassword, Ct);
            using (var api = await LoginAsync(server))
            {
                var job = await PollAsync(api, server, jobName, j => j.GetProperty("done").GetBoolean(), TimeSpan.FromSeconds(120), 250);
                var status = job.GetProperty("status").GetString();
                var exception = job.GetProperty("exception").GetString() ?? string.Empty;
                Log($"job {jobName} ended {status} '{exception}' after {total.Elapsed.TotalSeconds:0.0} s (last run {job.GetProperty("started_at")} to {job.GetProperty("finished_at")})");
                if (status == "finished")
                {
                    // Re-run from scratch by the new process, not a leftover of the killed one.
                    Assert.True(job.GetProperty("started_at").GetDateTime() > firstStartedAt, $"not re-run: {job}");
                    Assert.True(job.GetProperty("finished_at").GetDateTime() >= killedAt.AddSeconds(-1), $"finished before the kill: {job}");
                    var results = await GetJsonAsync(api, $"api/results/{jobName}");
                    Assert.True(results.TryGetProperty("shuffled", out var shuffled) && shuffled.GetArrayLength() == 1, $"results: {results}");
                }
                else
                {
                    Assert.True(status == "error", $"the job ended {status}: {job}\n{server.Output}");
                    Assert.False(string.IsNullOrWhiteSpace(exception), $"an error needs a message: {job}");
                    Assert.DoesNotContain("internal error", exception, StringComparison.OrdinalIgnoreCase);
                }

                Assert.Contains("Recovered 1 job(s) left running by a previous process", server.Output, StringComparison.Ordinal);

                // Every upload is still there: byte for byte in storage, and a resource set naming it is accepted
                // (PUT /api/resources checks the file exists: 422 file_not_found otherwise).
                var stored = Path.Combine(dataDirectory, "storage", userId.ToString("D"), "input", "patients.csv");
                Assert.True(File.Exists(stored), $"{stored} is gone");
                Assert.Equal(bytes, await File.ReadAllBytesAsync(stored, Ct));
                await PutResourcesAsync(api, server);
            }
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }

            DeleteQuietly(dataDirectory);
            DeleteQuietly(Path.GetDirectoryName(csv)!);
        }
    }

    private static void Log(string message) => TestContext.Current.TestOutputHelper?.WriteLine(message);

    private static async Task<HttpClient> LoginAsync(ServerProcess server)
    {
        using var anonymous = new HttpClient { BaseAddress = server.BaseAddress };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "admin", ["password"] = AdminPassword });
        using var response = await anonymous.PostAsync("api/login", form, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"login: {(int)response.StatusCode} {text}\n{server.Output}");
        var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", JsonDocument.Parse(text).RootElement.GetProperty("access_token").GetString());
        return http;
    }

    private static async Task<string> PutResourcesAsync(HttpClient api, ServerProcess server)
    {
        using var content = new StringContent(Yaml, Encoding.UTF8, "application/yaml");
        using var response = await api.PutAsync("api/resources/kill-test", content, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PUT resources: {(int)response.StatusCode} {text}\n{server.Output}");
        return JsonDocument.Parse(text).RootElement.GetProperty("set_name").GetString()!;
    }

    private static async Task<JsonElement> PollAsync(HttpClient api, ServerProcess server, string jobName, Func<JsonElement, bool> until, TimeSpan timeout, int intervalMilliseconds)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var job = await GetJsonAsync(api, $"api/jobs/{jobName}");
            if (until(job))
            {
                return job;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"job {jobName} still {job} after {timeout.TotalSeconds:0} s:\n{server.Output}");
            }

            await Task.Delay(intervalMilliseconds, Ct);
        }
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient api, string path)
    {
        using var response = await api.GetAsync(path, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<JsonElement> PostJsonAsync(HttpClient api, string path, object body)
    {
        using var response = await api.PostAsJsonAsync(path, body, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static void DeleteQuietly(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
