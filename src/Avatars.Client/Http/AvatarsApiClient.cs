using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using Avatars.Client.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using G = Avatars.Client.Generated;

namespace Avatars.Client.Http;

/// <summary>
/// The low-level API client (Python <c>ApiClient</c>): the generated operations (<c>Generated/</c>) behind
/// <see cref="AvatarsHttpPipeline"/>, grouped as in the Python client, plus signed-URL transfers.
/// </summary>
public sealed class AvatarsApiClient : IAvatarsApiClient, IDisposable
{
    private readonly HttpClient _http;
    private readonly AuthSession _session;
    private readonly string _baseUrl;

    /// <summary>Creates a client over a pooled <see cref="SocketsHttpHandler"/> (honouring <see cref="AvatarsClientOptions.ShouldVerifySsl"/>).</summary>
    /// <param name="options">Settings.</param>
    /// <param name="loggerFactory">Logging, or null.</param>
    public AvatarsApiClient(AvatarsClientOptions options, ILoggerFactory? loggerFactory = null)
        : this(options, CreateTransportHandler(options ?? throw new ArgumentNullException(nameof(options))), loggerFactory)
    {
    }

    /// <summary>Creates a client over the given transport (tests pass a stub handler); the client owns and disposes it.</summary>
    /// <param name="options">Settings.</param>
    /// <param name="transport">The innermost handler.</param>
    /// <param name="loggerFactory">Logging, or null.</param>
    /// <exception cref="ArgumentException">The base URL contains quotes.</exception>
    public AvatarsApiClient(AvatarsClientOptions options, HttpMessageHandler transport, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(options.BaseUrl);
        var original = options.BaseUrl.OriginalString;
        if (original.Contains('"', StringComparison.Ordinal) || options.BaseUrl.AbsoluteUri.Contains("%22", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Expected base_url not to contain quotes. Got {original} instead", nameof(options));
        }

        if (!options.BaseUrl.IsAbsoluteUri)
        {
            throw new ArgumentException($"Expected an absolute base_url. Got {original} instead", nameof(options));
        }

        RequirePositiveOrInfinite(options.Timeout, "Timeout");
        RequirePositiveOrInfinite(options.TransferTimeout, "TransferTimeout");
        if (options.MaxRetries < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxRetries, "MaxRetries must be 0 or more.");
        }

        if (options.MaxRetryDelay < TimeSpan.Zero || options.MaxRateLimitWait < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxRetryDelay and MaxRateLimitWait must not be negative.");
        }

        Options = options;
        _baseUrl = options.BaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/";
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Avatars.Client.Http");
        _session = new AuthSession(options.ApiKey, logger);
        var pipeline = new AvatarsHttpPipeline(options, _session, _baseUrl, UserAgent, logger, transport);
        _http = new HttpClient(pipeline, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };

        Auth = new AuthOperations(new G.AuthClient(_baseUrl, _http));
        Health = new HealthOperations(new G.HealthClient(_baseUrl, _http));
        Jobs = new JobsOperations(new G.JobsClient(_baseUrl, _http));
        Resources = new ResourcesOperations(new G.ResourcesClient(_baseUrl, _http));
        Results = new ResultsOperations(new G.ResultsClient(_baseUrl, _http), new G.StorageClient(_baseUrl, _http));
        Users = new UsersOperations(new G.UsersClient(_baseUrl, _http));
        ApiKeys = new ApiKeysOperations(new G.ApiKeysClient(_baseUrl, _http));

        _session.Refresher = async (refreshToken, ct) =>
        {
            var answer = await Auth.RefreshAsync(refreshToken, ct).ConfigureAwait(false);
            return new AuthTokens(answer.AccessToken, answer.RefreshToken ?? refreshToken);
        };
        pipeline.CompatibilityCheck = Health.CheckClientAsync;
    }

    /// <summary>The <c>User-Agent</c> sent with every request: <c>avatar-dotnet/&lt;version&gt;</c> (read by <c>GET /check_client</c>).</summary>
    public static string UserAgent { get; } = "avatar-dotnet/" + SdkVersion();

    /// <inheritdoc />
    public AvatarsClientOptions Options { get; }

    /// <inheritdoc />
    public AuthTokens? AuthTokens => _session.Tokens;

    /// <summary>The base URL requests are appended to (ends with <c>/</c>).</summary>
    public Uri BaseUrl => new(_baseUrl);

    /// <summary>Login and refresh.</summary>
    public AuthOperations Auth { get; }

    /// <summary>Health and compatibility endpoints.</summary>
    public HealthOperations Health { get; }

    /// <summary>Jobs.</summary>
    public JobsOperations Jobs { get; }

    /// <summary>Resource sets.</summary>
    public ResourcesOperations Resources { get; }

    /// <summary>Result URLs and upload URLs.</summary>
    public ResultsOperations Results { get; }

    /// <summary>Users.</summary>
    public UsersOperations Users { get; }

