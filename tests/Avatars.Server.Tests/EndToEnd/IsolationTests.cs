using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Avatars.Server.Tests.Infrastructure;

namespace Avatars.Server.Tests.EndToEnd;

/// <summary>
/// The security acceptance over HTTP (api.md §21): user B cannot read, list, cancel or download anything of
/// user A — every attempt answers 404 like a missing object — and forged or tampered storage URLs get 403.
/// </summary>
public sealed class IsolationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Another_user_sees_nothing_of_alices_sets_jobs_results_keys_or_files()
    {
        await using var server = await TestServer.StartAsync();
        using var alice = await ApiSession.CreateUserAsync(server, "alice");
        using var bob = await ApiSession.CreateUserAsync(server, "bob");
        await alice.UploadAsync("patients.csv", await FlowData.PatientsCsvAsync(80));
        var set = await alice.PutResourcesAsync("alice_set", FlowData.Yaml());
        var job = await alice.CreateJobAsync(set, "standard");
        await alice.WaitForFinishedAsync(job);
        var shuffledUrl = (await alice.GetResultsAsync(job))["shuffled"][0];
        var aliceKey = await alice.CreateApiKeyAsync();
        var aliceKeyId = (await alice.GetJsonAsync("api/api-keys"))[0].GetProperty("id").GetString();

        // Read, list, cancel: 404 or empty lists, never a 403 that would confirm the object exists.
        foreach (var path in new[] { $"api/resources/{set}", $"api/jobs/{job}", $"api/results/{job}", $"api/api-keys/{aliceKeyId}", $"api/users/{alice.UserId}" })
        {
            using var response = await bob.Http.GetAsync(path, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {path} as bob: {(int)response.StatusCode}");
        }

        using (var cancel = await bob.Http.DeleteAsync($"api/jobs/{job}", Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        }

        using (var revoke = await bob.Http.DeleteAsync($"api/api-keys/{aliceKeyId}", Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        }

        Assert.Equal(0, (await bob.GetJsonAsync("api/jobs")).GetProperty("jobs").GetArrayLength());
        Assert.Equal(0, (await bob.GetJsonAsync("api/resources")).GetProperty("sets").GetArrayLength());
        Assert.Equal(0, (await bob.GetJsonAsync("api/api-keys")).GetArrayLength());

        // Bob's resource set cannot name Alice's upload: file names resolve in his own area only.
        using (var content = new StringContent(FlowData.Yaml(), System.Text.Encoding.UTF8, "application/yaml"))
        using (var put = await bob.Http.PutAsync("api/resources/steal", content, Ct))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, put.StatusCode);
            Assert.Contains("file_not_found", await put.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        // Upload names cannot climb out of the caller's area.
        foreach (var name in new[] { $"../{alice.UserId}/input/patients.csv", "/etc/passwd", "a/../../b.csv", "a\\b.csv" })
        {
            using var response = await bob.Http.PostAsJsonAsync("api/upload_url", new { file_name = name }, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"upload_url '{name}': {(int)response.StatusCode}");
        }

        // Alice's signed URL works without credentials; any change to it is refused with 403.
        using var anonymous = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(shuffledUrl, Ct)).StatusCode);
        var tampered = shuffledUrl[..^3] + (shuffledUrl[^3..] == "AAA" ? "BBB" : "AAA");
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync(tampered, Ct)).StatusCode);
        var otherKey = shuffledUrl.Replace(alice.UserId.ToString("D"), bob.UserId.ToString("D"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync(otherKey, Ct)).StatusCode);
        var uploadVerb = new HttpRequestMessage(HttpMethod.Put, shuffledUrl) { Content = new ByteArrayContent([1, 2, 3]) };
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.SendAsync(uploadVerb, Ct)).StatusCode);

        // Alice's API key authenticates as Alice only, and an admin cannot read her results either.
        using var viaKey = ApiSession.WithApiKey(server, aliceKey);
        Assert.Equal(alice.UserId.ToString("D"), (await viaKey.GetJsonAsync("api/users/me")).GetProperty("id").GetString());
        using var admin = await ApiSession.LoginAdminAsync(server);
        using (var adminResults = await admin.Http.GetAsync($"api/results/{job}", Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, adminResults.StatusCode);
        }

        var all = await admin.GetJsonAsync("api/jobs?all_users=true");
        Assert.Contains(all.GetProperty("jobs").EnumerateArray(), j => j.GetProperty("name").GetString() == job);
    }

    [Fact]
    public async Task An_expired_download_url_is_refused()
    {
        await using var server = await TestServer.StartAsync(o => o.Storage.DownloadUrlLifetime = TimeSpan.FromSeconds(1));
        using var alice = await ApiSession.CreateUserAsync(server, "alice");
        await alice.UploadAsync("patients.csv", await FlowData.PatientsCsvAsync(60));
        var job = await alice.CreateJobAsync(await alice.PutResourcesAsync("s", FlowData.Yaml()), "standard");
        await alice.WaitForFinishedAsync(job);
        var url = (await alice.GetResultsAsync(job))["shuffled"][0];
        await Task.Delay(TimeSpan.FromSeconds(2.2), Ct);
        using var anonymous = new HttpClient();
        using var response = await anonymous.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("bad_signature", JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("detail").GetProperty("code").GetString());
    }
}
