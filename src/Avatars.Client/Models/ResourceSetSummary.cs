namespace Avatars.Client.Models;

/// <summary>One set in <c>GET /api/resources</c>.</summary>
/// <param name="SetName">The set's id.</param>
/// <param name="DisplayName">Its display name.</param>
/// <param name="Version">Its version.</param>
/// <param name="CreatedAt">Creation time.</param>
public sealed record ResourceSetSummary(string SetName, string DisplayName, int Version, DateTimeOffset CreatedAt);
