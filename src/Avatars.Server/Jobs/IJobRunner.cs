namespace Avatars.Server.Jobs;

/// <summary>
/// Computes one kind of job (standard, metrics, report, advice) from its context: reads inputs through
/// <see cref="JobRunContext.Storage"/>, reports progress, writes result files through <see cref="JobRunContext.Results"/>.
/// A user mistake found while running is a <see cref="JobFailedException"/> with a message naming the table, column
/// or parameter; any other exception ends the job as <c>internal error (reference …)</c>.
/// </summary>
public interface IJobRunner
{
    /// <summary>The kind this runner computes.</summary>
    JobKind Kind { get; }

    /// <summary>Runs the job; honours <paramref name="cancellationToken"/> (cancel, max duration, shutdown).</summary>
    Task RunAsync(JobRunContext context, CancellationToken cancellationToken);
}
