using Avatars.Server.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Avatars.Server.Jobs;

/// <summary>
/// Runs beside a job: renews its lease every <see cref="JobTimings.HeartbeatInterval"/> and writes throttled progress.
/// Every write is conditional on the job still running under this worker's lease and not being cancelled; when it
/// affects no row the job was cancelled (or the lease lost) and <see cref="Token"/> stops the runner.
/// </summary>
internal sealed class JobLeaseMonitor(
    IServiceScopeFactory scopes, JobRunInfo job, string owner, TimeProvider time, JobTimings timings, ThrottledProgress progress, ILogger logger)
    : IDisposable
{
    private readonly CancellationTokenSource stopped = new();
    private readonly CancellationTokenSource stop = new();
    private Task loop = Task.CompletedTask;

    /// <summary>Cancelled when the job was cancelled or the lease lost.</summary>
    public CancellationToken Token => stopped.Token;

    /// <summary>The owner cancelled the job.</summary>
    public bool Cancelled { get; private set; }

    /// <summary>Another process took the job over (this worker's lease expired).</summary>
    public bool LeaseLost { get; private set; }

    /// <summary>Starts the heartbeat.</summary>
    public void Start() => loop = Task.Run(() => LoopAsync(stop.Token));

    /// <summary>Stops the heartbeat and waits for it.</summary>
    public async Task StopAsync()
    {
        await stop.CancelAsync();
        await loop;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        stopped.Dispose();
        stop.Dispose();
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        var period = timings.ProgressInterval < timings.HeartbeatInterval ? timings.ProgressInterval : timings.HeartbeatInterval;
        using var timer = new PeriodicTimer(period, time);
        var lastBeat = time.GetTimestamp();
        double? written = null;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var beat = time.GetElapsedTime(lastBeat) >= timings.HeartbeatInterval;
                var value = progress.Latest;
                if (!beat && value == written)
                {
                    continue;
                }

                try
                {
                    if (!await WriteAsync(beat, value, cancellationToken))
                    {
                        await stopped.CancelAsync();
                        return;
                    }

                    written = value;
                    if (beat)
                    {
                        lastBeat = time.GetTimestamp();
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A busy or briefly unreachable database: try again at the next tick, the lease leaves a margin.
                    logger.LogWarning(ex, "Heartbeat of job {Job} failed", job.Name);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Renews the lease and/or writes progress; false when the job is no longer this worker's to run.</summary>
    private async Task<bool> WriteAsync(bool beat, double? value, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AvatarsDbContext>();
        var expires = time.GetUtcNow().UtcDateTime + timings.LeaseDuration;
        var rows = await JobQueue.Owned(db, job.Name, owner)
            .Where(j => !j.CancelRequested)
            .ExecuteUpdateAsync(
                s =>
                {
                    if (beat)
                    {
                        s.SetProperty(j => j.LeaseExpiresAt, expires);
                    }

                    // Without a lease renewal there is always a new value (the loop skips otherwise).
                    if (value is { } v)
                    {
                        s.SetProperty(j => j.Progress, v);
                    }
                },
                cancellationToken);
        if (rows == 1)
        {
            return true;
        }

        var state = await db.Jobs.IgnoreQueryFilters().AsNoTracking()
            .Where(j => j.Name == job.Name)
            .Select(j => new { j.Status, j.CancelRequested })
            .SingleOrDefaultAsync(cancellationToken);
        Cancelled = state is null || state.CancelRequested || state.Status == JobStatus.Cancelled.ToWire();
        LeaseLost = !Cancelled;
        return false;
    }
}
