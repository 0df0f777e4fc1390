using Avatars.Server.Api;
using Avatars.Server.Auth;
using Avatars.Server.Hosting;
using Avatars.Server.Persistence;
using Avatars.Server.Persistence.Entities;
using Avatars.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Avatars.Server.Jobs;

/// <summary>
/// The logic of <c>GET /api/results/{job_name}</c> (api.md §19): signed download URLs per result key, in the
/// schema's table order then by file name (set-wide files in the order written). Only the owner gets them: admins
/// never read someone else's results.
/// </summary>
internal sealed class ResultService(AvatarsDbContext db, IObjectStore storage, AvatarsServerOptions options, TimeProvider time)
{
    /// <summary>The result URLs of a finished job of the caller.</summary>
    public async Task<IReadOnlyDictionary<string, List<string>>> GetResultsAsync(CurrentUser user, string jobName, Uri publicBaseUrl, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(jobName, out var name))
        {
            throw ApiException.NotFound("job");
        }

        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Name == name && j.UserId == user.Id, cancellationToken)
            ?? throw ApiException.NotFound("job");
        if (job.Status != JobStatus.Finished.ToWire())
        {
            throw ApiException.Conflict("job_not_finished", $"job is not finished (status: {job.Status})");
        }

        if (job.ResultsExpired)
        {
            throw new ApiException(410, "gone", "results expired");
        }

        var files = await db.ResultFiles.AsNoTracking()
            .Where(r => r.JobName == name && r.UserId == user.Id)
            .ToListAsync(cancellationToken);
        var expiresAt = time.GetUtcNow() + options.Storage.DownloadUrlLifetime;
        var results = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in Ordered(files))
        {
            if (!results.TryGetValue(file.ResultKey, out var urls))
            {
                urls = [];
                results[file.ResultKey] = urls;
            }

            urls.Add(storage.CreateSignedUrl(file.StorageKey, SignedUrlMethod.Get, expiresAt, publicBaseUrl, file.FileName).AbsoluteUri);
        }

        return results;
    }

    /// <summary>
    /// Table order, then file name. Set-wide files (no table) keep the order they were written in: the report's
    /// <c>[report.pdf, report.html]</c> must list the PDF first (api.md §19.1), which name order would not.
    /// </summary>
    internal static IEnumerable<ResultFileEntity> Ordered(IEnumerable<ResultFileEntity> files) =>
        files.OrderBy(f => f.TableOrder)
            .ThenBy(f => f.TableName is null ? 0 : 1)
            .ThenBy(f => f.TableName is null ? f.Id : 0)
            .ThenBy(f => f.FileName, StringComparer.Ordinal);
}
