using Avatars.Client.Models;
using Microsoft.Extensions.Logging;

namespace Avatars.Client.Http;

/// <summary>Credentials of one client: the token pair or the API key, and the serialized refresh (sdk.md §5.2).</summary>
internal sealed class AuthSession
{
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private readonly ILogger _logger;
    private volatile AuthTokens? _tokens;

    /// <summary>Creates the session.</summary>
    public AuthSession(string? apiKey, ILogger logger)
    {
        ApiKey = string.IsNullOrEmpty(apiKey) ? null : apiKey;
        _logger = logger;
    }

    /// <summary>The API key, when the client uses one.</summary>
    public string? ApiKey { get; }

    /// <summary>The current token pair (null before login or with an API key).</summary>
    public AuthTokens? Tokens
    {
        get => _tokens;
        set => _tokens = value;
    }

    /// <summary>Exchanges a refresh token for a new pair; set by the client.</summary>
    public Func<string, CancellationToken, Task<AuthTokens>>? Refresher { get; set; }

    /// <summary>The <c>Authorization</c> value to send, or null without credentials.</summary>
    public string? AuthorizationValue =>
        ApiKey is not null ? "api-key-v1 " + ApiKey : _tokens is { } tokens ? "Bearer " + tokens.Access : null;

    /// <summary>
    /// Refreshes after a <c>credentials expired</c> answer to a request sent with <paramref name="usedAuthorization"/>.
    /// Concurrent callers wait for one refresh and reuse its tokens. A failed refresh call throws its own error.
    /// </summary>
    /// <returns>True when the request can be replayed with new credentials.</returns>
    public async Task<bool> RefreshAsync(string? usedAuthorization, CancellationToken cancellationToken)
    {
        if (ApiKey is not null)
        {
            _logger.LogWarning("Authentication refresh needed but not configured");
            return false;
        }

        await _refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = _tokens;
            if (current is null)
            {
                _logger.LogWarning("Client is not authenticated, cannot refresh auth");
                return false;
            }

            if (!string.Equals(usedAuthorization, "Bearer " + current.Access, StringComparison.Ordinal))
            {
                return true; // another request refreshed meanwhile
            }

            if (current.Refresh is null)
            {
                _logger.LogWarning("Cannot refresh auth with refresh token");
                return false;
            }

            if (Refresher is null)
            {
                _logger.LogWarning("Authentication refresh needed but not configured");
                return false;
            }

            _tokens = await Refresher(current.Refresh, cancellationToken).ConfigureAwait(false);
            return true;
        }
        finally
        {
            _refreshGate.Release();
        }
    }
}
