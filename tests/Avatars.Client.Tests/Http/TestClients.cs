using Avatars.Client.Http;
using Microsoft.Extensions.Logging;

namespace Avatars.Client.Tests.Http;

/// <summary>Clients over a <see cref="StubHandler"/> with fast retries.</summary>
internal static class TestClients
{
    public const string BaseUrl = "http://localhost:8000/api";

    public static AvatarsClientOptions Options(Action<AvatarsClientOptions>? configure = null)
    {
        var options = new AvatarsClientOptions
        {
            BaseUrl = new Uri(BaseUrl),
            MaxRetries = 2,
            MaxRetryDelay = TimeSpan.FromMilliseconds(1),
            ShouldVerifyCompatibility = false,
            Timeout = TimeSpan.FromSeconds(30),
        };
        configure?.Invoke(options);
        return options;
    }

    public static AvatarsApiClient Create(StubHandler stub, Action<AvatarsClientOptions>? configure = null, ILoggerFactory? loggerFactory = null) =>
        new(Options(configure), stub, loggerFactory);

    /// <summary>A client already holding tokens <c>a1</c>/<c>r1</c> (login answered by the stub's first call).</summary>
    public static async Task<AvatarsApiClient> LoggedInAsync(StubHandler stub, Action<AvatarsClientOptions>? configure = null)
    {
        var client = Create(stub, configure);
        await client.AuthenticateAsync("user", "password", TestContext.Current.CancellationToken);
        return client;
    }

    public const string LoginJson = """{"access_token":"a1","refresh_token":"r1","token_type":"bearer","expires_in":900}""";

    public const string UserJson = """{"id":"0b7d6c7e-2f3a-4c61-9a0e-5d7c1f2b8e11","organization_id":"00000000-0000-0000-0000-000000000001","username":"user","email":null,"role":"user","disabled":false,"created_at":"2026-01-05T10:00:00Z"}""";

    public const string JobJson = """{"name":"9a7c","set_name":"6b2f","display_name":"iris_k5","parameters_name":"standard","kind":"standard","status":"running","done":false,"progress":0.42,"exception":"","depends_on":[],"user_id":"3f0c","created_at":"2026-01-05T10:00:00Z","started_at":"2026-01-05T10:00:02Z","finished_at":null}""";
}
