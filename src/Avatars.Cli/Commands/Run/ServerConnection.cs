using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Avatars.Cli.Commands.Run;

/// <summary>
/// The few REST calls <c>avatars run</c> needs (api.md Part B), with the server's error messages surfaced as
/// <see cref="CliUsageException"/>. (The full SDK is Avatars.Client; the CLI stays independent of it for now.)
/// </summary>
internal sealed class ServerConnection : IDisposable
{
    private readonly HttpClient http;
    private readonly HttpClient storage = new() { Timeout = TimeSpan.FromMinutes(30) };

    private ServerConnection(HttpClient http) => this.http = http;

    public static async Task<ServerConnection> LoginAsync(Uri server, string? username, string? password, string? apiKey, CancellationToken cancellationToken)
    {
        var http = new HttpClient { BaseAddress = new Uri(server.ToString().TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("avatar-dotnet-cli/" + typeof(ServerConnection).Assembly.GetName().Version?.ToString(3));
        var connection = new ServerConnection(http);
        if (!string.IsNullOrEmpty(apiKey))
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("api-key-v1", apiKey);
            return connection;
        }

        if (string.IsNullOrEmpty(username) || string.IsNullOrEmpty(password))
        {
            throw new CliUsageException("credentials needed: set AVATAR_USERNAME and AVATAR_PASSWORD (or AVATAR_API_KEY).");
        }

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = username, ["password"] = password });
        var tokens = await connection.SendAsync(() => http.PostAsync("api/login", form, cancellationToken), "log in", cancellationToken);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("access_token").GetString());
        return connection;
    }

    public async Task UploadAsync(string fileName, string path, CancellationToken cancellationToken)
    {
        var size = new FileInfo(path).Length;
        var issued = await SendAsync(() => http.PostAsJsonAsync("api/upload_url", new { file_name = fileName, size }, cancellationToken), $"upload {fileName}", cancellationToken);
        await using var file = File.OpenRead(path);
        using var content = new StreamContent(file);
        using var response = await storage.PutAsync(issued.GetProperty("url").GetString(), content, cancellationToken);
        await EnsureSuccessAsync(response, $"upload {fileName}", cancellationToken);
    }

    public async Task<string> PutResourcesAsync(string displayName, string yaml, CancellationToken cancellationToken)
    {
        var body = await SendAsync(
            () => http.PutAsync($"api/resources/{Uri.EscapeDataString(displayName)}", new StringContent(yaml, Encoding.UTF8, "application/yaml"), cancellationToken),
            "send the resource set",
            cancellationToken);
        return body.GetProperty("set_name").GetString()!;
    }

    public async Task<string> CreateJobAsync(string setName, string parametersName, IEnumerable<string> dependsOn, CancellationToken cancellationToken)
    {
        var body = await SendAsync(
            () => http.PostAsJsonAsync("api/jobs", new { set_name = setName, parameters_name = parametersName, depends_on = dependsOn.ToArray() }, cancellationToken),
            $"create job '{parametersName}'",
            cancellationToken);
        return body.GetProperty("name").GetString()!;
    }

    public Task<JsonElement> GetJobAsync(string jobName, CancellationToken cancellationToken) =>
        SendAsync(() => http.GetAsync($"api/jobs/{jobName}", cancellationToken), "read job status", cancellationToken);

    public async Task<IReadOnlyList<(string Key, string Url)>> GetResultsAsync(string jobName, CancellationToken cancellationToken)
    {
        var body = await SendAsync(() => http.GetAsync($"api/results/{jobName}", cancellationToken), "list results", cancellationToken);
        return [.. body.EnumerateObject().SelectMany(p => p.Value.EnumerateArray().Select(u => (p.Name, u.GetString()!)))];
    }

    public async Task DownloadAsync(string url, string path, CancellationToken cancellationToken)
    {
        using var response = await storage.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await EnsureSuccessAsync(response, $"download {Path.GetFileName(path)}", cancellationToken);
        await Avatars.Data.IO.AtomicFile.WriteAsync(path, async (stream, ct) => await response.Content.CopyToAsync(stream, ct), cancellationToken);
    }

    /// <summary>Any JSON call that must succeed; <paramref name="body"/> null sends no body.</summary>
    public Task<JsonElement> SendJsonAsync(HttpMethod method, string path, object? body, string what, CancellationToken cancellationToken) =>
        SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(method, path);
                if (body is not null)
                {
                    request.Content = JsonContent.Create(body);
                }

                return http.SendAsync(request, cancellationToken);
            },
            what,
            cancellationToken);

    public void Dispose()
    {
        http.Dispose();
        storage.Dispose();
    }

    private async Task<JsonElement> SendAsync(Func<Task<HttpResponseMessage>> send, string what, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await send();
        }
        catch (HttpRequestException ex)
        {
            throw new CliUsageException($"cannot {what}: the server at {http.BaseAddress} does not answer ({ex.Message}).");
        }

        using (response)
        {
            await EnsureSuccessAsync(response, what, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return JsonDocument.Parse(text).RootElement.Clone();
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new CliUsageException($"cannot {what}: {(int)response.StatusCode} {Describe(text, response.StatusCode)}");
    }

    /// <summary>The message of an api.md §11 error body: <c>detail.message</c>, a 422 list, or <c>detail</c> as text.</summary>
    private static string Describe(string body, HttpStatusCode status)
    {
        try
        {
            var detail = JsonDocument.Parse(body).RootElement.GetProperty("detail");
            return detail.ValueKind switch
            {
                JsonValueKind.String => detail.GetString()!,
                JsonValueKind.Object when detail.TryGetProperty("message", out var m) => m.GetString()!,
                JsonValueKind.Array => string.Join(Environment.NewLine + "  ", detail.EnumerateArray().Select(i => i.GetProperty("msg").GetString())),
                _ => body,
            };
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return string.IsNullOrWhiteSpace(body) ? status.ToString() : body;
        }
    }
}
