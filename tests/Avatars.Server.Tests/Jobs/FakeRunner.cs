using System.Collections.Concurrent;
using Avatars.Server.Jobs;

namespace Avatars.Server.Tests.Jobs;

/// <summary>A runner double whose behaviour each test sets; records the contexts it ran.</summary>
internal sealed class FakeRunner(JobKind kind) : IJobRunner
{
    public JobKind Kind => kind;

    /// <summary>What a run does; succeeds at once by default.</summary>
    public Func<JobRunContext, CancellationToken, Task> Behavior { get; set; } = (_, _) => Task.CompletedTask;

    /// <summary>The contexts of the runs so far.</summary>
    public ConcurrentQueue<JobRunContext> Runs { get; } = new();

    /// <summary>Completes when a run starts.</summary>
    public TaskCompletionSource<JobRunContext> Started { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void ResetStarted() => Started = new TaskCompletionSource<JobRunContext>(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task RunAsync(JobRunContext context, CancellationToken cancellationToken)
    {
        Runs.Enqueue(context);
        Started.TrySetResult(context);
        return Behavior(context, cancellationToken);
    }

    /// <summary>Writes one small text file through the result writer.</summary>
    public static Task WriteAsync(JobRunContext context, string resultKey, string? table, int order, string fileName, CancellationToken cancellationToken) =>
        context.Results.WriteAsync(resultKey, table, order, fileName, async (stream, ct) =>
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(fileName);
            await stream.WriteAsync(bytes, ct);
        }, cancellationToken);

    /// <summary>Waits until cancelled (then throws, like a runner honouring its token).</summary>
    public static async Task WaitForCancellationAsync(CancellationToken cancellationToken) =>
        await Task.Delay(Timeout.Infinite, cancellationToken);
}
