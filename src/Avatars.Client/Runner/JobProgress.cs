using Avatars.Client.Models;

namespace Avatars.Client;

/// <summary>One observation of a job while the runner waits for it (reported through <see cref="IProgress{T}"/>).</summary>
/// <param name="Kind">The job kind.</param>
/// <param name="JobName">The job name.</param>
/// <param name="Status">The status.</param>
/// <param name="Progress">Progress 0–1, or null while pending.</param>
public sealed record JobProgress(JobKind Kind, string JobName, JobStatus Status, double? Progress);
