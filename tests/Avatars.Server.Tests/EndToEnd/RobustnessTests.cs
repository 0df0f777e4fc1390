using System.Net;
using System.Text;
using System.Text.Json;
using Avatars.Server.Tests.Infrastructure;

namespace Avatars.Server.Tests.EndToEnd;

/// <summary>
/// Bad input over HTTP: every mistake gets a 422 or a job <c>error</c> whose message names the problem, and the
/// server keeps serving afterwards.
/// </summary>
public sealed class RobustnessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Bad_resource_sets_get_422_naming_the_problem_and_the_server_keeps_serving()
    {
        await using var server = await TestServer.StartAsync();
        using var user = await ApiSession.CreateUserAsync(server, "bob");
        await user.UploadAsync("patients.csv", await FlowData.PatientsCsvAsync(60));

        await Assert422Async(user, "kind: AvatarSchema\nmetadata: {name: [\n", "yaml_invalid", "invalid YAML");
        await Assert422Async(user, FlowData.Yaml().Replace("  avatarization:\n    patients:", "  avatarization:\n    visits:", StringComparison.Ordinal), "reference_error", "'visits'");
        await Assert422Async(user, FlowData.Yaml().Replace("  seed: 42", "  avatarization_dp:\n    patients:\n      epsilon: 1.0\n  seed: 42", StringComparison.Ordinal), "value_error", "not both");
        await Assert422Async(user, FlowData.Yaml(file: "missing.csv"), "file_not_found", "'missing.csv'");

        using var wrongType = new StringContent("{}", Encoding.UTF8, "application/json");
        using var response = await user.Http.PutAsync("api/resources/x", wrongType, Ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);

        var health = await server.Http.GetAsync("api/health", Ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Theory]
    [InlineData("k_too_large", "k")]
    [InlineData("binary", "patients.csv")]
    [InlineData("empty", "patients.csv")]
    [InlineData("unknown_column", "'colour'")]
    public async Task Problems_found_while_running_end_the_job_in_error_with_a_message(string problem, string named)
    {
        await using var server = await TestServer.StartAsync();
        using var user = await ApiSession.CreateUserAsync(server, "carol");
        var content = problem switch
        {
            "binary" => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52],
            "empty" => [],
            _ => await FlowData.PatientsCsvAsync(40),
        };
        await user.UploadAsync("patients.csv", content);
        var yaml = FlowData.Yaml(k: problem == "k_too_large" ? 40 : 10);
        if (problem == "unknown_column")
        {
            // The schema declares no columns, so the column is only found unknown when the job reads the file.
            yaml = yaml.Replace("      k: 10", "      k: 10\n      column_weights:\n        colour: 2", StringComparison.Ordinal);
        }

        var set = await user.PutResourcesAsync("bad", yaml);
        var standard = await user.CreateJobAsync(set, "standard");
        var privacy = await user.CreateJobAsync(set, "privacy_metrics", standard);

        var job = await user.WaitForJobAsync(standard);
        Assert.Equal("error", job.GetProperty("status").GetString());
        var message = job.GetProperty("exception").GetString()!;
        Assert.Contains(named, message, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", message, StringComparison.Ordinal);
        var child = await user.WaitForJobAsync(privacy);
        Assert.Equal("parent_error", child.GetProperty("status").GetString());

        // The server still runs good jobs afterwards.
        await user.UploadAsync("good.csv", await FlowData.PatientsCsvAsync(60));
        var good = await user.PutResourcesAsync("good", FlowData.Yaml(file: "good.csv"));
        await user.WaitForFinishedAsync(await user.CreateJobAsync(good, "standard"));
    }

    [Fact]
    public async Task Too_many_rows_end_the_job_with_the_limit_in_the_message()
    {
        await using var server = await TestServer.StartAsync(o => o.Limits.MaxRows = 50);
        using var user = await ApiSession.CreateUserAsync(server, "dave");
        await user.UploadAsync("patients.csv", await FlowData.PatientsCsvAsync(80));
        var set = await user.PutResourcesAsync("big", FlowData.Yaml());
        var job = await user.WaitForJobAsync(await user.CreateJobAsync(set, "standard"));
        Assert.Equal("error", job.GetProperty("status").GetString());
        Assert.Contains("the limit is 50", job.GetProperty("exception").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_declared_over_the_limit_gets_413_with_the_limit()
    {
        await using var server = await TestServer.StartAsync(o => o.Limits.MaxUploadBytes = 1000);
        using var user = await ApiSession.CreateUserAsync(server, "erin");
        using var response = await user.Http.PostAsync("api/upload_url", JsonBody(new { file_name = "big.csv", size = 5000 }), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("1000", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private static StringContent JsonBody(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static async Task Assert422Async(ApiSession user, string yaml, string type, string named)
    {
        using var content = new StringContent(yaml, Encoding.UTF8, "application/yaml");
        using var response = await user.Http.PutAsync("api/resources/bad", content, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode} {text}");
        var issues = JsonDocument.Parse(text).RootElement.GetProperty("detail").EnumerateArray().ToList();
        Assert.Contains(issues, i => i.GetProperty("type").GetString() == type && i.GetProperty("msg").GetString()!.Contains(named, StringComparison.Ordinal));
    }
}
