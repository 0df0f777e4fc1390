using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Avatars.Server.Storage;
using Avatars.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Avatars.Server.Tests.Storage.StorageTestSupport;

namespace Avatars.Server.Tests.Storage;

/// <summary>The local backend's signed storage URLs over HTTP against a real server.</summary>
public sealed class StorageEndpointTests
{
    private readonly Guid user = Guid.NewGuid();

    [Fact]
    public async Task A_signed_put_then_get_round_trips_the_bytes_with_download_headers()
    {
        await using var server = await TestServer.StartAsync();
        var key = StorageKeys.Input(user, "iris.csv");
        var data = "sepal_length,variety\n5.1,Setosa\n"u8.ToArray();
        using var put = await server.Http.PutAsync(Url(server, key, SignedUrlMethod.Put), new ByteArrayContent(data), Ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var etag = put.Headers.ETag;
        Assert.NotNull(etag);

        using var get = await server.Http.GetAsync(Url(server, key, SignedUrlMethod.Get), Ct);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(data, await get.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(etag, get.Headers.ETag);
        Assert.Equal("text/csv; charset=utf-8", get.Content.Headers.ContentType?.ToString());
        Assert.Equal("attachment", get.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("iris.csv", get.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("sandbox", get.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", get.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(get.Headers.CacheControl?.Private);
        Assert.True(get.Headers.CacheControl?.NoStore);
        Assert.Equal(data, await ReadAllAsync(Store(server), key));
    }

    [Theory]
    [InlineData("text/csv")]
    [InlineData("application/json")]
    [InlineData("application/octet-stream")]
    public async Task Any_request_content_type_is_accepted_and_ignored(string contentType)
    {
        await using var server = await TestServer.StartAsync();
        var key = StorageKeys.Input(user, "typed.csv");
        var content = new ByteArrayContent("{}"u8.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var put = await server.Http.PutAsync(Url(server, key, SignedUrlMethod.Put), content, Ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var get = await server.Http.GetAsync(Url(server, key, SignedUrlMethod.Get), Ct);
        Assert.Equal("text/csv; charset=utf-8", get.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task Head_reports_size_type_and_etag_without_a_body()
    {
        await using var server = await TestServer.StartAsync();
        var key = StorageKeys.Result(user, Guid.NewGuid(), "report.html");
        var info = await Store(server).WriteAsync(key, new MemoryStream(new byte[1234]), Ct);
        using var request = new HttpRequestMessage(HttpMethod.Head, Url(server, key, SignedUrlMethod.Get));
        using var head = await server.Http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(1234, head.Content.Headers.ContentLength);
        Assert.Equal("text/html; charset=utf-8", head.Content.Headers.ContentType?.ToString());
        Assert.Equal(info.ETag, head.Headers.ETag?.ToString());
        Assert.Equal("sandbox", head.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("attachment", head.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Range_requests_get_206_with_the_slice()
    {
        await using var server = await TestServer.StartAsync();
        var key = StorageKeys.Result(user, Guid.NewGuid(), "t.json");
        var data = RandomBytes(10_000);
        await Store(server).WriteAsync(key, new MemoryStream(data), Ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, Url(server, key, SignedUrlMethod.Get));
        request.Headers.Range = new RangeHeaderValue(100, 199);
        using var response = await server.Http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(data[100..200], await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(10_000, response.Content.Headers.ContentRange?.Length);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task A_tampered_signature_is_403_bad_signature()
    {
        await using var server = await TestServer.StartAsync();
        var key = StorageKeys.Input(user, "a.csv");
        await Store(server).WriteAsync(key, new MemoryStream([1]), Ct);
        var url = Url(server, key, SignedUrlMethod.Get);
        var tampered = url[..^2] + (url[^2] == 'A' ? "BB" : "AA");
        await AssertBadSignatureAsync(await server.Http.GetAsync(tampered, Ct));
        var otherKey = url.Replace("/input/a.csv", "/input/b.csv", StringComparison.Ordinal);
        await AssertBadSignatureAsync(await server.Http.GetAsync(otherKey, Ct));
        var noSignature = url[..url.IndexOf("&signature=", StringComparison.Ordinal)];
        await AssertBadSignatureAsync(await server.Http.GetAsync(noSignature, Ct));
        await AssertBadSignatureAsync(await server.Http.PutAsync(url, new ByteArrayContent([2]), Ct));
    }

    [Fact]
    public async Task Expired_urls_and_urls_beyond_seven_days_are_403()
    {
        await using var server = await TestServer.StartAsync();
        var key = StorageKeys.Input(user, "a.csv");
        await Store(server).WriteAsync(key, new MemoryStream([1]), Ct);
        await AssertBadSignatureAsync(await server.Http.GetAsync(Url(server, key, SignedUrlMethod.Get, DateTimeOffset.UtcNow.AddSeconds(-5)), Ct));
        await AssertBadSignatureAsync(await server.Http.GetAsync(Url(server, key, SignedUrlMethod.Get, DateTimeOffset.UtcNow.AddDays(8)), Ct));
        using var ok = await server.Http.GetAsync(Url(server, key, SignedUrlMethod.Get, DateTimeOffset.UtcNow.AddDays(6)), Ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task A_put_to_a_results_key_is_403_and_writes_nothing()
    {
        await using var server = await TestServer.StartAsync();
        var key = StorageKeys.Result(user, Guid.NewGuid(), "t.csv");
        await AssertBadSignatureAsync(await server.Http.PutAsync(Url(server, key, SignedUrlMethod.Put), new ByteArrayContent([1, 2]), Ct));
        Assert.Null(await Store(server).GetInfoAsync(key, Ct));
    }

    [Fact]
    public async Task Keys_outside_the_user_areas_are_403_even_when_signed()
    {
        await using var server = await TestServer.StartAsync();
        var health = "_health/" + Guid.NewGuid().ToString("N");
        await Store(server).WriteAsync(health, new MemoryStream([1]), Ct);
        await AssertBadSignatureAsync(await server.Http.GetAsync(Url(server, health, SignedUrlMethod.Get), Ct));
        var traversal = Url(server, StorageKeys.Input(user, "a.csv"), SignedUrlMethod.Get).Replace("/input/a.csv", "/input/%2E%2E/%2E%2E/a.csv", StringComparison.Ordinal);
        await AssertBadSignatureAsync(await server.Http.GetAsync(traversal, Ct));
        await AssertBadSignatureAsync(await server.Http.GetAsync("api/storage/?expires=1&signature=x", Ct));
        await AssertBadSignatureAsync(await server.Http.GetAsync($"api/storage/{user:D}/input/a.csv", Ct));
        await AssertBadSignatureAsync(await server.Http.GetAsync($"api/storage/{user:D}/input/a.csv?expires=1&expires=2&signature=x", Ct));
    }

    [Fact]
    public async Task A_valid_url_for_a_missing_object_is_404()
    {
        await using var server = await TestServer.StartAsync();
        var key = StorageKeys.Input(user, "gone.csv");
        using var get = await server.Http.GetAsync(Url(server, key, SignedUrlMethod.Get), Ct);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        var body = JsonDocument.Parse(await get.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("not_found", body.GetProperty("detail").GetProperty("code").GetString());
        using var request = new HttpRequestMessage(HttpMethod.Head, Url(server, key, SignedUrlMethod.Get));
        using var head = await server.Http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
    }

    [Fact]
    public async Task Uploads_over_the_limit_are_413_and_leave_no_file()
    {
        await using var server = await TestServer.StartAsync(o => o.Limits.MaxUploadBytes = 4096);
        var key = StorageKeys.Input(user, "big.bin");
        var url = Url(server, key, SignedUrlMethod.Put);

        using var declared = await server.Http.PutAsync(url, new ByteArrayContent(new byte[5000]), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        var body = JsonDocument.Parse(await declared.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("limit_exceeded", body.GetProperty("detail").GetProperty("code").GetString());

        using var chunked = await server.Http.PutAsync(url, new StreamContent(new NonSeekableStream(new byte[20_000])), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);

        Assert.Empty(Directory.EnumerateFiles(LocalRoot(server), "*", SearchOption.AllDirectories));

        using var atLimit = await server.Http.PutAsync(url, new StreamContent(new NonSeekableStream(new byte[4096])), Ct);
        Assert.Equal(HttpStatusCode.OK, atLimit.StatusCode);
        Assert.Equal(4096, (await Store(server).GetInfoAsync(key, Ct))!.Size);
    }

    [Fact]
    public async Task Uploads_above_the_api_body_limit_are_accepted_up_to_the_upload_limit()
    {
        await using var server = await TestServer.StartAsync(o => o.Limits.MaxRequestBodyBytes = 1024);
        var key = StorageKeys.Input(user, "medium.bin");
        var data = RandomBytes(3 << 20);
        using var put = await server.Http.PutAsync(Url(server, key, SignedUrlMethod.Put), new ByteArrayContent(data), Ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(data, await ReadAllAsync(Store(server), key));
    }

    [Theory]
    [InlineData("données été/rapport final #1 (v2) + 50%.csv", "text/csv; charset=utf-8")]
    [InlineData(".hidden/a%2Fb?&=;.json", "application/json")]
    [InlineData("日本語 テーブル.pdf", "application/pdf")]
    [InlineData("emoji 😀~.bin", "application/octet-stream")]
    public async Task Special_characters_in_file_names_round_trip_over_http(string fileName, string contentType)
    {
        await using var server = await TestServer.StartAsync();
        var key = StorageKeys.Input(user, fileName);
        var data = RandomBytes(777);
        using var put = await server.Http.PutAsync(Url(server, key, SignedUrlMethod.Put), new ByteArrayContent(data), Ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal([key], (await ListAllAsync(Store(server), StorageKeys.InputPrefix(user))).Select(i => i.Key));
        using var get = await server.Http.GetAsync(Url(server, key, SignedUrlMethod.Get), Ct);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(data, await get.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(contentType, get.Content.Headers.ContentType?.ToString());
        Assert.Equal(fileName[(fileName.LastIndexOf('/') + 1)..], get.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task Storage_health_uses_the_local_store()
    {
        await using var server = await TestServer.StartAsync();
        Assert.True(Directory.Exists(LocalRoot(server)));
        using var response = await server.Http.GetAsync("api/health/storage", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_storage_operations_and_their_query_parameters()
    {
        await using var server = await TestServer.StartAsync();
        var document = JsonDocument.Parse(await server.Http.GetStringAsync("api/openapi.json", Ct)).RootElement;
        var paths = document.GetProperty("paths");
        var storage = paths.EnumerateObject().Single(p => p.Name.StartsWith("/api/storage/", StringComparison.Ordinal)).Value;
        foreach (var (method, id) in new[] { ("put", "put_storage_object"), ("get", "get_storage_object"), ("head", "head_storage_object") })
        {
            var operation = storage.GetProperty(method);
            Assert.Equal(id, operation.GetProperty("operationId").GetString());
            Assert.Equal("storage", operation.GetProperty("tags")[0].GetString());
            var names = operation.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
            Assert.Contains("expires", names);
            Assert.Contains("signature", names);
            Assert.False(operation.TryGetProperty("security", out _));
        }

        var body = storage.GetProperty("put").GetProperty("requestBody").GetProperty("content").GetProperty("application/octet-stream").GetProperty("schema");
        Assert.Equal("binary", body.GetProperty("format").GetString());

        var upload = paths.GetProperty("/api/upload_url").GetProperty("post");
        Assert.Equal("create_upload_url", upload.GetProperty("operationId").GetString());
        Assert.Equal("storage", upload.GetProperty("tags")[0].GetString());
        Assert.True(upload.TryGetProperty("security", out _));
        var request = document.GetProperty("components").GetProperty("schemas").GetProperty("UploadUrlRequest");
        Assert.Equal(["file_name"], request.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
    }

    private static IObjectStore Store(TestServer server) => server.Server.Services.GetRequiredService<IObjectStore>();

    private static string LocalRoot(TestServer server) => server.Server.Services.GetRequiredService<LocalObjectStore>().Root;

    private static string Url(TestServer server, string key, SignedUrlMethod method, DateTimeOffset? expiresAt = null) =>
        Store(server).CreateSignedUrl(key, method, expiresAt ?? DateTimeOffset.UtcNow.AddMinutes(5), server.Server.BaseAddress).AbsoluteUri;

    private static async Task AssertBadSignatureAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
            Assert.Equal("bad_signature", body.GetProperty("detail").GetProperty("code").GetString());
            Assert.Equal("invalid or expired URL", body.GetProperty("detail").GetProperty("message").GetString());
        }
    }
}
