using Avatars.Config;
using Avatars.Server.Hosting;
using Avatars.Server.Persistence;
using Avatars.Server.Persistence.Entities;
using Avatars.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Avatars.Server.Jobs;

/// <summary>
/// Runs a claimed job in this process (api.md §18.4): loads its set, parameters and parents, checks the input
/// fingerprints, resolves the runner of its kind and runs it with a token that fires on cancel, on
/// <see cref="LimitsOptions.MaxJobDuration"/> and on shutdown; then records the outcome with conditional updates.
/// </summary>
internal sealed class InProcessJobExecutor(
    IServiceScopeFactory scopes,
    AvatarsServerOptions options,
    ServerInstance instance,
    TimeProvider time,
    JobTimings timings,
    JobSignal signal,
    ILogger<InProcessJobExecutor> logger) : IJobExecutor
{
    /// <summary>Result files are staged here before upload (swept by retention if a crash leaves one behind).</summary>
    public string TemporaryDirectory => Path.Combine(options.DataDirectoryFullPath, "tmp");

    /// <inheritdoc />
    public async Task ExecuteAsync(JobEntity job, CancellationToken shutdownToken)
    {
        var run = new JobRunInfo(job.UserId, job.Name);
        var progress = new ThrottledProgress();
        using var monitor = new JobLeaseMonitor(scopes, run, instance.Id, time, timings, progress, logger);
        using var duration = new CancellationTokenSource(DurationLimit(options.Limits.MaxJobDuration), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(shutdownToken, duration.Token, monitor.Token);
        logger.LogInformation("Job {Job} ({Kind}) of user {User} started (attempt {Attempt})", job.Name, job.Kind, job.UserId, job.Attempts);
        monitor.Start();
        JobOutcome outcome;
        await using (var scope = scopes.CreateAsyncScope())
        {
            try
            {
                var (runner, context) = await PrepareAsync(scope.ServiceProvider, job, progress, linked.Token);
                await runner.RunAsync(context, linked.Token);
                outcome = new JobOutcome(JobOutcomeKind.Finished);
            }
            catch (Exception ex)
            {
                outcome = Classify(ex, job, monitor, shutdownToken, duration.Token);
            }
            finally
            {
                await monitor.StopAsync();
            }
        }

        // A cancel noticed while the runner was completing anyway still wins: its results must go.
        if (monitor.Cancelled)
        {
            outcome = new JobOutcome(JobOutcomeKind.Cancelled);
        }

        await RecordAsync(job, outcome);
        logger.LogInformation("Job {Job} of user {User} ended: {Outcome}", job.Name, job.UserId, outcome.Kind);
        signal.Notify();
    }

    /// <summary>The timer of the duration limit; beyond what a timer supports (about 24 days) there is none.</summary>
    private static TimeSpan DurationLimit(TimeSpan limit) =>
        limit <= TimeSpan.Zero || limit > TimeSpan.FromDays(24) ? Timeout.InfiniteTimeSpan : limit;

    private JobOutcome Classify(Exception ex, JobEntity job, JobLeaseMonitor monitor, CancellationToken shutdownToken, CancellationToken durationToken)
    {
        // The cause is read from the tokens, not the exception type: runners may wrap cancellation.
        if (monitor.Cancelled)
        {
            return new JobOutcome(JobOutcomeKind.Cancelled);
        }

        if (monitor.LeaseLost)
        {
            return new JobOutcome(JobOutcomeKind.Abandoned);
        }

        if (shutdownToken.IsCancellationRequested)
        {
            return new JobOutcome(JobOutcomeKind.Requeue);
        }

        if (durationToken.IsCancellationRequested)
        {
            return new JobOutcome(JobOutcomeKind.Error, $"the job exceeded the maximum duration of {options.Limits.MaxJobDuration:c}");
        }

        if (ex is JobFailedException failed)
        {
            return new JobOutcome(JobOutcomeKind.Error, failed.Message);
        }

        var reference = Guid.NewGuid().ToString("N")[..16];
        logger.LogError(ex, "Job {Job} of user {User} failed unexpectedly (reference {Reference})", job.Name, job.UserId, reference);
        return new JobOutcome(JobOutcomeKind.Error, $"internal error (reference {reference})");
    }

    private async Task<(IJobRunner Runner, JobRunContext Context)> PrepareAsync(IServiceProvider services, JobEntity job, ThrottledProgress progress, CancellationToken cancellationToken)
    {
        var kind = JobWireNames.ParseKind(job.Kind) ?? throw new InvalidOperationException($"job {job.Name:D} has an unknown kind '{job.Kind}'");
        var runner = services.GetServices<IJobRunner>().FirstOrDefault(r => r.Kind == kind)
            ?? throw new JobFailedException($"{kind.ToWire()} jobs are not available in this version");
        var db = services.GetRequiredService<AvatarsDbContext>();
        var storage = services.GetRequiredService<IObjectStore>();
        if (job.Attempts > 1)
        {
            // An earlier attempt was interrupted: start from an empty results folder.
            await JobQueue.DeleteOutputsAsync(db, storage, job.UserId, job.Name, cancellationToken);
        }

        var (set, parameters, setEntity) = await LoadSetAsync(db, job, cancellationToken);
        await InputFingerprints.CheckAsync(setEntity.InputFingerprints, job.UserId, storage, cancellationToken);
        var parents = new List<ParentJob>();
        foreach (var dependency in job.DependsOn.OrderBy(d => d.Position))
        {
            // Only the owner's jobs: a worker reads nothing but the outputs of the job's own parents (api.md §21).
            var parent = await db.Jobs.IgnoreQueryFilters().AsNoTracking().Include(j => j.DependsOn)
                .SingleOrDefaultAsync(j => j.Name == dependency.ParentName && j.UserId == job.UserId, cancellationToken)
                ?? throw new JobFailedException($"parent job {dependency.ParentName:D} no longer exists");
            var (parentSet, parentParameters, _) = await LoadSetAsync(db, parent, cancellationToken);
            var files = await db.ResultFiles.IgnoreQueryFilters().AsNoTracking()
                .Where(r => r.JobName == parent.Name && r.UserId == job.UserId)
                .ToListAsync(cancellationToken);
            parents.Add(new ParentJob(
                parent,
                JobWireNames.ParseKind(parent.Kind) ?? throw new InvalidOperationException($"job {parent.Name:D} has an unknown kind"),
                parentSet,
                parentParameters,
                [.. ResultService.Ordered(files)]));
        }

        var context = new JobRunContext
        {
            Job = job,
            Kind = kind,
            ResourceSet = set,
            Parameters = parameters,
            Parents = parents,
            Storage = storage,
            Results = new ResultWriter(new JobRunInfo(job.UserId, job.Name), storage, scopes, TemporaryDirectory),
            Progress = progress,
            Limits = options.Limits,
        };
        return (runner, context);
    }

    private static async Task<(ResourceSet Set, ResourceDocument Parameters, ResourceSetEntity Entity)> LoadSetAsync(AvatarsDbContext db, JobEntity job, CancellationToken cancellationToken)
    {
        var entity = await db.ResourceSets.IgnoreQueryFilters().AsNoTracking()
            .SingleOrDefaultAsync(s => s.SetName == job.SetName && s.UserId == job.UserId, cancellationToken)
            ?? throw new JobFailedException($"resource set {job.SetName:D} no longer exists");
        var set = ResourceSetLookup.Parse(entity.Yaml);
        var parameters = ResourceSetLookup.FindParameters(set, job.ParametersName)
            ?? throw new JobFailedException($"parameters document '{job.ParametersName}' not found in resource set {job.SetName:D}");
        return (set, parameters, entity);
    }

    private async Task RecordAsync(JobEntity job, JobOutcome outcome)
    {
        // Recorded even while shutting down: CancellationToken.None.
        var cancellationToken = CancellationToken.None;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AvatarsDbContext>();
            var storage = scope.ServiceProvider.GetService<IObjectStore>();
            var now = time.GetUtcNow().UtcDateTime;
            var owned = JobQueue.Owned(db, job.Name, instance.Id);
            var deleteOutputs = false;
            switch (outcome.Kind)
            {
                case JobOutcomeKind.Finished:
                    var finished = await owned.ExecuteUpdateAsync(
                        s => s.SetProperty(j => j.Status, JobStatus.Finished.ToWire())
                            .SetProperty(j => j.Progress, 1.0)
                            .SetProperty(j => j.FinishedAt, now)
                            .SetProperty(j => j.LeaseOwner, (string?)null)
                            .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null),
                        cancellationToken);
                    deleteOutputs = finished == 0 && await IsCancelledAsync(db, job.Name, cancellationToken);
                    break;
                case JobOutcomeKind.Error:
                    // Partial results go before the status changes: whoever reads "error" finds nothing half-written.
                    await DeleteOutputsIfOwnedAsync(db, storage, job, cancellationToken);
                    var failed = await owned.ExecuteUpdateAsync(
                        s => s.SetProperty(j => j.Status, JobStatus.Error.ToWire())
                            .SetProperty(j => j.Exception, outcome.Message)
                            .SetProperty(j => j.FinishedAt, now)
                            .SetProperty(j => j.LeaseOwner, (string?)null)
                            .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null),
                        cancellationToken);
                    deleteOutputs = failed == 0 && await IsCancelledAsync(db, job.Name, cancellationToken);
                    break;
                case JobOutcomeKind.Cancelled:
                    await CleanUpCancelledAsync(db, storage, job, cancellationToken);
                    break;
                case JobOutcomeKind.Requeue:
                    // Not a lost worker: the attempt does not count towards "worker lost".
                    await DeleteOutputsIfOwnedAsync(db, storage, job, cancellationToken);
                    var requeued = await owned.ExecuteUpdateAsync(
                        s => s.SetProperty(j => j.Status, JobStatus.Pending.ToWire())
                            .SetProperty(j => j.Progress, (double?)null)
                            .SetProperty(j => j.StartedAt, (DateTime?)null)
                            .SetProperty(j => j.LeaseOwner, (string?)null)
                            .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null)
                            .SetProperty(j => j.Attempts, j => j.Attempts - 1),
                        cancellationToken);
                    deleteOutputs = requeued == 0 && await IsCancelledAsync(db, job.Name, cancellationToken);
                    break;
                case JobOutcomeKind.Abandoned:
                    logger.LogWarning("Job {Job} was taken over by another worker after this one lost its lease", job.Name);
                    break;
            }

            if (deleteOutputs)
            {
                // Cancelled while completing: same clean-up as a cancel noticed at a heartbeat.
                await CleanUpCancelledAsync(db, storage, job, cancellationToken);
            }

            await JobQueue.PropagateParentErrorsAsync(db, now, cancellationToken);
        }
        catch (Exception ex)
        {
            // The lease expires and recovery takes the job over: it is never left running for good.
            logger.LogError(ex, "Could not record the outcome {Outcome} of job {Job}", outcome.Kind, job.Name);
        }
    }

    private async Task CleanUpCancelledAsync(AvatarsDbContext db, IObjectStore? storage, JobEntity job, CancellationToken cancellationToken)
    {
        if (storage is not null)
        {
            await JobQueue.DeleteOutputsAsync(db, storage, job.UserId, job.Name, cancellationToken);
        }

        await db.Jobs.IgnoreQueryFilters()
            .Where(j => j.Name == job.Name && j.LeaseOwner == instance.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseOwner, (string?)null).SetProperty(j => j.LeaseExpiresAt, (DateTime?)null), cancellationToken);
    }

    private async Task DeleteOutputsIfOwnedAsync(AvatarsDbContext db, IObjectStore? storage, JobEntity job, CancellationToken cancellationToken)
    {
        // Never delete what a worker that took the job over is writing.
        if (storage is not null && await JobQueue.Owned(db, job.Name, instance.Id).AnyAsync(cancellationToken))
        {
            await JobQueue.DeleteOutputsAsync(db, storage, job.UserId, job.Name, cancellationToken);
        }
    }

    private static Task<bool> IsCancelledAsync(AvatarsDbContext db, Guid name, CancellationToken cancellationToken) =>
        db.Jobs.IgnoreQueryFilters().AnyAsync(j => j.Name == name && j.Status == JobStatus.Cancelled.ToWire(), cancellationToken);
}
