namespace Avatars.Server.Auth;

/// <summary>A freshly issued access and refresh token.</summary>
/// <param name="AccessToken">Bearer token for API calls.</param>
/// <param name="RefreshToken">Single-use token for <c>/api/refresh</c>.</param>
/// <param name="ExpiresIn">Access token lifetime in seconds.</param>
internal sealed record TokenPair(string AccessToken, string RefreshToken, int ExpiresIn);
