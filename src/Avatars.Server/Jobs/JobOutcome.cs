namespace Avatars.Server.Jobs;

/// <summary>How a run ended, as the executor records it.</summary>
internal enum JobOutcomeKind
{
    /// <summary>The runner completed: <c>finished</c>.</summary>
    Finished,

    /// <summary>The job failed: <c>error</c> with a message.</summary>
    Error,

    /// <summary>The owner cancelled it: delete what it wrote.</summary>
    Cancelled,

    /// <summary>Graceful shutdown: back to <c>pending</c>.</summary>
    Requeue,

    /// <summary>The lease was lost to another process: touch nothing.</summary>
    Abandoned,
}

/// <summary>The outcome of a run.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Message">The <c>exception</c> of an <see cref="JobOutcomeKind.Error"/>.</param>
internal sealed record JobOutcome(JobOutcomeKind Kind, string Message = "");
