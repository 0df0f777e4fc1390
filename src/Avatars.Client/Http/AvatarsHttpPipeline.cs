using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Avatars.Client.Models;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Avatars.Client.Http;

/// <summary>
/// The hand-written HTTP pipeline under the generated client (sdk.md §5.3): credentials, auth check, compatibility check,
/// per-attempt timeout, retries on transport errors (Polly, from Microsoft.Extensions.Http.Resilience), 429 waits,
/// one transparent refresh on <c>credentials expired</c>, error mapping to <see cref="AvatarsApiException"/>, and the
/// vendor's <c>wait_created</c> protocol (§5.3 #9): a <c>201</c> with a <c>Location</c> header is followed by polling
/// <c>GET &lt;Location&gt;</c> every <see cref="AvatarsClientOptions.PollInterval"/> while it answers <c>202</c>.
/// </summary>
internal sealed class AvatarsHttpPipeline : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<bool> ReplayableKey = new("Avatars.Replayable");
    private static readonly ResiliencePropertyKey<string> PathKey = new("Avatars.Path");

    /// <summary>Endpoints sent without credentials, without auth check and without refresh (paths relative to the base URL).</summary>
    private static readonly HashSet<string> AnonymousPaths = new(StringComparer.Ordinal)
    {
        "login", "refresh", "health", "health/db", "health/storage", "check_client",
    };

    /// <summary>
    /// POSTs without side effects beyond issuing something new, safe to resend after any transport failure. Not
    /// <c>refresh</c>: a replayed refresh would present a spent token, which revokes the whole token chain.
    /// </summary>
    private static readonly HashSet<string> ReplayablePosts = new(StringComparer.Ordinal) { "login", "upload_url" };

    /// <summary>
    /// POSTs whose <c>201</c> is returned as is even with a <c>Location</c> (§5.3 #10, the vendor's <c>send_request</c>):
    /// <c>jobs</c> returns <c>{name, Location}</c> (following would wait for the job and answer a <c>JobResponse</c>);
    /// <c>api-keys</c> carries the key's plaintext, shown once (the key's own URL never returns it).
    /// </summary>
    private static readonly HashSet<string> UnfollowedCreations = new(StringComparer.Ordinal) { "jobs", "api-keys" };

    private readonly AvatarsClientOptions _options;
    private readonly AuthSession _session;
    private readonly string _baseUrl;
    private readonly Uri _baseUri;
    private readonly string _origin;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;
    private readonly KeyValuePair<string, string>[] _apiHeaders;
    private readonly KeyValuePair<string, string>[] _transferHeaders;
    private readonly SemaphoreSlim _compatibilityGate = new(1, 1);
    private volatile bool _compatibilityVerified;

    /// <summary>Creates the pipeline.</summary>
    /// <param name="options">Client options.</param>
    /// <param name="session">Credentials.</param>
    /// <param name="baseUrl">The base URL ending with <c>/</c>.</param>
    /// <param name="userAgent">The <c>User-Agent</c> value.</param>
    /// <param name="logger">Logger (category <c>Avatars.Client.Http</c>).</param>
    /// <param name="transport">The transport handler (owned).</param>
    public AvatarsHttpPipeline(AvatarsClientOptions options, AuthSession session, string baseUrl, string userAgent, ILogger logger, HttpMessageHandler transport)
        : base(transport)
    {
        _options = options;
        _session = session;
        _baseUrl = baseUrl;
        _baseUri = new Uri(baseUrl, UriKind.Absolute);
        _origin = _baseUri.GetLeftPart(UriPartial.Authority);
        _logger = logger;
        _apiHeaders = [new("User-Agent", userAgent), new("Avatars-Accept-Created", "yes")];
        _transferHeaders = [new("User-Agent", userAgent)];
        _retry = BuildRetryPipeline(options, logger, baseUrl);
    }

    /// <summary>Calls <c>GET /check_client</c>; set by the client.</summary>
    public Func<CancellationToken, Task<CheckClientResponse>>? CompatibilityCheck { get; set; }

    /// <inheritdoc />
    /// <remarks>
    /// A successful <c>201</c> carrying a <c>Location</c> header (API requests only, not the POSTs listed in
    /// <see cref="UnfollowedCreations"/>) is followed: <c>GET &lt;Location&gt;</c> through this same pipeline (credentials,
    /// retries, refresh, error mapping), sleeping <see cref="AvatarsClientOptions.PollInterval"/> while it answers
    /// <c>202</c>; the <c>201</c> response is then returned with the final response's content, so that the caller
    /// decodes the created resource as served by its <c>Location</c>.
    /// </remarks>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await SendOnceAsync(request, cancellationToken).ConfigureAwait(false);
        return CreatedLocation(request, response) is { } location
            ? await WaitCreatedAsync(response, location, cancellationToken).ConfigureAwait(false)
            : response;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _compatibilityGate.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>One logical request: auth check, retries, 429 waits, refresh, then the success check.</summary>
    private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        var signed = request.Options.TryGetValue(AvatarsRequestOptions.SignedUrl, out var isSigned) && isSigned;
        var path = signed ? uri.AbsolutePath : RelativePath(uri);
        var foreign = !string.Equals(uri.GetLeftPart(UriPartial.Authority), _origin, StringComparison.OrdinalIgnoreCase);
        var anonymous = signed || foreign || AnonymousPaths.Contains(path.TrimStart('/'));
        var method = request.Method.Method;

        if (!anonymous)
        {
            if (_options.VerifyAuth && _session.AuthorizationValue is null)
            {
                throw new InvalidOperationException(ApiErrorMapper.NotAuthenticatedMessage);
            }

            if (_options.ShouldVerifyCompatibility && !_compatibilityVerified)
            {
                await EnsureCompatibleAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        var template = await RequestTemplate.CreateAsync(request, cancellationToken).ConfigureAwait(false);
        var replayable = IsIdempotent(request.Method) || template.HasIdempotencyKey || (!signed && ReplayablePosts.Contains(path.TrimStart('/')));
        var timeout = signed ? _options.TransferTimeout : _options.Timeout;
        var headers = signed ? _transferHeaders : _apiHeaders;
        var refreshed = false;
        var rateLimitWaits = 0;
        while (true)
        {
            var authorization = anonymous ? null : _session.AuthorizationValue;
            var response = await SendWithRetriesAsync(template, authorization, headers, method, path, timeout, replayable, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && rateLimitWaits < _options.MaxRetries)
            {
                var delay = await RetryAfterAsync(response, cancellationToken).ConfigureAwait(false);
                if (delay <= _options.MaxRateLimitWait)
                {
                    rateLimitWaits++;
                    response.Dispose();
                    _logger.LogInformation("Rate limited on {Method} {Path}; retrying in {Seconds}s...", method, path, delay.TotalSeconds);
                    await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }

            if (response.StatusCode == HttpStatusCode.Unauthorized && !anonymous && !refreshed)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                if (IsCredentialsExpired(body))
                {
                    refreshed = true;
                    if (await _session.RefreshAsync(authorization, cancellationToken).ConfigureAwait(false))
                    {
                        response.Dispose();
                        continue;
                    }
                }
            }

            if (!response.IsSuccessStatusCode)
            {
                using (response)
                {
                    var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                    var requestId = response.Headers.TryGetValues("X-Request-Id", out var ids) ? ids.FirstOrDefault() : null;
                    throw ApiErrorMapper.Create(response.StatusCode, method, path, body, requestId);
                }
            }

            return response;
        }
    }

    /// <summary>
    /// The URL to follow after a <c>201</c>, or null: <c>Location</c> starting with <c>/</c> → resolved against the
    /// origin of the base URL (the project API answers <c>/api/jobs/&lt;name&gt;</c>, already prefixed); absolute http(s)
    /// URL → as is; any other relative value → appended to the base URL (httpx behaviour).
    /// </summary>
    private Uri? CreatedLocation(HttpRequestMessage request, HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Created ||
            !response.Headers.TryGetValues("Location", out var values) ||
            values.FirstOrDefault()?.Trim() is not { Length: > 0 } location ||
            (request.Options.TryGetValue(AvatarsRequestOptions.SignedUrl, out var signed) && signed) ||
            (request.Method == HttpMethod.Post && UnfollowedCreations.Contains(RelativePath(request.RequestUri!).TrimStart('/'))))
        {
            return null;
        }

        // Checked before Uri.TryCreate: on Unix "/api/jobs/x" parses as an absolute file:// URI.
        if (location.StartsWith('/'))
        {
            return new Uri(new Uri(_origin + "/", UriKind.Absolute), location);
        }

        return Uri.TryCreate(location, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps)
            ? absolute
            : new Uri(_baseUri, location);
    }

    /// <summary>
    /// Python <c>wait_created</c>: <c>GET &lt;Location&gt;</c> while it answers <c>202</c>, sleeping
    /// <see cref="AvatarsClientOptions.PollInterval"/> (cancellable); an error status throws
    /// <see cref="AvatarsApiException"/>. Returns <paramref name="created"/> carrying the final content.
    /// </summary>
    private async Task<HttpResponseMessage> WaitCreatedAsync(HttpResponseMessage created, Uri location, CancellationToken cancellationToken)
    {
        try
        {
            var interval = _options.PollInterval > TimeSpan.Zero ? _options.PollInterval : TimeSpan.Zero;
            while (true)
            {
                using var poll = new HttpRequestMessage(HttpMethod.Get, location);
                using var answer = await SendOnceAsync(poll, cancellationToken).ConfigureAwait(false);
                if (answer.StatusCode == HttpStatusCode.Accepted)
                {
                    _logger.LogDebug("Waiting for {Location} to be created; sleeping {Interval}", location, interval);
                    await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var content = new ByteArrayContent(await answer.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
                foreach (var header in answer.Content.Headers)
                {
                    if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
                    {
                        content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                    }
                }

                created.Content.Dispose();
                created.Content = content;
                return created;
            }
        }
        catch
        {
            created.Dispose();
            throw;
        }
    }

    private static ResiliencePipeline<HttpResponseMessage> BuildRetryPipeline(AvatarsClientOptions options, ILogger logger, string baseUrl)
    {
        if (options.MaxRetries <= 0)
        {
            return ResiliencePipeline<HttpResponseMessage>.Empty;
        }

        var maxDelay = options.MaxRetryDelay > TimeSpan.Zero ? options.MaxRetryDelay : TimeSpan.Zero;
        return new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                Delay = maxDelay < TimeSpan.FromSeconds(1) ? maxDelay : TimeSpan.FromSeconds(1),
                MaxDelay = maxDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } exception &&
                    !args.Context.CancellationToken.IsCancellationRequested &&
                    IsTransient(exception, args.Context.Properties.GetValue(ReplayableKey, false))),
                OnRetry = args =>
                {
                    var path = args.Context.Properties.GetValue(PathKey, string.Empty);
                    logger.LogWarning(args.Outcome.Exception, "{Message} (url={Url}, base_url={BaseUrl})", args.Outcome.Exception?.Message, path, baseUrl);
                    logger.LogInformation("Retrying in {Seconds}s...", args.RetryDelay.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>
    /// Transport failures worth another attempt. A request that is not replayable (a POST without <c>Idempotency-Key</c>)
    /// is retried only when it certainly never reached the server (name resolution, connection or TLS set-up failed).
    /// </summary>
    private static bool IsTransient(Exception exception, bool replayable) => exception switch
    {
        AttemptTimeoutException => replayable,
        HttpRequestException http => replayable || http.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError,
        IOException => replayable,
        _ => false,
    };

    private static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Options;

    private static bool IsCredentialsExpired(string body)
    {
        string? message = body;
        try
        {
            var node = JsonNode.Parse(body);
            var nested = ApiErrorMapper.Nested(node, "message");
            message = nested is null ? (node is JsonObject ? null : body) : PythonRepr.Str(nested);
        }
        catch (JsonException)
        {
            // text body
        }

        return message is not null && message.Contains("credentials expired", StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> SendWithRetriesAsync(
        RequestTemplate template,
        string? authorization,
        KeyValuePair<string, string>[] headers,
        string method,
        string path,
        TimeSpan timeout,
        bool replayable,
        CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ReplayableKey, replayable);
        context.Properties.Set(PathKey, path);
        try
        {
            return await _retry.ExecuteAsync(
                static (ctx, state) => state.Self.AttemptAsync(state.Template, state.Authorization, state.Headers, state.Timeout, ctx.CancellationToken),
                context,
                (Self: this, Template: template, Authorization: authorization, Headers: headers, Timeout: timeout)).ConfigureAwait(false);
        }
        catch (AttemptTimeoutException exception)
        {
            throw new TimeoutException($"Timeout waiting for {method.ToUpperInvariant()} on {path}", exception);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<HttpResponseMessage> AttemptAsync(
        RequestTemplate template,
        string? authorization,
        KeyValuePair<string, string>[] headers,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            attempt.CancelAfter(timeout);
        }

        var message = template.Build(authorization, headers);
        try
        {
            var response = await base.SendAsync(message, attempt.Token).ConfigureAwait(false);
            try
            {
                await response.Content.LoadIntoBufferAsync(attempt.Token).ConfigureAwait(false);
            }
            catch
            {
                response.Dispose();
                throw;
            }

            return response;
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AttemptTimeoutException(timeout, exception);
        }
    }

    private async Task EnsureCompatibleAsync(CancellationToken cancellationToken)
    {
        await _compatibilityGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_compatibilityVerified || CompatibilityCheck is null)
            {
                return;
            }

            var answer = await CompatibilityCheck(cancellationToken).ConfigureAwait(false);
            if (string.Equals(answer.Status, "incompatible", StringComparison.Ordinal))
            {
                throw new InvalidOperationException(answer.Message);
            }

            if (string.Equals(answer.Status, "unknown", StringComparison.Ordinal))
            {
                _logger.LogWarning("Client compatibility unknown: {Message}", answer.Message);
            }

            _compatibilityVerified = true;
        }
        finally
        {
            _compatibilityGate.Release();
        }
    }

    private async Task<TimeSpan> RetryAfterAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var retryAfter = response.Headers.RetryAfter;
        TimeSpan? delay = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (delay is null)
        {
            try
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                if (JsonNode.Parse(body) is JsonObject obj && obj["retry_after"] is JsonValue value &&
                    double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
                {
                    delay = TimeSpan.FromSeconds(seconds);
                }
            }
            catch (JsonException)
            {
                // no body hint
            }
        }

        var wait = delay ?? _options.MaxRetryDelay;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    /// <summary>The path relative to the base URL with a leading <c>/</c> (<c>/jobs</c>), query removed.</summary>
    private string RelativePath(Uri uri)
    {
        var text = uri.GetLeftPart(UriPartial.Path);
        return text.StartsWith(_baseUrl, StringComparison.Ordinal) ? "/" + text[_baseUrl.Length..] : uri.AbsolutePath;
    }
}
