using System.Net;
using Avatars.Client.Http;
using Avatars.Client.Models;

namespace Avatars.Client.Tests.Http;

public sealed class ClientConstructionTests
{
    [Fact]
    public void Quotes_in_the_base_url_are_rejected()
    {
        var stub = new StubHandler((_, _) => new HttpResponseMessage(HttpStatusCode.OK));
        var options = TestClients.Options(o => o.BaseUrl = new Uri("http://localhost:8000/api\""));
        var error = Assert.Throws<ArgumentException>(() => new AvatarsApiClient(options, stub));
        Assert.StartsWith("Expected base_url not to contain quotes. Got http://localhost:8000/api\" instead", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost:8000/prefix/api")]
    [InlineData("http://localhost:8000/prefix/api/")]
    public async Task Request_uris_are_the_base_url_followed_by_the_relative_path(string baseUrl)
    {
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, """{"message":"ok","version":"1.0.0"}"""));
        using var client = TestClients.Create(stub, o => o.BaseUrl = new Uri(baseUrl));
        var health = await client.Health.GetHealthAsync(TestContext.Current.CancellationToken);
        Assert.Equal("1.0.0", health.Version);
        Assert.Equal("http://localhost:8000/prefix/api/health", stub.Requests.Single().Uri.ToString());
    }

    [Fact]
    public void The_ssl_flag_reaches_the_transport_handler()
    {
        using var verifying = AvatarsApiClient.CreateTransportHandler(new AvatarsClientOptions());
        Assert.Null(verifying.SslOptions.RemoteCertificateValidationCallback);
        using var lenient = AvatarsApiClient.CreateTransportHandler(new AvatarsClientOptions { ShouldVerifySsl = false });
        Assert.NotNull(lenient.SslOptions.RemoteCertificateValidationCallback);
        Assert.True(lenient.SslOptions.RemoteCertificateValidationCallback!(this, null, null, System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors));
    }

    [Fact]
    public void ToString_lists_the_settings()
    {
        using var client = TestClients.Create(new StubHandler((_, _) => new HttpResponseMessage(HttpStatusCode.OK)));
        Assert.Equal("AvatarsApiClient(BaseUrl=http://localhost:8000/api, Timeout=00:00:30, ShouldVerifySsl=True, VerifyAuth=True)", client.ToString());
    }

    [Fact]
    public async Task A_json_answer_is_mapped_to_the_public_records()
    {
        var stub = new StubHandler((r, _) => r.Uri.AbsolutePath.EndsWith("/login", StringComparison.Ordinal)
            ? StubHandler.Json(HttpStatusCode.OK, TestClients.LoginJson)
            : StubHandler.Json(HttpStatusCode.OK, TestClients.JobJson));
        using var client = await TestClients.LoggedInAsync(stub);
        var job = await client.GetJobAsync("9a7c", TestContext.Current.CancellationToken);
        Assert.Equal("9a7c", job.Name);
        Assert.Equal(JobStatus.Running, job.Status);
        Assert.False(job.Status.IsFailure);
        Assert.Equal(0.42, job.Progress);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 10, 0, 2, TimeSpan.Zero), job.StartedAt);
        Assert.Null(job.FinishedAt);
        Assert.True(JobKindWire.TryParse(job.Kind, out var kind) && kind == JobKind.Standard);
        Assert.Equal("http://localhost:8000/api/jobs/9a7c", stub.Requests[1].Uri.ToString());
    }

    [Fact]
    public async Task An_undecodable_success_answer_surfaces_as_an_api_exception()
    {
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, "not json", ("X-Request-Id", "req-7")));
        using var client = TestClients.Create(stub);
        var error = await Assert.ThrowsAnyAsync<AvatarsApiException>(() => client.Health.GetHealthAsync(TestContext.Current.CancellationToken));
        Assert.StartsWith("Unexpected answer from the API: ", error.Message, StringComparison.Ordinal);
        Assert.Equal("req-7", error.RequestId);
    }

    [Fact]
    public async Task Every_request_carries_the_dotnet_user_agent()
    {
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, """{"message":"ok","version":"1.0.0"}"""));
        using var client = TestClients.Create(stub);
        await client.Health.GetHealthAsync(TestContext.Current.CancellationToken);
        Assert.Equal("avatar-dotnet/0.1.0", stub.Requests.Single().Headers["User-Agent"]);
        Assert.Equal("avatar-dotnet/0.1.0", AvatarsApiClient.UserAgent);
    }

    [Fact]
    public void Result_file_names_drop_the_query_and_are_percent_decoded()
    {
        Assert.Equal("iris_$*'@!?.shuffled-0.csv", AvatarsApiClient.FileNameOf("http://h/api/storage/u/results/j/iris_%24%2A%27%40%21%3F.shuffled-0.csv?expires=1&signature=x"));
    }
}
