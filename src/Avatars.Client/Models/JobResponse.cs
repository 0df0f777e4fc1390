namespace Avatars.Client.Models;

/// <summary>A job as answered by <c>GET /api/jobs/{name}</c>.</summary>
/// <param name="Name">Job name.</param>
/// <param name="SetName">Resource set version.</param>
/// <param name="DisplayName">Display name of the set.</param>
/// <param name="ParametersName">Parameters document.</param>
/// <param name="Kind">Wire kind (see <see cref="JobKindWire.TryParse"/>).</param>
/// <param name="Status">Status.</param>
/// <param name="Done">True once the job left <c>pending</c> and <c>running</c>.</param>
/// <param name="Progress">Null while pending, then 0–1.</param>
/// <param name="Exception">User-readable error; empty without error.</param>
/// <param name="DependsOn">Parent names in request order.</param>
/// <param name="UserId">Owner.</param>
/// <param name="CreatedAt">Creation time.</param>
/// <param name="StartedAt">Start of the current or last run.</param>
/// <param name="FinishedAt">End time.</param>
public sealed record JobResponse(
    string Name,
    string SetName,
    string DisplayName,
    string ParametersName,
    string Kind,
    JobStatus Status,
    bool Done,
    double? Progress,
    string Exception,
    IReadOnlyList<string> DependsOn,
    string UserId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt);
