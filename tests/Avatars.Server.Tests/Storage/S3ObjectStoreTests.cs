using System.Net;
using Avatars.Server.Hosting;
using Avatars.Server.Storage;
using static Avatars.Server.Tests.Storage.StorageTestSupport;

namespace Avatars.Server.Tests.Storage;

/// <summary>
/// The S3 backend against a real S3-compatible server: <c>AVATAR_TEST_S3_ENDPOINT</c>, <c>AVATAR_TEST_S3_BUCKET</c>,
/// <c>AVATAR_TEST_S3_ACCESS_KEY_ID</c>, <c>AVATAR_TEST_S3_SECRET_ACCESS_KEY</c> (and optionally
/// <c>AVATAR_TEST_S3_REGION</c>), as printed by <c>.ci/start-s3rver.sh</c>. Skipped when they are absent.
/// Each test class instance works under its own random prefix.
/// </summary>
public sealed class S3ObjectStoreTests : ObjectStoreContractTests, IDisposable
{
    private readonly S3StorageOptions? options;
    private S3ObjectStore? store;

    public S3ObjectStoreTests()
    {
        var endpoint = Environment.GetEnvironmentVariable("AVATAR_TEST_S3_ENDPOINT");
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            options = new S3StorageOptions
            {
                ServiceUrl = endpoint,
                Bucket = Environment.GetEnvironmentVariable("AVATAR_TEST_S3_BUCKET") ?? "avatars-test",
                AccessKeyId = Environment.GetEnvironmentVariable("AVATAR_TEST_S3_ACCESS_KEY_ID") ?? "S3RVER",
                SecretAccessKey = Environment.GetEnvironmentVariable("AVATAR_TEST_S3_SECRET_ACCESS_KEY") ?? "S3RVER",
                Region = Environment.GetEnvironmentVariable("AVATAR_TEST_S3_REGION") ?? "us-east-1",
                Prefix = "tests/" + Guid.NewGuid().ToString("N") + "/",
                ForcePathStyle = true,
            };
        }
    }

    protected override IObjectStore Store => S3Store();

    public void Dispose() => store?.Dispose();

    [Fact]
    public async Task A_presigned_put_url_uploads_without_credentials()
    {
        var key = StorageKeys.Input(User, "up loaded/é+1.csv");
        var url = S3Store().CreateSignedUrl(key, SignedUrlMethod.Put, DateTimeOffset.UtcNow.AddMinutes(5), new Uri("http://unused.example/"));
        Assert.Contains("X-Amz-Signature=", url.AbsoluteUri, StringComparison.Ordinal);
        Assert.StartsWith(options!.ServiceUrl!, url.AbsoluteUri, StringComparison.Ordinal);
        var data = RandomBytes(50_000);
        using var http = new HttpClient();
        using var response = await http.PutAsync(url, new ByteArrayContent(data), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(data, await ReadAllAsync(S3Store(), key));
    }

    [Fact]
    public async Task A_presigned_get_url_downloads_as_an_attachment_with_the_content_type()
    {
        var key = StorageKeys.Result(User, Guid.NewGuid(), "iris.shuffled-0.csv");
        var data = "a,b\n1,2\n"u8.ToArray();
        await S3Store().WriteAsync(key, new MemoryStream(data), Ct);
        var url = S3Store().CreateSignedUrl(key, SignedUrlMethod.Get, DateTimeOffset.UtcNow.AddMinutes(5), new Uri("http://unused.example/"));
        Assert.Contains("response-content-disposition=attachment", url.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("response-content-type=", url.AbsoluteUri, StringComparison.Ordinal);
        using var http = new HttpClient();
        using var response = await http.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(data, await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void Presigned_urls_use_the_public_endpoint_when_set()
    {
        var publicOptions = PublicOptions();
        using var publicStore = new S3ObjectStore(publicOptions);
        var url = publicStore.CreateSignedUrl(StorageKeys.Input(User, "a.csv"), SignedUrlMethod.Put, DateTimeOffset.UtcNow.AddMinutes(5), new Uri("http://unused.example/"));
        Assert.StartsWith($"http://storage.example.test:9000/bucket/pre/{User:D}/input/a.csv?", url.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("X-Amz-Expires=", url.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Large_objects_are_uploaded_in_parts()
    {
        using var multipart = new S3ObjectStore(options ?? Skip()) { MultipartThreshold = 5L << 20, PartSize = 5L << 20 };
        var key = StorageKeys.Input(User, "big.bin");
        var data = RandomBytes((11 << 20) + 17);
        await multipart.WriteAsync(key, new NonSeekableStream(data), Ct);
        Assert.Equal(data, await ReadAllAsync(multipart, key));
        Assert.Equal(data.Length, (await multipart.GetInfoAsync(key, Ct))!.Size);
    }

    private static S3StorageOptions PublicOptions() => new()
    {
        ServiceUrl = "http://127.0.0.1:1",
        PublicServiceUrl = "http://storage.example.test:9000",
        Bucket = "bucket",
        AccessKeyId = "id",
        SecretAccessKey = "secret",
        Prefix = "pre/",
    };

    private S3ObjectStore S3Store() => store ??= new S3ObjectStore(options ?? Skip());

    private static S3StorageOptions Skip()
    {
        Assert.Skip("S3 tests need an S3-compatible server: set AVATAR_TEST_S3_ENDPOINT (started by .ci/run) to run against an S3-compatible server");
        return null!;
    }
}
