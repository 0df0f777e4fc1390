using Avatars.Server.Persistence;
using Avatars.Server.Persistence.Entities;
using Avatars.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Avatars.Server.Jobs;

/// <summary>
/// Writes the result files of one job run: each file goes to a temporary file first (results can be large; nothing
/// is held in memory), is then uploaded to <c>&lt;user_id&gt;/results/&lt;job_name&gt;/&lt;file&gt;</c> and indexed.
/// </summary>
internal sealed class ResultWriter(JobRunInfo job, IObjectStore storage, IServiceScopeFactory scopes, string temporaryDirectory) : IResultWriter
{
    /// <inheritdoc />
    public async Task WriteAsync(string resultKey, string? tableName, int tableOrder, string fileName, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(resultKey);
        ArgumentNullException.ThrowIfNull(write);
        var key = StorageKeys.Result(job.UserId, job.Name, fileName);
        Directory.CreateDirectory(temporaryDirectory);
        var path = Path.Combine(temporaryDirectory, $"{job.Name:N}-{Guid.NewGuid():N}.tmp");
        StoredObjectInfo info;
        await using (var temp = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous))
        {
            await write(temp, cancellationToken);
            await temp.FlushAsync(cancellationToken);
            temp.Position = 0;
            info = await storage.WriteAsync(key, temp, cancellationToken);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AvatarsDbContext>();

        // Writing a file again replaces it: one index row per key.
        await db.ResultFiles.IgnoreQueryFilters().Where(r => r.JobName == job.Name && r.StorageKey == key).ExecuteDeleteAsync(cancellationToken);
        db.ResultFiles.Add(new ResultFileEntity
        {
            JobName = job.Name,
            UserId = job.UserId,
            ResultKey = resultKey,
            TableName = tableName,
            TableOrder = tableOrder,
            FileName = StorageKeys.NormalizeFileName(fileName),
            StorageKey = key,
            Size = info.Size,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
