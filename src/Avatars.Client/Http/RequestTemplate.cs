using System.Net.Http.Headers;

namespace Avatars.Client.Http;

/// <summary>A request captured once and rebuilt for every attempt (an <see cref="HttpRequestMessage"/> cannot be sent twice).</summary>
internal sealed class RequestTemplate
{
    private readonly HttpMethod _method;
    private readonly Uri _uri;
    private readonly Version _version;
    private readonly HttpVersionPolicy _versionPolicy;
    private readonly List<KeyValuePair<string, IEnumerable<string>>> _headers;
    private readonly byte[]? _body;
    private readonly List<KeyValuePair<string, IEnumerable<string>>> _contentHeaders;
    private readonly Func<HttpContent>? _contentFactory;

    private RequestTemplate(HttpRequestMessage request, byte[]? body, Func<HttpContent>? contentFactory)
    {
        _method = request.Method;
        _uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        _version = request.Version;
        _versionPolicy = request.VersionPolicy;
        _headers = request.Headers.Where(h => !string.Equals(h.Key, "Authorization", StringComparison.OrdinalIgnoreCase)).ToList();
        _contentHeaders = request.Content?.Headers.ToList() ?? [];
        _body = body;
        _contentFactory = contentFactory;
    }

    /// <summary>True when the request carries an <c>Idempotency-Key</c> header.</summary>
    public bool HasIdempotencyKey => _headers.Any(h => string.Equals(h.Key, "Idempotency-Key", StringComparison.OrdinalIgnoreCase));

    /// <summary>Captures a request, buffering its body unless a content factory is attached.</summary>
    public static async Task<RequestTemplate> CreateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(AvatarsRequestOptions.ContentFactory, out var factory))
        {
            return new RequestTemplate(request, null, factory);
        }

        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new RequestTemplate(request, body, null);
    }

    /// <summary>A fresh message for one attempt.</summary>
    /// <param name="authorization">The <c>Authorization</c> value, or null to send none.</param>
    /// <param name="extraHeaders">Headers added when absent (User-Agent, …).</param>
    public HttpRequestMessage Build(string? authorization, IEnumerable<KeyValuePair<string, string>> extraHeaders)
    {
        var message = new HttpRequestMessage(_method, _uri) { Version = _version, VersionPolicy = _versionPolicy };
        foreach (var header in _headers)
        {
            message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        foreach (var header in extraHeaders)
        {
            if (!message.Headers.Contains(header.Key))
            {
                message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        if (authorization is not null)
        {
            message.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        if (_contentFactory is not null)
        {
            message.Content = _contentFactory();
        }
        else if (_body is not null)
        {
            var content = new ByteArrayContent(_body);
            foreach (var header in _contentHeaders)
            {
                content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            message.Content = content;
        }

        return message;
    }
}
