namespace Avatars.Client.Models;

/// <summary>Answer of <c>GET /api/health</c>.</summary>
/// <param name="Message">Always <c>ok</c>.</param>
/// <param name="Version">API version.</param>
public sealed record HealthResponse(string Message, string Version);
