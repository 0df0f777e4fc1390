namespace Avatars.Client.Http;

/// <summary>Settings of <see cref="AvatarsApiClient"/> (Python <c>ApiClient</c> arguments, sdk.md §5.1).</summary>
public sealed class AvatarsClientOptions
{
    /// <summary>The API root including <c>/api</c>, e.g. <c>https://avatar.example.com/api</c>. Must not contain quotes.</summary>
    public Uri BaseUrl { get; set; } = new("https://www.octopize.app/api");

    /// <summary>Timeout of one API request attempt (default 60 s); <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Timeout of one signed-URL transfer attempt (PUT or GET); infinite by default.</summary>
    public TimeSpan TransferTimeout { get; set; } = System.Threading.Timeout.InfiniteTimeSpan;

    /// <summary>False accepts any server certificate (on-premise servers); applies to API calls and signed-URL transfers.</summary>
    public bool ShouldVerifySsl { get; set; } = true;

    /// <summary>When true, authenticated endpoints throw <c>You are not authenticated.</c> before any request without credentials.</summary>
    public bool VerifyAuth { get; set; } = true;

    /// <summary>Retries after a transport failure (20 → 21 attempts in total); also bounds the waits on 429.</summary>
    public int MaxRetries { get; set; } = 20;

    /// <summary>Cap of the exponential back-off between retries (1, 2, 4, 5, 5, … s by default).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Longest <c>Retry-After</c> the client waits for on a <c>429</c> (default 60 s); a longer one (e.g. a login
    /// lock-out) surfaces at once as <see cref="AvatarsApiException"/>.
    /// </summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Sleep between two polls of a job (used by the Runner), and between two <c>GET &lt;Location&gt;</c> answering
    /// <c>202</c> after a <c>201</c> with a <c>Location</c> header (sdk.md §5.3 #9).
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Maximum wait for a job (used by the Runner); null waits until done or cancelled.</summary>
    public TimeSpan? JobTimeout { get; set; }

    /// <summary>An API key: every request then sends <c>Authorization: api-key-v1 &lt;key&gt;</c>; login and refresh are disabled.</summary>
    public string? ApiKey { get; set; }

    /// <summary>When true, the first authenticated call is preceded by <c>GET /check_client</c>; <c>incompatible</c> throws.</summary>
    public bool ShouldVerifyCompatibility { get; set; } = true;
}
