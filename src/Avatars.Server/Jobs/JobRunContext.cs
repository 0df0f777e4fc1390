using Avatars.Config;
using Avatars.Server.Hosting;
using Avatars.Server.Persistence.Entities;
using Avatars.Server.Storage;

namespace Avatars.Server.Jobs;

/// <summary>Everything a <see cref="IJobRunner"/> needs, prepared by the executor.</summary>
public sealed class JobRunContext
{
    /// <summary>The job (read-only for runners).</summary>
    public required JobEntity Job { get; init; }

    /// <summary>The kind.</summary>
    public required JobKind Kind { get; init; }

    /// <summary>The parsed resource set the job was created with.</summary>
    public required ResourceSet ResourceSet { get; init; }

    /// <summary>The parameters document named by the job.</summary>
    public required ResourceDocument Parameters { get; init; }

    /// <summary>The parents, in <c>depends_on</c> order, each with its set and result files.</summary>
    public required IReadOnlyList<ParentJob> Parents { get; init; }

    /// <summary>Object storage: inputs are under <see cref="StorageKeys.InputPrefix"/> of the job's owner.</summary>
    public required IObjectStore Storage { get; init; }

    /// <summary>Writes result files into the job's results folder and the result index.</summary>
    public required IResultWriter Results { get; init; }

    /// <summary>Reports progress 0–1 (throttled by the executor).</summary>
    public required IProgress<double> Progress { get; init; }

    /// <summary>Row and dimension limits.</summary>
    public required LimitsOptions Limits { get; init; }

    /// <summary>The storage key of an upload of the job's owner.</summary>
    public string InputKey(string fileName) => StorageKeys.Input(Job.UserId, fileName);
}

/// <summary>A finished parent job with what it produced.</summary>
/// <param name="Job">The parent job.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="ResourceSet">The set it ran (may be an earlier version than the child's).</param>
/// <param name="Parameters">Its parameters document.</param>
/// <param name="Files">Its result files.</param>
public sealed record ParentJob(JobEntity Job, JobKind Kind, ResourceSet ResourceSet, ResourceDocument Parameters, IReadOnlyList<ResultFileEntity> Files);
