// Enabled after the auth merge: rename to UploadUrlHttpTests.cs. Needs POST /api/login (form) and GET /api/users/me
// (api.md §12.1, §14). Everything storage-specific is already covered at service level by UploadUrlIssuerTests.
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Avatars.Server.Storage;
using Avatars.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Avatars.Server.Tests.Storage.StorageTestSupport;

namespace Avatars.Server.Tests.Storage;

/// <summary><c>POST /api/upload_url</c> over HTTP, with a logged-in user.</summary>
public sealed class UploadUrlHttpTests
{
    [Fact]
    public async Task Without_credentials_upload_url_is_401()
    {
        await using var server = await TestServer.StartAsync();
        using var response = await server.Http.PostAsJsonAsync("api/upload_url", new { file_name = "iris.csv" }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_upload_url_is_issued_for_the_callers_area_and_accepts_one_put()
    {
        await using var server = await TestServer.StartAsync();
        var (token, userId) = await LoginAsync(server);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/upload_url") { Content = JsonContent.Create(new { file_name = "dir/iris é.csv", size = 12 }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await server.Http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        var key = body.GetProperty("key").GetString()!;
        Assert.Equal($"{userId}/input/dir/iris é.csv", key);
        Assert.EndsWith("Z", body.GetProperty("expires_at").GetString(), StringComparison.Ordinal);
        var url = body.GetProperty("url").GetString()!;
        Assert.StartsWith(server.Server.BaseAddress + "api/storage/" + userId + "/input/dir/iris%20%C3%A9.csv?expires=", url, StringComparison.Ordinal);

        using var put = await server.Http.PutAsync(url, new ByteArrayContent("a,b\n1,2\n3,4\n"u8.ToArray()), Ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var store = server.Server.Services.GetRequiredService<IObjectStore>();
        Assert.Equal(12, (await store.GetInfoAsync(key, Ct))!.Size);
    }

    [Fact]
    public async Task Bad_names_are_422_and_declared_sizes_over_the_limit_413()
    {
        await using var server = await TestServer.StartAsync(o => o.Limits.MaxUploadBytes = 1000);
        var (token, _) = await LoginAsync(server);

        using var traversal = await PostAsync(server, token, new { file_name = "../x.csv" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, traversal.StatusCode);
        var issue = JsonDocument.Parse(await traversal.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("detail")[0];
        Assert.Equal("file_name", issue.GetProperty("loc")[1].GetString());
        Assert.Contains("'..'", issue.GetProperty("msg").GetString(), StringComparison.Ordinal);

        using var missing = await PostAsync(server, token, new { size = 10 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);

        using var tooLarge = await PostAsync(server, token, new { file_name = "big.csv", size = 1001 });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        var detail = JsonDocument.Parse(await tooLarge.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("detail");
        Assert.Equal("limit_exceeded", detail.GetProperty("code").GetString());
        Assert.Contains("1000", detail.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostAsync(TestServer server, string token, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/upload_url") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await server.Http.SendAsync(request, Ct);
    }

    private static async Task<(string Token, string UserId)> LoginAsync(TestServer server)
    {
        using var login = await server.Http.PostAsync(
            "api/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "admin", ["password"] = TestServer.AdminPassword }),
            Ct);
        login.EnsureSuccessStatusCode();
        var token = JsonDocument.Parse(await login.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("access_token").GetString()!;
        using var me = new HttpRequestMessage(HttpMethod.Get, "api/users/me");
        me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await server.Http.SendAsync(me, Ct);
        response.EnsureSuccessStatusCode();
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("id").GetString()!;
        return (token, id);
    }
}
