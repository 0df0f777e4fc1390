using System.Net;
using System.Text;

namespace Avatars.Client.Tests.Http;

/// <summary>sdk.md §6.1–6.2: uploads and downloads through signed URLs, never with credentials.</summary>
public sealed class SignedUrlTransferTests
{
    private const string SignedPut = "http://storage.test/bucket/u1/input/iris.csv?X-Amz-Signature=abc";

    private static string UploadUrlJson(string url) =>
        $$"""{"url":"{{url}}","key":"u1/input/iris.csv","expires_at":"2026-01-05T10:15:00Z"}""";

    [Fact]
    public async Task An_upload_asks_for_a_url_then_puts_the_raw_bytes_without_authorization()
    {
        var stub = new StubHandler((r, _) => r.Uri.Host == "localhost"
            ? StubHandler.Json(HttpStatusCode.OK, UploadUrlJson(SignedPut))
            : new HttpResponseMessage(HttpStatusCode.OK));
        using var client = TestClients.Create(stub, o => o.ApiKey = "avk_secret");
        using var data = new MemoryStream(Encoding.UTF8.GetBytes("a,b\n1,2\n"));
        var key = await client.UploadFileAsync("iris.csv", data, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("u1/input/iris.csv", key);
        var (ask, put) = (stub.Requests[0], stub.Requests[1]);
        Assert.Equal("http://localhost:8000/api/upload_url", ask.Uri.ToString());
        Assert.Equal("""{"file_name":"iris.csv","size":8}""", ask.Body);
        Assert.Equal("api-key-v1 avk_secret", ask.Authorization);
        Assert.Equal(HttpMethod.Put, put.Method);
        Assert.Equal(SignedPut, put.Uri.ToString());
        Assert.Null(put.Authorization);
        Assert.Equal("a,b\n1,2\n", put.Body);
        Assert.Equal("application/octet-stream", put.ContentType);
    }

    [Fact]
    public async Task A_rejected_signature_gets_a_new_url_once()
    {
        var asks = 0;
        var stub = new StubHandler((r, _) =>
        {
            if (r.Uri.Host == "localhost")
            {
                return StubHandler.Json(HttpStatusCode.OK, UploadUrlJson(SignedPut + "&n=" + Interlocked.Increment(ref asks)));
            }

            return r.Uri.Query.EndsWith("n=1", StringComparison.Ordinal)
                ? StubHandler.Json(HttpStatusCode.Forbidden, """{"detail":{"message":"invalid or expired URL","code":"bad_signature"}}""")
                : new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var client = TestClients.Create(stub, o => o.ApiKey = "k");
        using var data = new MemoryStream([1, 2, 3]);
        await client.UploadFileAsync("iris.csv", data, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(4, stub.Requests.Count);
        Assert.Equal(stub.Requests[1].Body, stub.Requests[3].Body);
        Assert.EndsWith("n=2", stub.Requests[3].Uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_rejection_surfaces_as_an_api_exception_without_the_signature()
    {
        var stub = new StubHandler((r, _) => r.Uri.Host == "localhost"
            ? StubHandler.Json(HttpStatusCode.OK, UploadUrlJson(SignedPut))
            : StubHandler.Json(HttpStatusCode.Forbidden, """{"detail":{"message":"invalid or expired URL","code":"bad_signature"}}"""));
        using var client = TestClients.Create(stub, o => o.ApiKey = "k");
        using var data = new MemoryStream([1]);
        var error = await Assert.ThrowsAsync<Client.Http.AvatarsApiException>(() => client.UploadFileAsync("iris.csv", data, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("bad_signature", error.ErrorCode);
        Assert.Equal("/bucket/u1/input/iris.csv", error.RequestPath);
        Assert.DoesNotContain("Signature", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_download_sends_no_authorization_and_returns_the_bytes()
    {
        var stub = new StubHandler((_, _) => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([7, 8, 9]) });
        using var client = TestClients.Create(stub, o => o.ApiKey = "avk_secret");
        var bytes = await client.DownloadFileAsync("http://storage.test/u1/results/j1/iris.shuffled-0.csv?sig=x", TestContext.Current.CancellationToken);

        Assert.Equal([7, 8, 9], bytes);
        Assert.Null(stub.Requests.Single().Authorization);
    }

    [Fact]
    public async Task A_download_is_retried_on_transport_errors()
    {
        var stub = new StubHandler((_, i) => i == 0
            ? throw new HttpRequestException(HttpRequestError.ResponseEnded, "reset")
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([1]) });
        using var client = TestClients.Create(stub);
        Assert.Equal([1], await client.DownloadFileAsync("http://storage.test/f.csv?sig=x", TestContext.Current.CancellationToken));
        Assert.Equal(2, stub.Requests.Count);
    }
}
