namespace Avatars.Client.Models;

/// <summary>Answer of <c>POST /api/login</c> and <c>POST /api/refresh</c>.</summary>
/// <param name="AccessToken">The access token.</param>
/// <param name="RefreshToken">The refresh token (single use).</param>
/// <param name="TokenType">Always <c>bearer</c>.</param>
/// <param name="ExpiresIn">Access token lifetime in seconds.</param>
public sealed record LoginResponse(string AccessToken, string? RefreshToken, string TokenType, int ExpiresIn);
