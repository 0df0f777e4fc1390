using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Avatars.Server.Tests.Infrastructure;

namespace Avatars.Server.Tests.Auth;

public sealed class UserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Admin_endpoints_refuse_users_with_403()
    {
        await using var server = await TestServer.StartAsync();
        using var alice = await ApiSession.CreateUserAsync(server, "alice");
        var calls = new Func<Task<HttpResponseMessage>>[]
        {
            () => alice.Http.GetAsync("api/users", Ct),
            () => alice.Http.PostAsJsonAsync("api/users", new { username = "eve", password = "eve-password-123" }, Ct),
            () => alice.Http.PatchAsJsonAsync($"api/users/{alice.UserId}", new { role = "admin" }, Ct),
            () => alice.Http.DeleteAsync($"api/users/{alice.UserId}", Ct),
        };
        foreach (var call in calls)
        {
            using var response = await call();
            var body = await AuthAssert.ErrorAsync(response, HttpStatusCode.Forbidden, "forbidden", "admin role required");
        }
    }

    [Fact]
    public async Task Users_see_only_their_own_record()
    {
        await using var server = await TestServer.StartAsync();
        using var alice = await ApiSession.CreateUserAsync(server, "alice");
        using var bob = await ApiSession.CreateUserAsync(server, "bob");
        using var admin = await ApiSession.LoginAdminAsync(server);

        Assert.Equal("alice", (await alice.GetJsonAsync($"api/users/{alice.UserId}")).GetProperty("username").GetString());
        using (var other = await bob.Http.GetAsync($"api/users/{alice.UserId}", Ct))
        {
            await AuthAssert.ErrorAsync(other, HttpStatusCode.NotFound, "not_found");
        }

        using (var missing = await bob.Http.GetAsync($"api/users/{Guid.NewGuid()}", Ct))
        {
            Assert.Equal((await AuthAssert.JsonAsync(missing)).ToString(), (await AuthAssert.JsonAsync(await bob.Http.GetAsync($"api/users/{alice.UserId}", Ct))).ToString());
        }

        Assert.Equal("alice", (await admin.GetJsonAsync($"api/users/{alice.UserId}")).GetProperty("username").GetString());
    }

    [Fact]
    public async Task Admin_lists_and_filters_users()
    {
        await using var server = await TestServer.StartAsync();
        using var admin = await ApiSession.LoginAdminAsync(server);
        await admin.CreateUserAsync("alice", email: "alice@example.org");
        await admin.CreateUserAsync("bob");
        var all = await admin.GetJsonAsync("api/users");
        Assert.Equal(["admin", "alice", "bob"], all.EnumerateArray().Select(u => u.GetProperty("username").GetString()!).Order().ToArray());
        var byEmail = await admin.GetJsonAsync("api/users?email=alice@example.org");
        Assert.Equal("alice", byEmail.EnumerateArray().Single().GetProperty("username").GetString());
        var byName = await admin.GetJsonAsync("api/users?username=bob");
        Assert.Equal("bob", byName.EnumerateArray().Single().GetProperty("username").GetString());
        Assert.Equal(0, (await admin.GetJsonAsync("api/users?username=nobody")).GetArrayLength());
    }

    [Fact]
    public async Task Create_user_validates_and_refuses_duplicates()
    {
        await using var server = await TestServer.StartAsync();
        using var admin = await ApiSession.LoginAdminAsync(server);
        using (var created = await admin.Http.PostAsJsonAsync("api/users", new { username = "alice", email = "alice@example.org", password = "alice-password-123" }, Ct))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var user = await AuthAssert.JsonAsync(created);
            Assert.Equal("user", user.GetProperty("role").GetString());
            Assert.Equal("alice@example.org", user.GetProperty("email").GetString());
        }

        using (var sameName = await admin.Http.PostAsJsonAsync("api/users", new { username = "ALICE", password = "alice-password-123" }, Ct))
        {
            await AuthAssert.ErrorAsync(sameName, HttpStatusCode.Conflict, "conflict");
        }

        using (var sameEmail = await admin.Http.PostAsJsonAsync("api/users", new { username = "alice2", email = "Alice@Example.org", password = "alice-password-123" }, Ct))
        {
            await AuthAssert.ErrorAsync(sameEmail, HttpStatusCode.Conflict, "conflict");
        }

        using (var badName = await admin.Http.PostAsJsonAsync("api/users", new { username = "no spaces!", password = "alice-password-123" }, Ct))
        {
            await AuthAssert.ValidationAsync(badName, "body", "username");
        }

        using (var longName = await admin.Http.PostAsJsonAsync("api/users", new { username = new string('a', 65), password = "alice-password-123" }, Ct))
        {
            await AuthAssert.ValidationAsync(longName, "body", "username");
        }

        using (var shortPassword = await admin.Http.PostAsJsonAsync("api/users", new { username = "carol", password = "short" }, Ct))
        {
            await AuthAssert.ValidationAsync(shortPassword, "body", "password");
        }

        using (var badRole = await admin.Http.PostAsJsonAsync("api/users", new { username = "carol", password = "carol-password-123", role = "root" }, Ct))
        {
            await AuthAssert.ValidationAsync(badRole, "body", "role");
        }

        using var missing = await admin.Http.PostAsJsonAsync("api/users", new { password = "carol-password-123" }, Ct);
        await AuthAssert.ValidationAsync(missing, "body", "username");
    }

    [Fact]
    public async Task Last_enabled_admin_cannot_be_demoted_disabled_or_deleted()
    {
        await using var server = await TestServer.StartAsync();
        using var admin = await ApiSession.LoginAdminAsync(server);
        foreach (var body in new object[] { new { role = "user" }, new { disabled = true } })
        {
            using var response = await admin.Http.PatchAsJsonAsync($"api/users/{admin.UserId}", body, Ct);
            await AuthAssert.ErrorAsync(response, HttpStatusCode.Conflict, "last_admin");
        }

        using (var delete = await admin.Http.DeleteAsync($"api/users/{admin.UserId}", Ct))
        {
            await AuthAssert.ErrorAsync(delete, HttpStatusCode.Conflict, "last_admin");
        }

        // With a second admin the first may step down.
        var second = await admin.CreateUserAsync("second-admin", role: "admin");
        using var demote = await admin.Http.PatchAsJsonAsync($"api/users/{admin.UserId}", new { role = "user" }, Ct);
        Assert.Equal(HttpStatusCode.OK, demote.StatusCode);
        Assert.Equal("user", (await AuthAssert.JsonAsync(demote)).GetProperty("role").GetString());
        Assert.Equal("admin", second.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Patch_changes_fields_and_invalidates_credentials_when_needed()
    {
        await using var server = await TestServer.StartAsync();
        using var admin = await ApiSession.LoginAdminAsync(server);
        using var alice = await ApiSession.CreateUserAsync(server, "alice", "alice-password-123");

        // An e-mail change keeps tokens valid.
        using (var email = await admin.Http.PatchAsJsonAsync($"api/users/{alice.UserId}", new { email = "alice@example.org" }, Ct))
        {
            Assert.Equal("alice@example.org", (await AuthAssert.JsonAsync(email)).GetProperty("email").GetString());
        }

        Assert.Equal("alice@example.org", (await alice.GetJsonAsync("api/users/me")).GetProperty("email").GetString());

        using (var clear = await admin.Http.PatchAsync($"api/users/{alice.UserId}", JsonContent.Create(new Dictionary<string, object?> { ["email"] = null }), Ct))
        {
            Assert.Equal(JsonValueKind.Null, (await AuthAssert.JsonAsync(clear)).GetProperty("email").ValueKind);
        }

        using (var bad = await admin.Http.PatchAsJsonAsync($"api/users/{alice.UserId}", new { password = "short", disabled = "yes" }, Ct))
        {
            await AuthAssert.ValidationAsync(bad, "body", "password");
        }

        using (var password = await admin.Http.PatchAsJsonAsync($"api/users/{alice.UserId}", new { password = "reset-password-123" }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, password.StatusCode);
        }

        using (var stale = await alice.Http.GetAsync("api/users/me", Ct))
        {
            await AuthAssert.ErrorAsync(stale, HttpStatusCode.Unauthorized, "invalid_credentials");
        }

        using var again = await ApiSession.LoginAsync(server, "alice", "reset-password-123");
        var key = await again.CreateApiKeyAsync();
        using (var disable = await admin.Http.PatchAsJsonAsync($"api/users/{alice.UserId}", new { disabled = true }, Ct))
        {
            Assert.True((await AuthAssert.JsonAsync(disable)).GetProperty("disabled").GetBoolean());
        }

        using (var disabledToken = await again.Http.GetAsync("api/users/me", Ct))
        {
            await AuthAssert.ErrorAsync(disabledToken, HttpStatusCode.Unauthorized, "invalid_credentials");
        }

        using var viaKey = ApiSession.WithApiKey(server, key);
        using var disabledKey = await viaKey.Http.GetAsync("api/users/me", Ct);
        await AuthAssert.ErrorAsync(disabledKey, HttpStatusCode.Unauthorized, "invalid_api_key");

        using var unknown = await admin.Http.PatchAsJsonAsync($"api/users/{Guid.NewGuid()}", new { disabled = true }, Ct);
        await AuthAssert.ErrorAsync(unknown, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Delete_user_removes_the_account_and_its_credentials()
    {
        await using var server = await TestServer.StartAsync();
        using var admin = await ApiSession.LoginAdminAsync(server);
        using var alice = await ApiSession.CreateUserAsync(server, "alice", "alice-password-123");
        var key = await alice.CreateApiKeyAsync();
        using (var delete = await admin.Http.DeleteAsync($"api/users/{alice.UserId}", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
            Assert.Equal("alice", (await AuthAssert.JsonAsync(delete)).GetProperty("username").GetString());
        }

        using (var token = await alice.Http.GetAsync("api/users/me", Ct))
        {
            await AuthAssert.ErrorAsync(token, HttpStatusCode.Unauthorized, "invalid_credentials");
        }

        using (var viaKey = ApiSession.WithApiKey(server, key))
        using (var keyResponse = await viaKey.Http.GetAsync("api/users/me", Ct))
        {
            await AuthAssert.ErrorAsync(keyResponse, HttpStatusCode.Unauthorized, "invalid_api_key");
        }

        using (var login = await ApiSession.PostLoginAsync(server.Http, "alice", "alice-password-123"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        }

        using (var again = await admin.Http.DeleteAsync($"api/users/{alice.UserId}", Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        }

        // The name is free again.
        await admin.CreateUserAsync("alice");
    }

    [Fact]
    public async Task Fixed_info_endpoints()
    {
        await using var server = await TestServer.StartAsync();
        using var alice = await ApiSession.CreateUserAsync(server, "alice");
        var credits = await alice.GetJsonAsync("api/users/credits_info");
        Assert.Equal(JsonValueKind.Null, credits.GetProperty("credits").ValueKind);
        Assert.False(credits.GetProperty("is_credit_enabled").GetBoolean());
        var features = await alice.GetJsonAsync("api/users/features_info");
        Assert.Contains("avatar_parameters", features.GetProperty("feature_scopes").EnumerateArray().Select(s => s.GetString()));
    }
}
