namespace Avatars.Client.Models;

/// <summary>The token pair of a password login (Python <c>AuthTokens</c>); refresh tokens rotate on every refresh.</summary>
/// <param name="Access">The access token, sent as <c>Authorization: Bearer …</c>.</param>
/// <param name="Refresh">The refresh token (single use), or null when the server issued none.</param>
public sealed record AuthTokens(string Access, string? Refresh);
