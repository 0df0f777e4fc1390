using System.Security.Cryptography;
using System.Text;
using Avatars.Config;
using Avatars.Server.Api;
using Avatars.Server.Auth;
using Avatars.Server.Hosting;
using Avatars.Server.Persistence;
using Avatars.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Avatars.Server.Jobs;

/// <summary>
/// The logic of the jobs endpoints (api.md §18): create with idempotency and dependency rules, read, list, cancel.
/// Scoped; queries go through the owner filter of <see cref="AvatarsDbContext"/> and also name the caller, so a
/// foreign job is indistinguishable from a missing one (404). Admins read, list and cancel every job explicitly.
/// </summary>
internal sealed class JobService(AvatarsDbContext db, AvatarsServerOptions options, TimeProvider time, JobSignal signal, JobTimings timings)
{
    private static readonly string Pending = JobStatus.Pending.ToWire();
    private static readonly string Running = JobStatus.Running.ToWire();
    private static readonly string Cancelled = JobStatus.Cancelled.ToWire();

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Creates a job (or returns the job of an earlier identical request).</summary>
    public async Task<JobCreateResult> CreateAsync(CurrentUser user, JobCreateRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (idempotencyKey is null)
        {
            return await CreateCoreAsync(user, request, null, cancellationToken);
        }

        if (idempotencyKey.Length is 0 or > 255)
        {
            throw new ApiValidationException(["header", "Idempotency-Key"], "the Idempotency-Key must have 1 to 255 characters", "value_error");
        }

        var hash = RequestHash(request);
        var (replay, record) = await BeginIdempotentAsync(user.Id, idempotencyKey, hash, cancellationToken);
        if (replay is not null)
        {
            return replay;
        }

        try
        {
            return await CreateCoreAsync(user, request, record, cancellationToken);
        }
        catch
        {
            // A failed request does not keep its key: the client may retry it.
            db.ChangeTracker.Clear();
            await db.IdempotencyRecords.IgnoreQueryFilters()
                .Where(r => r.UserId == user.Id && r.Key == idempotencyKey && r.JobName == null)
                .ExecuteDeleteAsync(CancellationToken.None);
            throw;
        }
    }

    /// <summary>One job; 404 when unknown or another user's (admins see every job).</summary>
    public async Task<JobResponse> GetAsync(CurrentUser user, string name, CancellationToken cancellationToken)
    {
        var job = await FindAsync(user, name, cancellationToken) ?? throw ApiException.NotFound("job");
        return JobResponse.From(job);
    }

    /// <summary>Cancels a pending or running job; 409 when it already ended.</summary>
    public async Task<JobResponse> CancelAsync(CurrentUser user, string name, CancellationToken cancellationToken)
    {
        var job = await FindAsync(user, name, cancellationToken) ?? throw ApiException.NotFound("job");
        var now = Now;

        // A running job's worker sees the new status at its next heartbeat, stops and deletes what it wrote.
        var changed = await db.Jobs.IgnoreQueryFilters()
            .Where(j => j.Name == job.Name && (j.Status == Pending || j.Status == Running))
            .ExecuteUpdateAsync(
                s => s.SetProperty(j => j.Status, Cancelled)
                    .SetProperty(j => j.Exception, "cancelled by user")
                    .SetProperty(j => j.FinishedAt, now)
                    .SetProperty(j => j.CancelRequested, true),
                cancellationToken);
        if (changed == 0)
        {
            var current = await FindAsync(user, name, cancellationToken) ?? throw ApiException.NotFound("job");
            throw ApiException.Conflict("job_ended", $"job has already ended (status: {current.Status})");
        }

        await JobQueue.PropagateParentErrorsAsync(db, now, cancellationToken);
        signal.Notify();
        return JobResponse.From(await FindAsync(user, name, cancellationToken) ?? throw ApiException.NotFound("job"));
    }

