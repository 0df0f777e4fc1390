namespace Avatars.Client.Models;

/// <summary>A page of <c>GET /api/jobs</c>.</summary>
/// <param name="Jobs">The jobs of the page.</param>
/// <param name="NextCursor">Cursor of the next page; null on the last page.</param>
public sealed record JobListResponse(IReadOnlyList<JobResponse> Jobs, string? NextCursor);
