namespace Avatars.Server.Jobs;

/// <summary>What one retention sweep removed.</summary>
/// <param name="UploadsDeleted">Uploads older than the upload retention.</param>
/// <param name="ResultsExpired">Jobs whose results were deleted.</param>
/// <param name="TemporaryFilesDeleted">Stale staging files of the result writer.</param>
internal sealed record RetentionSweepResult(int UploadsDeleted, int ResultsExpired, int TemporaryFilesDeleted);
