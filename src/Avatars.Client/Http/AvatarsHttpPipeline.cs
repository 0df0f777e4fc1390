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
/// one transparent refresh on <c>credentials expired</c>, and error mapping to <see cref="AvatarsApiException"/>.
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

    private readonly AvatarsClientOptions _options;
    private readonly AuthSession _session;
    private readonly string _baseUrl;
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
        _logger = logger;
        _apiHeaders = [new("User-Agent", userAgent), new("Avatars-Accept-Created", "yes")];
        _transferHeaders = [new("User-Agent", userAgent)];
        _retry = BuildRetryPipeline(options, logger, baseUrl);
    }

    /// <summary>Calls <c>GET /check_client</c>; set by the client.</summary>
    public Func<CancellationToken, Task<CheckClientResponse>>? CompatibilityCheck { get; set; }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        var signed = request.Options.TryGetValue(AvatarsRequestOptions.SignedUrl, out var isSigned) && isSigned;
        var path = signed ? uri.AbsolutePath : RelativePath(uri);
        var anonymous = signed || AnonymousPaths.Contains(path.TrimStart('/'));
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

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _compatibilityGate.Dispose();
        }

        base.Dispose(disposing);
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
