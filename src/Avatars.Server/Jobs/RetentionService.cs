using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Avatars.Server.Jobs;

/// <summary>Runs the <see cref="RetentionSweeper"/> shortly after start-up, then every <see cref="JobTimings.SweepInterval"/>.</summary>
internal sealed class RetentionService(RetentionSweeper sweeper, JobTimings timings, TimeProvider time, ILogger<RetentionService> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(timings.FirstSweepDelay, time, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await sweeper.SweepAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(ex, "Retention sweep failed; retrying at the next interval");
                }

                await Task.Delay(timings.SweepInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
