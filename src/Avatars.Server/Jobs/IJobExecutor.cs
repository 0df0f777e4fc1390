using Avatars.Server.Persistence.Entities;

namespace Avatars.Server.Jobs;

/// <summary>
/// Executes one claimed job to its end: prepares the context, runs the kind's runner under the job's lease and
/// records the outcome (finished, error, cancelled clean-up, or back to pending on shutdown). Never throws for
/// job failures. The in-process implementation is <see cref="InProcessJobExecutor"/>; another could hand the job to
/// a separate worker process.
/// </summary>
internal interface IJobExecutor
{
    /// <summary>Runs <paramref name="job"/> (status running, leased to this process); <paramref name="shutdownToken"/> stops it for a graceful shutdown.</summary>
    Task ExecuteAsync(JobEntity job, CancellationToken shutdownToken);
}
