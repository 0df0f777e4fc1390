using System.Text.Json.Serialization;

namespace Avatars.Server.Jobs;

/// <summary>A page of <c>GET /api/jobs</c>.</summary>
/// <param name="Jobs">The jobs of the page.</param>
/// <param name="NextCursor">Opaque cursor of the next page; null on the last page.</param>
internal sealed record JobListResponse(
    [property: JsonPropertyName("jobs")] IReadOnlyList<JobResponse> Jobs,
    [property: JsonPropertyName("next_cursor")] string? NextCursor);