    /// <summary>A page of jobs, filtered and ordered by creation time.</summary>
    public async Task<JobListResponse> ListAsync(CurrentUser user, JobListQuery query, CancellationToken cancellationToken)
    {
        var (limit, descending) = PageCursor.ReadPaging(query.Limit, query.Order);
        if (query.AllUsers && !user.IsAdmin)
        {
            throw ApiException.Forbidden("all_users=true requires the admin role");
        }

        var kinds = query.Kinds.Select(k => JobWireNames.ParseKind(k) is null
            ? throw new ApiValidationException(["query", "kind"], $"unknown job kind '{k}'", "enum")
            : k).ToList();
        var statuses = query.Statuses.Select(s => JobWireNames.ParseStatus(s) is null
            ? throw new ApiValidationException(["query", "status"], $"unknown job status '{s}'", "enum")
            : s).ToList();
        var cursor = PageCursor.Decode(query.Cursor);

        var jobs = query.AllUsers ? db.Jobs.IgnoreQueryFilters() : db.Jobs.Where(j => j.UserId == user.Id);
        if (kinds.Count > 0)
        {
            jobs = jobs.Where(j => kinds.Contains(j.Kind));
        }

        if (statuses.Count > 0)
        {
            jobs = jobs.Where(j => statuses.Contains(j.Status));
        }

        if (query.SetName is not null)
        {
            jobs = Guid.TryParse(query.SetName, out var setName) ? jobs.Where(j => j.SetName == setName) : jobs.Where(_ => false);
        }

        if (query.DisplayName is not null)
        {
            jobs = jobs.Where(j => j.DisplayName == query.DisplayName);
        }

        // Keyset paging on (created_at, name). Jobs created at the same instant as the cursor are fetched again
        // and skipped here, because UUIDs have no ordering operator in LINQ.
        var skipTies = 0;
        if (cursor is { } c)
        {
            var at = c.CreatedAt;
            skipTies = await jobs.CountAsync(j => j.CreatedAt == at, cancellationToken);
            jobs = descending ? jobs.Where(j => j.CreatedAt <= at) : jobs.Where(j => j.CreatedAt >= at);
        }

        jobs = descending
            ? jobs.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Name)
            : jobs.OrderBy(j => j.CreatedAt).ThenBy(j => j.Name);
        var rows = await jobs.AsNoTracking().Include(j => j.DependsOn).Take(limit + 1 + skipTies).ToListAsync(cancellationToken);
        if (cursor is { } after)
        {
            rows = [.. rows.Where(j => after.Precedes(j.CreatedAt, j.Name, descending))];
        }

