using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Avatars.Server.Tests.Infrastructure;

namespace Avatars.Server.Tests.Auth;

public sealed class ApiKeyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_list_use_and_revoke()
    {
        await using var server = await TestServer.StartAsync();
        using var alice = await ApiSession.CreateUserAsync(server, "alice");
        JsonElement created;
        using (var response = await alice.Http.PostAsJsonAsync("api/api-keys", new { name = "ci", expiration_days = 30 }, Ct))
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            created = await AuthAssert.JsonAsync(response);
        }

        var key = created.GetProperty("api_key");
        var plaintext = key.GetProperty("plaintext").GetString()!;
        Assert.Matches("^avk_[A-Za-z0-9_-]{43}$", plaintext);
        Assert.Equal(plaintext[..12], key.GetProperty("prefix").GetString());
        Assert.Equal("Copy this key now; it cannot be shown again.", created.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, key.GetProperty("revoked_at").ValueKind);
        Assert.Equal(JsonValueKind.Null, key.GetProperty("last_used_at").ValueKind);
        var createdAt = key.GetProperty("created_at").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromDays(30), key.GetProperty("expires_at").GetDateTimeOffset() - createdAt);

        using var viaKey = ApiSession.WithApiKey(server, plaintext);
        var me = await viaKey.GetJsonAsync("api/users/me");
        Assert.Equal("alice", me.GetProperty("username").GetString());

        await alice.CreateApiKeyAsync("second");
        var list = await viaKey.GetJsonAsync("api/api-keys");
        Assert.Equal(["second", "ci"], list.EnumerateArray().Select(k => k.GetProperty("name").GetString()!).ToArray());
        Assert.All(list.EnumerateArray(), k => Assert.False(k.TryGetProperty("plaintext", out _)));
        var ci = list.EnumerateArray().Single(k => k.GetProperty("name").GetString() == "ci");
        Assert.NotEqual(JsonValueKind.Null, ci.GetProperty("last_used_at").ValueKind);

        var id = key.GetProperty("id").GetGuid();
        var single = await alice.GetJsonAsync($"api/api-keys/{id}");
        Assert.Equal("ci", single.GetProperty("name").GetString());

        // An API-key request may revoke keys, including its own.
        using (var revoke = await viaKey.Http.DeleteAsync($"api/api-keys/{id}", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
            Assert.NotEqual(JsonValueKind.Null, (await AuthAssert.JsonAsync(revoke)).GetProperty("revoked_at").ValueKind);
        }

        using var refused = await viaKey.Http.GetAsync("api/users/me", Ct);
        await AuthAssert.ErrorAsync(refused, HttpStatusCode.Unauthorized, "invalid_api_key", "invalid API key");
    }

    [Fact]
    public async Task Unknown_or_malformed_keys_are_invalid()
    {
        await using var server = await TestServer.StartAsync();
        foreach (var key in new[] { "avk_" + new string('A', 43), "nonsense" })
        {
            using var session = ApiSession.WithApiKey(server, key);
            using var response = await session.Http.GetAsync("api/users/me", Ct);
            await AuthAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_api_key");
        }
    }

    [Fact]
    public async Task Api_key_cannot_create_keys_or_change_the_password()
    {
        await using var server = await TestServer.StartAsync();
        using var alice = await ApiSession.CreateUserAsync(server, "alice");
        using var viaKey = ApiSession.WithApiKey(server, await alice.CreateApiKeyAsync());
        using (var create = await viaKey.Http.PostAsJsonAsync("api/api-keys", new { name = "more", expiration_days = 30 }, Ct))
        {
            await AuthAssert.ErrorAsync(create, HttpStatusCode.Forbidden, "forbidden");
        }

        using var password = await viaKey.Http.PostAsJsonAsync("api/users/me/password", new { current_password = alice.Password, new_password = "another-password-1" }, Ct);
        await AuthAssert.ErrorAsync(password, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Other_users_keys_are_not_found()
    {
        await using var server = await TestServer.StartAsync();
        using var alice = await ApiSession.CreateUserAsync(server, "alice");
        using var bob = await ApiSession.CreateUserAsync(server, "bob");
        await alice.CreateApiKeyAsync("alice-key");
        var id = (await alice.GetJsonAsync("api/api-keys"))[0].GetProperty("id").GetGuid();

        using (var get = await bob.Http.GetAsync($"api/api-keys/{id}", Ct))
        {
            await AuthAssert.ErrorAsync(get, HttpStatusCode.NotFound, "not_found");
        }

        using (var delete = await bob.Http.DeleteAsync($"api/api-keys/{id}", Ct))
        {
            await AuthAssert.ErrorAsync(delete, HttpStatusCode.NotFound, "not_found");
        }

        Assert.Equal(0, (await bob.GetJsonAsync("api/api-keys")).GetArrayLength());
        using (var revokeAll = await bob.Http.DeleteAsync("api/api-keys", Ct))
        {
            Assert.Equal(0, (await AuthAssert.JsonAsync(revokeAll)).GetArrayLength());
        }

        var stillActive = await alice.GetJsonAsync($"api/api-keys/{id}");
        Assert.Equal(JsonValueKind.Null, stillActive.GetProperty("revoked_at").ValueKind);
    }

    [Fact]
    public async Task Revoke_all_and_admin_revocation()
    {
        await using var server = await TestServer.StartAsync();
        using var admin = await ApiSession.LoginAdminAsync(server);
        using var alice = await ApiSession.CreateUserAsync(server, "alice");
        var first = await alice.CreateApiKeyAsync("one");
        await alice.CreateApiKeyAsync("two");

        using (var notAdmin = await alice.Http.DeleteAsync($"api/api-keys/admin?user_id={alice.UserId}", Ct))
        {
            await AuthAssert.ErrorAsync(notAdmin, HttpStatusCode.Forbidden, "forbidden", "admin role required");
        }

        using (var both = await admin.Http.DeleteAsync($"api/api-keys/admin?user_id={alice.UserId}&api_key_id={Guid.NewGuid()}", Ct))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, both.StatusCode);
        }

        using (var none = await admin.Http.DeleteAsync("api/api-keys/admin", Ct))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
        }

        var oneId = (await alice.GetJsonAsync("api/api-keys")).EnumerateArray().Single(k => k.GetProperty("name").GetString() == "one").GetProperty("id").GetGuid();
        using (var byId = await admin.Http.DeleteAsync($"api/api-keys/admin?api_key_id={oneId}", Ct))
        {
            var revoked = await AuthAssert.JsonAsync(byId);
            Assert.Equal(HttpStatusCode.OK, byId.StatusCode);
            Assert.Equal("one", revoked.EnumerateArray().Single().GetProperty("name").GetString());
        }

        using (var viaFirst = ApiSession.WithApiKey(server, first))
        using (var refused = await viaFirst.Http.GetAsync("api/users/me", Ct))
        {
            await AuthAssert.ErrorAsync(refused, HttpStatusCode.Unauthorized, "invalid_api_key");
        }

        using (var byUser = await admin.Http.DeleteAsync($"api/api-keys/admin?user_id={alice.UserId}", Ct))
        {
            Assert.Equal(["two"], (await AuthAssert.JsonAsync(byUser)).EnumerateArray().Select(k => k.GetProperty("name").GetString()!).ToArray());
        }

        await alice.CreateApiKeyAsync("three");
        using var all = await alice.Http.DeleteAsync("api/api-keys", Ct);
        Assert.Equal(["three"], (await AuthAssert.JsonAsync(all)).EnumerateArray().Select(k => k.GetProperty("name").GetString()!).ToArray());
        Assert.All((await alice.GetJsonAsync("api/api-keys")).EnumerateArray(), k => Assert.NotEqual(JsonValueKind.Null, k.GetProperty("revoked_at").ValueKind));
    }

    [Fact]
    public async Task Validation_and_active_key_limit()
    {
        await using var server = await TestServer.StartAsync(o => o.Limits.MaxApiKeysPerUser = 2);
        using var alice = await ApiSession.CreateUserAsync(server, "alice");
        using (var badDays = await alice.Http.PostAsJsonAsync("api/api-keys", new { name = "ci", expiration_days = 90 }, Ct))
        {
            await AuthAssert.ValidationAsync(badDays, "body", "expiration_days");
        }

        using (var noName = await alice.Http.PostAsJsonAsync("api/api-keys", new { name = "", expiration_days = 30 }, Ct))
        {
            await AuthAssert.ValidationAsync(noName, "body", "name");
        }

        using (var longName = await alice.Http.PostAsJsonAsync("api/api-keys", new { name = new string('x', 256), expiration_days = 365 }, Ct))
        {
            await AuthAssert.ValidationAsync(longName, "body", "name");
        }

        await alice.CreateApiKeyAsync("one", 60);
        await alice.CreateApiKeyAsync("two", 120);
        using (var third = await alice.Http.PostAsJsonAsync("api/api-keys", new { name = "three", expiration_days = 365 }, Ct))
        {
            await AuthAssert.ErrorAsync(third, HttpStatusCode.Conflict, "api_key_limit");
        }

        // Revoked keys no longer count.
        using (await alice.Http.DeleteAsync("api/api-keys", Ct))
        {
        }

        await alice.CreateApiKeyAsync("three", 365);
    }
}
