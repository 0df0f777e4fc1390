using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Avatars.Bench.Server;

/// <summary>A logged-in HTTP client doing what the SDK does: upload, resource set, jobs, results.</summary>
internal sealed class BenchClient(HttpClient http) : IDisposable
{
    private static readonly HttpClient Storage = new() { Timeout = TimeSpan.FromMinutes(30) };

    public HttpClient Http => http;

    public static async Task<BenchClient> LoginAsync(Uri server, string username, string password)
    {
        var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromMinutes(10) };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = username, ["password"] = password });
        using var response = await http.PostAsync("api/login", form);
        response.EnsureSuccessStatusCode();
        var tokens = await response.Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("access_token").GetString());
        return new BenchClient(http);
    }

    public async Task CreateUserAsync(string username, string password)
    {
        using var response = await http.PostAsJsonAsync("api/users", new { username, password, role = "user" });
        response.EnsureSuccessStatusCode();
    }

    public async Task UploadAsync(string fileName, string path)
    {
        using var issued = await http.PostAsJsonAsync("api/upload_url", new { file_name = fileName });
        issued.EnsureSuccessStatusCode();
        var url = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString();
        await using var file = File.OpenRead(path);
        using var put = await Storage.PutAsync(url, new StreamContent(file));
        put.EnsureSuccessStatusCode();
    }

    public async Task<string> PutResourcesAsync(string displayName, string yaml)
    {
        using var response = await http.PutAsync($"api/resources/{displayName}", new StringContent(yaml, Encoding.UTF8, "application/yaml"));
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"PUT resources: {(int)response.StatusCode} {text}");
        }

        return JsonDocument.Parse(text).RootElement.GetProperty("set_name").GetString()!;
    }

    public async Task<string> CreateJobAsync(string setName, string parametersName, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/jobs") { Content = JsonContent.Create(new { set_name = setName, parameters_name = parametersName, depends_on = Array.Empty<string>() }) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST jobs: {(int)response.StatusCode} {text}");
        }

        return JsonDocument.Parse(text).RootElement.GetProperty("name").GetString()!;
    }

    public async Task<JsonElement> GetJobAsync(string name)
    {
        using var response = await http.GetAsync($"api/jobs/{name}");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<Dictionary<string, List<string>>> GetResultsAsync(string name)
    {
        var results = await http.GetFromJsonAsync<JsonElement>($"api/results/{name}");
        return results.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(u => u.GetString()!).ToList());
    }

    public static async Task DownloadAsync(string url, string path)
    {
        using var response = await Storage.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var file = File.Create(path);
        await response.Content.CopyToAsync(file);
    }

    public void Dispose() => http.Dispose();
}
