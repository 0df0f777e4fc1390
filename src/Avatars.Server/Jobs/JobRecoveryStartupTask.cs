using Avatars.Server.Hosting;
using Avatars.Server.Persistence;
using Avatars.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Avatars.Server.Jobs;

/// <summary>
/// At start-up, recovers the jobs a previous process left running: on SQLite all of them (one instance by design),
/// on PostgreSQL those whose lease expired (other instances may still be running theirs).
/// </summary>
internal sealed class JobRecoveryStartupTask(IServiceScopeFactory scopes, TimeProvider time, ILogger<JobRecoveryStartupTask> logger) : IStartupTask
{
    /// <inheritdoc />
    public int Order => 300;

    /// <inheritdoc />
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AvatarsDbContext>();
        var storage = scope.ServiceProvider.GetService<IObjectStore>();
        var count = await JobRecovery.RecoverAsync(db, storage, time.GetUtcNow().UtcDateTime, allRunning: db.Database.IsSqlite(), logger, cancellationToken);
        if (count > 0)
        {
            logger.LogWarning("Recovered {Count} job(s) left running by a previous process", count);
        }
    }
}
