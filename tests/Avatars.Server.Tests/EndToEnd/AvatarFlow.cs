using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Avatars.Server.Tests.Infrastructure;

namespace Avatars.Server.Tests.EndToEnd;

/// <summary>What a client does over HTTP: upload through a signed URL, PUT a resource set, create and poll jobs, fetch results.</summary>
internal static class AvatarFlow
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>POST /api/upload_url then PUT the bytes to the signed URL (without Authorization).</summary>
    public static async Task UploadAsync(this ApiSession session, string fileName, byte[] content)
    {
        var issued = await session.PostJsonAsync("api/upload_url", new { file_name = fileName, size = content.Length });
        using var raw = new HttpClient();
        using var put = await raw.PutAsync(issued.GetProperty("url").GetString(), new ByteArrayContent(content), Ct);
        Assert.True(put.IsSuccessStatusCode, $"upload of {fileName}: {(int)put.StatusCode} {await put.Content.ReadAsStringAsync(Ct)}");
    }

    /// <summary>PUT /api/resources/{displayName}; returns the set name.</summary>
    public static async Task<string> PutResourcesAsync(this ApiSession session, string displayName, string yaml)
    {
        using var content = new StringContent(yaml, Encoding.UTF8, "application/yaml");
        using var response = await session.Http.PutAsync($"api/resources/{Uri.EscapeDataString(displayName)}", content, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PUT resources: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("set_name").GetString()!;
    }

    /// <summary>POST /api/jobs; returns the job name.</summary>
    public static async Task<string> CreateJobAsync(this ApiSession session, string setName, string parametersName, params string[] dependsOn)
    {
        using var response = await session.Http.PostAsJsonAsync("api/jobs", new { set_name = setName, parameters_name = parametersName, depends_on = dependsOn }, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST jobs ({parametersName}): {(int)response.StatusCode} {text}");
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal($"/api/jobs/{body.GetProperty("name").GetString()}", body.GetProperty("Location").GetString());
        return body.GetProperty("name").GetString()!;
    }

    /// <summary>Polls GET /api/jobs/{name} until done; returns the last JobResponse.</summary>
    public static async Task<JsonElement> WaitForJobAsync(this ApiSession session, string jobName, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(3));
        while (true)
        {
            var job = await session.GetJsonAsync($"api/jobs/{jobName}");
            if (job.GetProperty("done").GetBoolean())
            {
                return job;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"job {jobName} not done after the timeout: {job}");
            }

            await Task.Delay(100, Ct);
        }
    }

    /// <summary>Waits and asserts the job finished.</summary>
    public static async Task<JsonElement> WaitForFinishedAsync(this ApiSession session, string jobName)
    {
        var job = await session.WaitForJobAsync(jobName);
        Assert.True(job.GetProperty("status").GetString() == "finished", $"job {job.GetProperty("kind")} ended {job.GetProperty("status")}: {job.GetProperty("exception")}");
        return job;
    }

    /// <summary>GET /api/results/{job}: result key → URLs.</summary>
    public static async Task<Dictionary<string, List<string>>> GetResultsAsync(this ApiSession session, string jobName)
    {
        var results = await session.GetJsonAsync($"api/results/{jobName}");
        return results.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(u => u.GetString()!).ToList());
    }

    /// <summary>Downloads a signed URL without credentials.</summary>
    public static async Task<byte[]> DownloadAsync(string url)
    {
        using var raw = new HttpClient();
        using var response = await raw.GetAsync(url, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"download {url}: {(int)response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }

    /// <summary>The file name of a result URL: last path segment without the query, percent-decoded (api.md §16.2).</summary>
    public static string FileNameOf(string url) => Uri.UnescapeDataString(new Uri(url).AbsolutePath.Split('/')[^1]);

    /// <summary>POST with a JSON body that must answer 200; returns the body.</summary>
    public static async Task<JsonElement> PostJsonAsync(this ApiSession session, string path, object body)
    {
        using var response = await session.Http.PostAsJsonAsync(path, body, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
