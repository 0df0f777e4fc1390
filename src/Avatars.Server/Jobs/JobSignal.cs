using System.Threading.Channels;

namespace Avatars.Server.Jobs;

/// <summary>
/// Wakes the scheduler when a job is created or ends, so new work starts without waiting for the next poll.
/// Several notifications before a wait collapse into one.
/// </summary>
internal sealed class JobSignal
{
    private readonly Channel<bool> channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Says there may be work.</summary>
    public void Notify() => channel.Writer.TryWrite(true);

    /// <summary>Waits for a notification or the timeout; false on timeout.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            await channel.Reader.ReadAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
