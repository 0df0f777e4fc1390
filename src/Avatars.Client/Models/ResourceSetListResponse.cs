namespace Avatars.Client.Models;

/// <summary>A page of <c>GET /api/resources</c>.</summary>
/// <param name="Sets">The sets of the page.</param>
/// <param name="NextCursor">Cursor of the next page; null on the last page.</param>
public sealed record ResourceSetListResponse(IReadOnlyList<ResourceSetSummary> Sets, string? NextCursor);