    /// <summary>API keys.</summary>
    public ApiKeysOperations ApiKeys { get; }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The client uses an API key.</exception>
    public async Task AuthenticateAsync(string username, string password, CancellationToken cancellationToken = default)
    {
        if (_session.ApiKey is not null)
        {
            throw new InvalidOperationException("Cannot authenticate with a password: the client is configured with an API key.");
        }

        var answer = await Auth.LoginAsync(username, password, cancellationToken).ConfigureAwait(false);
        _session.Tokens = new AuthTokens(answer.AccessToken, answer.RefreshToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// <c>POST /upload_url</c>, then one <c>PUT</c> of the raw bytes to the signed URL without <c>Authorization</c>
    /// (retried on transport errors); a <c>403</c> (expired or invalid URL) asks for a new URL once and retries.
    /// A non-seekable stream is copied to memory first so that attempts can be replayed.
    /// </remarks>
    public async Task<string> UploadFileAsync(string fileName, Stream content, long? size = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        var source = content;
        MemoryStream? copy = null;
        if (!content.CanSeek)
        {
            copy = new MemoryStream();
            await content.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
            copy.Position = 0;
            source = copy;
        }

        try
        {
            var start = source.Position;
            var length = source.Length - start;
            var target = await Results.GetUploadUrlAsync(fileName, size ?? length, cancellationToken).ConfigureAwait(false);
            try
            {
                await PutSignedAsync(target.Url, source, start, length, cancellationToken).ConfigureAwait(false);
            }
            catch (AvatarsApiException exception) when (exception.StatusCode == HttpStatusCode.Forbidden)
            {
                target = await Results.GetUploadUrlAsync(fileName, size ?? length, cancellationToken).ConfigureAwait(false);
                await PutSignedAsync(target.Url, source, start, length, cancellationToken).ConfigureAwait(false);
            }

            return target.Key;
        }
        finally
        {
            if (copy is not null)
            {
                await copy.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public async Task<byte[]> DownloadFileAsync(string signedUrl, CancellationToken cancellationToken = default)
    {
        var uri = AbsoluteSignedUrl(signedUrl);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Options.Set(AvatarsRequestOptions.SignedUrl, true);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The file name of a signed result URL: last path segment, query removed, percent-decoded (sdk.md §0.1).</summary>
    /// <param name="signedUrl">An absolute signed URL.</param>
    /// <returns>The file name, e.g. <c>iris.shuffled-0.csv</c>.</returns>
    public static string FileNameOf(string signedUrl)
    {
        var uri = new Uri(signedUrl, UriKind.Absolute);
        var path = uri.AbsolutePath;
        return Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
    }

    /// <inheritdoc />
    public Task<ResourceSetResponse> PutResourcesAsync(string displayName, string yaml, CancellationToken cancellationToken = default) =>
        Resources.PutResourcesAsync(displayName, yaml, cancellationToken);

    /// <inheritdoc />
    public Task<JobCreateResponse> CreateJobAsync(JobCreateRequest request, CancellationToken cancellationToken = default) =>
        Jobs.CreateJobAsync(request, cancellationToken);

    /// <inheritdoc />
    public Task<JobResponse> GetJobAsync(string jobName, CancellationToken cancellationToken = default) =>
        Jobs.GetJobStatusAsync(jobName, cancellationToken);

    /// <inheritdoc />
    public Task<JobListResponse> GetJobsAsync(JobListQuery? query = null, CancellationToken cancellationToken = default) =>
        Jobs.GetJobsAsync(query, cancellationToken);

    /// <inheritdoc />
    public Task<JobResponse> CancelJobAsync(string jobName, CancellationToken cancellationToken = default) =>
        Jobs.CancelJobAsync(jobName, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetResultsAsync(string jobName, CancellationToken cancellationToken = default) =>
        Results.GetResultsAsync(jobName, cancellationToken);

    /// <inheritdoc />
    public Task<HealthResponse> GetHealthAsync(CancellationToken cancellationToken = default) => Health.GetHealthAsync(cancellationToken);

    /// <inheritdoc />
    public Task ChangePasswordAsync(string currentPassword, string newPassword, CancellationToken cancellationToken = default) =>
        Users.ChangePasswordAsync(currentPassword, newPassword, cancellationToken);

    /// <inheritdoc />
    public Task<User> GetMeAsync(CancellationToken cancellationToken = default) => Users.GetMeAsync(cancellationToken);

    /// <inheritdoc />
    public Task<CheckClientResponse> CheckClientAsync(CancellationToken cancellationToken = default) => Health.CheckClientAsync(cancellationToken);

    /// <summary><c>AvatarsApiClient(BaseUrl=…, Timeout=…, ShouldVerifySsl=…, VerifyAuth=…)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"AvatarsApiClient(BaseUrl={Options.BaseUrl}, Timeout={Options.Timeout}, ShouldVerifySsl={Options.ShouldVerifySsl}, VerifyAuth={Options.VerifyAuth})";

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    /// <summary>The default transport: pooled connections (2 min lifetime), certificate checks off when <see cref="AvatarsClientOptions.ShouldVerifySsl"/> is false.</summary>
    internal static SocketsHttpHandler CreateTransportHandler(AvatarsClientOptions options)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) };
        if (!options.ShouldVerifySsl)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
        }

        return handler;
    }

    private static void RequirePositiveOrInfinite(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive or Timeout.InfiniteTimeSpan.");
        }
    }

    private static string SdkVersion()
    {
        var version = typeof(AvatarsApiClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(AvatarsApiClient).Assembly.GetName().Version?.ToString(3)
            ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }

    private static Uri AbsoluteSignedUrl(string signedUrl)
    {
        ArgumentException.ThrowIfNullOrEmpty(signedUrl);
        return Uri.TryCreate(signedUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new ArgumentException($"Expected an absolute http(s) signed URL. Got {signedUrl} instead", nameof(signedUrl));
    }

    private async Task PutSignedAsync(string signedUrl, Stream source, long start, long length, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, AbsoluteSignedUrl(signedUrl));
        request.Options.Set(AvatarsRequestOptions.SignedUrl, true);
        request.Options.Set(AvatarsRequestOptions.ContentFactory, () =>
        {
            source.Position = start;
            var content = new StreamContent(source);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Headers.ContentLength = length;
            return content;
        });
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
