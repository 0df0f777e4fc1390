using Avatars.Server.Hosting;
using Avatars.Server.Persistence;
using Avatars.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Avatars.Server.Jobs;

/// <summary>
/// Retention (api.md §20): deletes uploads older than <see cref="LimitsOptions.UploadRetentionDays"/>, the results
/// of jobs ended more than <see cref="LimitsOptions.ResultRetentionDays"/> ago (marking them expired: 410), stale
/// staging files and expired idempotency keys. One instance at a time: a PostgreSQL advisory lock, an in-process
/// lock on SQLite.
/// </summary>
internal sealed class RetentionSweeper(IServiceScopeFactory scopes, AvatarsServerOptions options, TimeProvider time, JobTimings timings, ILogger<RetentionSweeper> logger)
{
    // Arbitrary application-wide key of the PostgreSQL advisory lock.
    private const long AdvisoryLockKey = 0x4176_6174_5265_7431;
    private static readonly TimeSpan StaleTemporaryFileAge = TimeSpan.FromDays(1);
    private readonly SemaphoreSlim local = new(1, 1);

    /// <summary>Runs one sweep; null when another instance is sweeping.</summary>
    public async Task<RetentionSweepResult?> SweepAsync(CancellationToken cancellationToken)
    {
        if (!await local.WaitAsync(0, cancellationToken))
        {
            return null;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AvatarsDbContext>();
            var storage = scope.ServiceProvider.GetRequiredService<IObjectStore>();
            if (!db.Database.IsNpgsql())
            {
                return await SweepCoreAsync(db, storage, cancellationToken);
            }

            // A session lock needs one connection for lock, sweep and unlock.
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                var locked = await db.Database.SqlQueryRaw<bool>($"SELECT pg_try_advisory_lock({AdvisoryLockKey}) AS \"Value\"").SingleAsync(cancellationToken);
                if (!locked)
                {
                    return null;
                }

                try
                {
                    return await SweepCoreAsync(db, storage, cancellationToken);
                }
                finally
                {
                    await db.Database.SqlQueryRaw<bool>($"SELECT pg_advisory_unlock({AdvisoryLockKey}) AS \"Value\"").SingleAsync(CancellationToken.None);
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        finally
        {
            local.Release();
        }
    }

    private async Task<RetentionSweepResult> SweepCoreAsync(AvatarsDbContext db, IObjectStore storage, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var uploadCutoff = now - TimeSpan.FromDays(options.Limits.UploadRetentionDays);
        var uploads = 0;
        foreach (var userId in await db.Users.AsNoTracking().Select(u => u.Id).ToListAsync(cancellationToken))
        {
            var old = new List<string>();
            await foreach (var item in storage.ListAsync(StorageKeys.InputPrefix(userId), cancellationToken))
            {
                if (item.LastModified < uploadCutoff)
                {
                    old.Add(item.Key);
                }
            }

            foreach (var key in old)
            {
                await storage.DeleteAsync(key, cancellationToken);
                uploads++;
            }
        }

        var resultCutoff = now.UtcDateTime - TimeSpan.FromDays(options.Limits.ResultRetentionDays);
        var ended = await db.Jobs.IgnoreQueryFilters().AsNoTracking()
            .Where(j => !j.ResultsExpired && j.FinishedAt != null && j.FinishedAt < resultCutoff)
            .Select(j => new { j.Name, j.UserId })
            .ToListAsync(cancellationToken);
        foreach (var job in ended)
        {
            await JobQueue.DeleteOutputsAsync(db, storage, job.UserId, job.Name, cancellationToken);
            await db.Jobs.IgnoreQueryFilters().Where(j => j.Name == job.Name)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.ResultsExpired, true), cancellationToken);
        }

        var idempotencyCutoff = now.UtcDateTime - timings.IdempotencyLifetime;
        await db.IdempotencyRecords.IgnoreQueryFilters().Where(r => r.CreatedAt < idempotencyCutoff).ExecuteDeleteAsync(cancellationToken);

        var temporary = DeleteStaleTemporaryFiles(now);
        var result = new RetentionSweepResult(uploads, ended.Count, temporary);
        if (uploads + ended.Count + temporary > 0)
        {
            logger.LogInformation(
                "Retention removed {Uploads} upload(s), the results of {Jobs} job(s) and {Temporary} temporary file(s)", uploads, ended.Count, temporary);
        }

        return result;
    }

    private int DeleteStaleTemporaryFiles(DateTimeOffset now)
    {
        var directory = new DirectoryInfo(Path.Combine(options.DataDirectoryFullPath, "tmp"));
        if (!directory.Exists)
        {
            return 0;
        }

        var count = 0;
        foreach (var file in directory.EnumerateFiles("*.tmp"))
        {
            if (file.LastWriteTimeUtc < (now - StaleTemporaryFileAge).UtcDateTime)
            {
                try
                {
                    file.Delete();
                    count++;
                }
                catch (IOException)
                {
                    // Still in use by a writer: next sweep.
                }
            }
        }

        return count;
    }
}
