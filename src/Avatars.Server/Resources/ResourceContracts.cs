namespace Avatars.Server.Resources;

/// <summary>Answer of <c>PUT /api/resources/{display_name}</c> (api.md §17.1).</summary>
/// <param name="SetName">The new set's id.</param>
/// <param name="DisplayName">The name it was PUT under.</param>
/// <param name="Version">1, 2, … per display name and user.</param>
/// <param name="Warnings">Ignored fields, as <c>{loc, msg, type}</c>.</param>
public sealed record ResourceSetResponse(string SetName, string DisplayName, int Version, IReadOnlyList<Api.ValidationIssue> Warnings);

/// <summary>One set in <c>GET /api/resources</c>.</summary>
/// <param name="SetName">The set's id.</param>
/// <param name="DisplayName">Its display name.</param>
/// <param name="Version">Its version.</param>
/// <param name="CreatedAt">Creation time (UTC).</param>
public sealed record ResourceSetSummary(string SetName, string DisplayName, int Version, DateTime CreatedAt);

/// <summary>Answer of <c>GET /api/resources</c>.</summary>
/// <param name="Sets">The page.</param>
/// <param name="NextCursor">Opaque cursor of the next page; null on the last page.</param>
public sealed record ResourceSetListResponse(IReadOnlyList<ResourceSetSummary> Sets, string? NextCursor);

/// <summary>Size and modification time of an upload a set refers to, checked again when a job starts (api.md §17.1).</summary>
/// <param name="File">The upload's file name.</param>
/// <param name="Size">Bytes.</param>
/// <param name="LastModified">Last write (UTC).</param>
public sealed record InputFingerprint(string File, long Size, DateTimeOffset LastModified);
