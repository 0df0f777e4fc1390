using Avatars.Server.Hosting;
using Avatars.Server.Persistence;
using Avatars.Server.Persistence.Entities;
using Avatars.Server.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Avatars.Server.Jobs;

/// <summary>
/// The in-process workers: runs up to <see cref="WorkersOptions.Concurrency"/> jobs at once, claiming the oldest
/// pending job whose parents are all finished. Wakes on <see cref="JobSignal"/> (a job created or ended here) and
/// polls every <see cref="JobTimings.PollInterval"/> (jobs created by other processes, expired leases). On shutdown
/// the running jobs are stopped and go back to pending.
/// </summary>
internal sealed class JobScheduler(
    IServiceScopeFactory scopes,
    IJobExecutor executor,
    AvatarsServerOptions options,
    ServerInstance instance,
    TimeProvider time,
    JobTimings timings,
    JobSignal signal,
    ILogger<JobScheduler> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var concurrency = Math.Max(1, options.Workers.Concurrency);
        var running = new List<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                running.RemoveAll(t => t.IsCompleted);
                try
                {
                    await TickAsync(running, concurrency, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(ex, "Job scheduling failed; retrying at the next poll");
                }

                await signal.WaitAsync(timings.PollInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // The executors see the stopping token, put their jobs back to pending and return.
        await Task.WhenAll(running);
    }

    private async Task TickAsync(List<Task> running, int concurrency, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AvatarsDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        await JobRecovery.RecoverAsync(db, scope.ServiceProvider.GetService<IObjectStore>(), now, allRunning: false, logger, stoppingToken);
        await JobQueue.PropagateParentErrorsAsync(db, now, stoppingToken);
        while (running.Count < concurrency && !stoppingToken.IsCancellationRequested)
        {
            var job = await JobQueue.ClaimNextAsync(db, instance.Id, time.GetUtcNow().UtcDateTime, timings.LeaseDuration, stoppingToken);
            if (job is null)
            {
                break;
            }

            running.Add(RunAsync(job, stoppingToken));
        }
    }

    private async Task RunAsync(JobEntity job, CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await executor.ExecuteAsync(job, stoppingToken);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "The executor failed on job {Job}", job.Name);
        }
    }
}
