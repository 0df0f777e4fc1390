using Avatars.Server.Jobs;
using Avatars.Server.Persistence;
using Avatars.Server.Persistence.Entities;
using Avatars.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Avatars.Server.Auth;

/// <summary>
/// Deletes a user and everything it owns (api.md §14): its pending and running jobs are marked cancelled first (so
/// a worker holding one stops), then keys, tokens, idempotency records, the result index, jobs, resource sets, the
/// account and finally the storage area. Admin-wide work, hence <c>IgnoreQueryFilters()</c> throughout.
/// </summary>
internal sealed class UserDeletion(IServiceProvider services, TokenService tokens, ApiKeyAuthenticator apiKeys, UserStateCache users, TimeProvider clock, ILogger<UserDeletion> logger)
{
    public async Task DeleteAsync(AvatarsDbContext db, UserEntity user, CancellationToken cancellationToken)
    {
        var id = user.Id;
        var now = clock.GetUtcNow().UtcDateTime;
        var pending = JobStatus.Pending.ToWire();
        var running = JobStatus.Running.ToWire();
        var cancelled = JobStatus.Cancelled.ToWire();
        await db.Jobs.IgnoreQueryFilters()
            .Where(j => j.UserId == id && (j.Status == pending || j.Status == running))
            .ExecuteUpdateAsync(
                s => s.SetProperty(j => j.Status, cancelled)
                    .SetProperty(j => j.CancelRequested, true)
                    .SetProperty(j => j.Exception, "cancelled by user")
                    .SetProperty(j => j.FinishedAt, now),
                cancellationToken);

        await tokens.RevokeAllAsync(id, db, cancellationToken);
        var keyIds = await db.ApiKeys.IgnoreQueryFilters().Where(k => k.UserId == id).Select(k => k.Id).ToListAsync(cancellationToken);
        users.Invalidate(id);
        apiKeys.Forget(keyIds);

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var jobNames = db.Jobs.IgnoreQueryFilters().Where(j => j.UserId == id).Select(j => j.Name);
            await db.JobDependencies.Where(d => jobNames.Contains(d.JobName) || jobNames.Contains(d.ParentName)).ExecuteDeleteAsync(cancellationToken);
            await db.ResultFiles.IgnoreQueryFilters().Where(r => r.UserId == id).ExecuteDeleteAsync(cancellationToken);
            await db.IdempotencyRecords.IgnoreQueryFilters().Where(r => r.UserId == id).ExecuteDeleteAsync(cancellationToken);
            await db.Jobs.IgnoreQueryFilters().Where(j => j.UserId == id).ExecuteDeleteAsync(cancellationToken);
            await db.ResourceSets.IgnoreQueryFilters().Where(s => s.UserId == id).ExecuteDeleteAsync(cancellationToken);
            await db.ApiKeys.IgnoreQueryFilters().Where(k => k.UserId == id).ExecuteDeleteAsync(cancellationToken);
            await db.RefreshTokens.Where(t => t.UserId == id).ExecuteDeleteAsync(cancellationToken);
            await db.Users.Where(u => u.Id == id).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        users.Invalidate(id);

        // Storage lands separately; without a registered store there is no storage area to remove.
        if (services.GetService<IObjectStore>() is { } store)
        {
            await store.DeletePrefixAsync(StorageKeys.UserPrefix(id), cancellationToken);
        }

        logger.LogInformation("Deleted user {UserId} with its keys, tokens, resource sets, jobs and storage area", id);
    }
}
