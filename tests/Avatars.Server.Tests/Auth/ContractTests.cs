using System.Net;
using System.Text;
using Avatars.Server.Tests.Infrastructure;

namespace Avatars.Server.Tests.Auth;

public sealed class ContractTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Bad_json_and_bad_query_values_are_422_and_other_media_types_415()
    {
        await using var server = await TestServer.StartAsync();
        using var admin = await ApiSession.LoginAdminAsync(server);
        using (var wrongType = await admin.Http.PostAsync("api/api-keys", new StringContent("{\"name\":\"x\",\"expiration_days\":\"abc\"}", Encoding.UTF8, "application/json"), Ct))
        {
            await AuthAssert.ValidationAsync(wrongType, "body", "expiration_days");
        }

        using (var broken = await admin.Http.PostAsync("api/users", new StringContent("{broken", Encoding.UTF8, "application/json"), Ct))
        {
            await AuthAssert.ValidationAsync(broken, "body");
        }

        using (var text = await admin.Http.PostAsync("api/users", new StringContent("username=x", Encoding.UTF8, "text/plain"), Ct))
        {
            await AuthAssert.ErrorAsync(text, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        }

        using var query = await admin.Http.DeleteAsync("api/api-keys/admin?user_id=not-a-uuid", Ct);
        await AuthAssert.ValidationAsync(query, "query", "user_id");
    }

    [Fact]
    public async Task OpenApi_lists_auth_operations_with_vendor_names_and_security()
    {
        await using var server = await TestServer.StartAsync();
        using var response = await server.Http.GetAsync("api/openapi.json", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await AuthAssert.JsonAsync(response);
        var paths = document.GetProperty("paths");
        var login = paths.GetProperty("/api/login").GetProperty("post");
        Assert.Equal("login", login.GetProperty("operationId").GetString());
        Assert.False(login.TryGetProperty("security", out _));
        Assert.True(login.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/x-www-form-urlencoded", out _));
        var createKey = paths.GetProperty("/api/api-keys").GetProperty("post");
        Assert.Equal("create_api_key", createKey.GetProperty("operationId").GetString());
        Assert.Equal(2, createKey.GetProperty("security").GetArrayLength());
        Assert.Equal("get_me", paths.GetProperty("/api/users/me").GetProperty("get").GetProperty("operationId").GetString());
        var schemas = document.GetProperty("components").GetProperty("schemas");
        foreach (var name in new[] { "LoginResponse", "User", "CreateUser", "ApiKey", "CreateApiKeyResponse", "CreditsInfo", "FeaturesInfo" })
        {
            Assert.True(schemas.TryGetProperty(name, out _), name);
        }
    }
}
