namespace Avatars.Server.Jobs.Runners;

/// <summary><c>advice</c>: the engine has no parameter advisor yet, so the job fails with a clear message (never a made-up advice).</summary>
internal sealed class AdviceJobRunner : IJobRunner
{
    /// <summary>The job's <c>exception</c>.</summary>
    public const string NotAvailableMessage = "parameter advice is not available in this version of the server";

    /// <inheritdoc/>
    public JobKind Kind => JobKind.Advice;

    /// <inheritdoc/>
    public Task RunAsync(JobRunContext context, CancellationToken cancellationToken) =>
        Task.FromException(new JobFailedException(NotAvailableMessage));
}