        var page = rows.Take(limit).ToList();
        var next = rows.Count > limit ? new PageCursor(page[^1].CreatedAt, page[^1].Name).Encode() : null;
        return new JobListResponse([.. page.Select(JobResponse.From)], next);
    }

    private async Task<JobEntity?> FindAsync(CurrentUser user, string name, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(name, out var jobName))
        {
            return null;
        }

        var jobs = user.IsAdmin ? db.Jobs.IgnoreQueryFilters() : db.Jobs.Where(j => j.UserId == user.Id);
        return await jobs.AsNoTracking().Include(j => j.DependsOn).SingleOrDefaultAsync(j => j.Name == jobName, cancellationToken);
    }

    private async Task<JobCreateResult> CreateCoreAsync(CurrentUser user, JobCreateRequest request, IdempotencyRecordEntity? record, CancellationToken cancellationToken)
    {
        var now = Now;
        if (string.IsNullOrEmpty(request.SetName))
        {
            throw new ApiValidationException(["body", "set_name"], "field required", "missing");
        }

        if (string.IsNullOrEmpty(request.ParametersName))
        {
            throw new ApiValidationException(["body", "parameters_name"], "field required", "missing");
        }

        var setEntity = Guid.TryParse(request.SetName, out var setName)
            ? await db.ResourceSets.AsNoTracking().SingleOrDefaultAsync(s => s.SetName == setName && s.UserId == user.Id, cancellationToken)
            : null;
        if (setEntity is null)
        {
            throw ApiException.NotFound("resource set");
        }

        var set = ResourceSetLookup.Parse(setEntity.Yaml);
        var parameters = ResourceSetLookup.FindParameters(set, request.ParametersName)
            ?? throw new ApiValidationException(["body", "parameters_name"], $"'{request.ParametersName}' is not a parameters document of the resource set", "reference_error");
        var kind = JobWireNames.KindOf(parameters)!.Value;
        var parents = await LoadParentsAsync(user, request.DependsOn ?? [], cancellationToken);
        DependencyRules.Check(kind, set, parameters, parents);

        if (record is null)
        {
            var duplicate = await FindDuplicateAsync(user, setName, request.ParametersName, parents, now, cancellationToken);
            if (duplicate is not null)
            {
                return new JobCreateResult(duplicate.Value, Replayed: true);
            }
        }

        var active = await db.Jobs.CountAsync(j => j.UserId == user.Id && (j.Status == Pending || j.Status == Running), cancellationToken);
        if (active >= options.Limits.MaxActiveJobsPerUser)
        {
            throw ApiException.RateLimited(
                $"you have {active} pending or running jobs; the limit is {options.Limits.MaxActiveJobsPerUser}",
                timings.ActiveLimitRetryAfterSeconds);
        }

        var job = new JobEntity
        {
            Name = Guid.NewGuid(),
            UserId = user.Id,
            SetName = setName,
            DisplayName = setEntity.DisplayName,
            ParametersName = parameters.Name,
            Kind = kind.ToWire(),
            Status = Pending,
            CreatedAt = now,
            Seed = SeedOf(parameters),
            DependsOn = [.. parents.Select((p, i) => new JobDependencyEntity { ParentName = p.Job.Name, Position = i })],
        };

        // A parent that already failed makes the job parent_error from the start (api.md §18.3).
        var failed = parents.FirstOrDefault(p => JobQueue.IsFailed(p.Job.Status));
        if (failed is not null)
        {
            job.Status = JobStatus.ParentError.ToWire();
            job.Exception = JobQueue.ParentErrorMessage(failed.Job.Name, failed.Job.Status);
            job.FinishedAt = now;
        }

        db.Jobs.Add(job);
        if (record is not null)
        {
            record.JobName = job.Name;
        }

        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return new JobCreateResult(job.Name, Replayed: false);
    }

    private async Task<IReadOnlyList<JobParent>> LoadParentsAsync(CurrentUser user, List<string> items, CancellationToken cancellationToken)
    {
        var names = new List<Guid>();
        for (var i = 0; i < items.Count; i++)
        {
            if (!JobReference.TryParse(items[i], out var name))
            {
                throw new ApiValidationException(["body", "depends_on", i], $"'{items[i]}' is not a job name or job URL", "value_error");
            }

            if (names.Contains(name))
            {
                throw new ApiValidationException(["body", "depends_on", i], $"job {name:D} is listed twice", "duplicate");
            }

            names.Add(name);
        }

        var jobs = await db.Jobs.AsNoTracking().Include(j => j.DependsOn)
            .Where(j => names.Contains(j.Name) && j.UserId == user.Id)
            .ToDictionaryAsync(j => j.Name, cancellationToken);
        var setNames = jobs.Values.Select(j => j.SetName).Distinct().ToList();
        var sets = await db.ResourceSets.AsNoTracking()
            .Where(s => setNames.Contains(s.SetName) && s.UserId == user.Id)
            .ToDictionaryAsync(s => s.SetName, cancellationToken);
        var parsed = new Dictionary<Guid, ResourceSet>();
        var parents = new List<JobParent>();
        foreach (var name in names)
        {
            if (!jobs.TryGetValue(name, out var job) || !sets.TryGetValue(job.SetName, out var setEntity))
            {
                throw ApiException.NotFound($"job {name:D}");
            }

            if (!parsed.TryGetValue(job.SetName, out var set))
            {
                set = ResourceSetLookup.Parse(setEntity.Yaml);
                parsed[job.SetName] = set;
            }

            var parameters = ResourceSetLookup.FindParameters(set, job.ParametersName)
                ?? throw new InvalidOperationException($"job {job.Name:D} names a missing parameters document");
            parents.Add(new JobParent(job, JobWireNames.ParseKind(job.Kind) ?? throw new InvalidOperationException($"job {job.Name:D} has an unknown kind"), set, parameters));
        }

        return parents;
    }

    private async Task<Guid?> FindDuplicateAsync(CurrentUser user, Guid setName, string parametersName, IReadOnlyList<JobParent> parents, DateTime now, CancellationToken cancellationToken)
    {
        var since = now - options.Jobs.DedupWindow;
        var candidates = await db.Jobs.AsNoTracking().Include(j => j.DependsOn)
            .Where(j => j.UserId == user.Id && j.SetName == setName && j.ParametersName == parametersName && j.Status != Cancelled && j.CreatedAt >= since)
            .OrderByDescending(j => j.CreatedAt)
            .ToListAsync(cancellationToken);
        var wanted = parents.Select(p => p.Job.Name).ToHashSet();
        return candidates.FirstOrDefault(j => j.DependsOn.Select(d => d.ParentName).ToHashSet().SetEquals(wanted))?.Name;
    }

    private async Task<(JobCreateResult? Replay, IdempotencyRecordEntity Record)> BeginIdempotentAsync(Guid userId, string key, string hash, CancellationToken cancellationToken)
    {
        var now = Now;
        var expired = now - timings.IdempotencyLifetime;
        await db.IdempotencyRecords.IgnoreQueryFilters()
            .Where(r => r.UserId == userId && r.CreatedAt < expired)
            .ExecuteDeleteAsync(cancellationToken);
        var record = new IdempotencyRecordEntity { UserId = userId, Key = key, RequestHash = hash, CreatedAt = now };
        db.IdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (null, record);
        }
        catch (DbUpdateException)
        {
            // The key is known: same body → replay, other body → 422, first request still running → 409.
            db.Entry(record).State = EntityState.Detached;
            var existing = await db.IdempotencyRecords.IgnoreQueryFilters().AsNoTracking()
                .SingleOrDefaultAsync(r => r.UserId == userId && r.Key == key, cancellationToken);
            if (existing is null)
            {
                throw;
            }

            if (existing.RequestHash != hash)
            {
                throw new ApiException(422, "idempotency_key_reused", "this Idempotency-Key was used with a different request body");
            }

            if (existing.JobName is not { } jobName)
            {
                throw ApiException.Conflict("idempotency_in_progress", "a request with this Idempotency-Key is still being processed");
            }

            return (new JobCreateResult(jobName, Replayed: true), existing);
        }
    }

    private static long SeedOf(ResourceDocument parameters) =>
        parameters is ParametersDocument { Spec.Seed: { } seed }
            ? seed

            // No seed in the document: draw one and record it, so the run can be reproduced from run_metadata.
            : BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8)) & long.MaxValue;

    private static string RequestHash(JobCreateRequest request)
    {
        var canonical = string.Join('\n', [request.SetName ?? string.Empty, request.ParametersName ?? string.Empty, .. request.DependsOn ?? []]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
