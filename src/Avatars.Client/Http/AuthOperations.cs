using Avatars.Client.Models;
using G = Avatars.Client.Generated;

namespace Avatars.Client.Http;

/// <summary>Operation group <c>auth</c>: login and refresh, without touching the client's credentials (use <see cref="AvatarsApiClient.AuthenticateAsync"/>).</summary>
public sealed class AuthOperations
{
    private readonly G.AuthClient _client;

    internal AuthOperations(G.AuthClient client) => _client = client;

    /// <summary><c>POST /login</c> (form <c>username</c>, <c>password</c>, <c>scope=""</c>).</summary>
    /// <param name="username">User name or e-mail.</param>
    /// <param name="password">Password.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The token pair.</returns>
    public async Task<LoginResponse> LoginAsync(string username, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(password);
        var body = new G.Login { Username = username, Password = password, Scope = string.Empty };
        return (await _client.LoginAsync(body, cancellationToken).ConfigureAwait(false)).ToModel();
    }

    /// <summary><c>POST /refresh</c> (form <c>token</c>): a new pair; the given refresh token is spent.</summary>
    /// <param name="refreshToken">The refresh token.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The new token pair.</returns>
    public async Task<LoginResponse> RefreshAsync(string refreshToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(refreshToken);
        return (await _client.Refresh_formAsync(new G.RefreshForm { Token = refreshToken }, cancellationToken).ConfigureAwait(false)).ToModel();
    }
}
