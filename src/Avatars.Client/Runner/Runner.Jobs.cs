using System.Diagnostics;
using Avatars.Client.Http;
using Avatars.Client.Models;
using Avatars.Config.Builder;
using Microsoft.Extensions.Logging;

namespace Avatars.Client;

/// <summary>Launching, reading, waiting for and cancelling jobs (sdk.md §4.8, §4.9, §8.1).</summary>
public sealed partial class Runner
{
    /// <summary>
    /// <c>run</c> (sdk.md §4.8): PUTs the YAML, then creates the jobs in the execution order standard →
    /// signal_metrics → privacy_metrics → report (metrics depend on this runner's standard job when there is one, the
    /// report on both metrics). Cached URLs and parsed results of every relaunched kind are evicted (fix of sdk.md
    /// §17 #3). Returns at once: results accessors and <see cref="WaitAsync"/> wait for the jobs.
    /// </summary>
    /// <param name="jobsToRun">The kinds to launch (duplicates ignored), or null for all four.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns><see cref="Jobs"/>.</returns>
    /// <exception cref="ArgumentException">A kind outside the execution order (e.g. advice).</exception>
    /// <exception cref="InvalidOperationException">A report without privacy and signal metrics, checked before any call.</exception>
    /// <exception cref="AvatarsApiException">The server refused the YAML or a job.</exception>
    public async Task<IReadOnlyDictionary<JobKind, JobCreateResponse>> RunAsync(IEnumerable<JobKind>? jobsToRun = null, CancellationToken cancellationToken = default)
    {
        var order = JobKindWire.ExecutionOrder;
        var requested = (jobsToRun ?? order).Distinct().ToList();
        foreach (var kind in requested.Where(k => !order.Contains(k)))
        {
            throw new ArgumentException(
                $"Expected jobs among [{string.Join(", ", order.Select(k => k.ToWireValue()))}], got {kind.ToWireValue()}", nameof(jobsToRun));
        }

        var kinds = requested.OrderBy(Rank).ToList();
        bool Available(JobKind kind) => kinds.Contains(kind) || _jobs.ContainsKey(kind);
        if (kinds.Contains(JobKind.Report) && !(Available(JobKind.PrivacyMetrics) && Available(JobKind.SignalMetrics)))
        {
            throw new InvalidOperationException(
                $"Expected Privacy and Signal to be created to run report got [{string.Join(", ", kinds.Select(k => k.ToWireValue()))}]");
        }

        if (kinds.Count == 0)
        {
            return Jobs;
        }

        await PutResourcesAsync(GetYaml(), cancellationToken).ConfigureAwait(false);
        foreach (var kind in kinds)
        {
            Evict(kind);
        }

        foreach (var kind in kinds)
        {
            List<string> dependsOn = kind switch
            {
                JobKind.SignalMetrics or JobKind.PrivacyMetrics when _jobs.TryGetValue(JobKind.Standard, out var standard) => [standard.Location],
                JobKind.Report => [_jobs[JobKind.PrivacyMetrics].Location, _jobs[JobKind.SignalMetrics].Location],
                _ => [],
            };
            _logger.LogInformation("Creating {Kind} job", kind.ToWireValue());
            _jobs[kind] = await _client.CreateJobAsync(new JobCreateRequest(SetName!, ParametersName(kind), dependsOn), cancellationToken).ConfigureAwait(false);
        }

        return Jobs;
    }

    /// <summary>
    /// <see cref="RunAsync"/>, then waits for the launched jobs (reporting to <paramref name="progress"/>, else to
    /// <see cref="Progress"/>). A failed job throws <see cref="AvatarsJobFailedException"/>.
    /// </summary>
    /// <param name="jobsToRun">The kinds to launch, or null for all four.</param>
    /// <param name="progress">Progress receiver, or null for <see cref="Progress"/>.</param>
    /// <param name="cancellationToken">Cancellation (stops waiting; the jobs keep running, see <see cref="CancelAsync"/>).</param>
    /// <returns>The final state of each launched job.</returns>
    /// <exception cref="AvatarsJobFailedException">A job ended in error, parent_error or cancelled.</exception>
    /// <exception cref="TimeoutException">A job was not done within <see cref="AvatarsClientOptions.JobTimeout"/>.</exception>
    public async Task<IReadOnlyDictionary<JobKind, JobResponse>> RunAndWaitAsync(
        IEnumerable<JobKind>? jobsToRun = null, IProgress<JobProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var kinds = (jobsToRun ?? JobKindWire.ExecutionOrder).Distinct().ToList();
        await RunAsync(kinds, cancellationToken).ConfigureAwait(false);
        return await WaitAsync(kinds, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits for launched jobs in execution order (all launched jobs when <paramref name="jobKinds"/> is null).</summary>
    /// <param name="jobKinds">The kinds to wait for, or null.</param>
    /// <param name="progress">Progress receiver, or null for <see cref="Progress"/>.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The final state of each job.</returns>
    /// <exception cref="InvalidOperationException">A kind was not launched.</exception>
    /// <exception cref="AvatarsJobFailedException">A job ended in error, parent_error or cancelled.</exception>
    /// <exception cref="TimeoutException">A job was not done within <see cref="AvatarsClientOptions.JobTimeout"/>.</exception>
    public async Task<IReadOnlyDictionary<JobKind, JobResponse>> WaitAsync(
        IEnumerable<JobKind>? jobKinds = null, IProgress<JobProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var answers = new OrderedDictionary<JobKind, JobResponse>();
        foreach (var kind in (jobKinds ?? _jobs.Keys).Distinct().OrderBy(Rank).ToList())
        {
            answers[kind] = await WaitForJobAsync(kind, progress, cancellationToken).ConfigureAwait(false);
        }

        return answers;
    }

    /// <summary>
    /// Polls a job every <see cref="AvatarsClientOptions.PollInterval"/> until it is done (sdk.md §8.1), reporting
    /// each observation to <paramref name="progress"/> (else <see cref="Progress"/>).
    /// </summary>
    /// <param name="jobKind">The job kind.</param>
    /// <param name="progress">Progress receiver, or null for <see cref="Progress"/>.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The finished job.</returns>
    /// <exception cref="InvalidOperationException">The job was not launched.</exception>
    /// <exception cref="AvatarsJobFailedException">The job ended in error, parent_error or cancelled (<c>Job standard failed with exception: …</c>).</exception>
    /// <exception cref="TimeoutException">The job was not done within <see cref="AvatarsClientOptions.JobTimeout"/>.</exception>
    public async Task<JobResponse> WaitForJobAsync(JobKind jobKind, IProgress<JobProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var name = RequireJob(jobKind).Name;
        progress ??= Progress;
        var options = _client.Options;
        var clock = Stopwatch.StartNew();
        for (var loop = 1; ; loop++)
        {
            var job = await _client.GetJobAsync(name, cancellationToken).ConfigureAwait(false);
            progress?.Report(new JobProgress(jobKind, name, job.Status, job.Progress));
            if (job.Status.IsFailure)
            {
                throw new AvatarsJobFailedException(jobKind, name, job.Status, job.Exception);
            }

            if (job.Done || job.Status.IsFinished)
            {
                return job;
            }

            if (options.JobTimeout is { } timeout && clock.Elapsed >= timeout)
            {
                throw new TimeoutException($"Timeout waiting for job {jobKind.ToWireValue()} ({name}): still {job.Status} after {timeout}.");
            }

            _logger.LogDebug("waiting for {Job} (loop {Loop}, sleeping {Interval})", name, loop, options.PollInterval);
            await Task.Delay(options.PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// <c>get_job</c>: the job's current state. A failed job is returned normally (its <c>Status</c> and
    /// <c>Exception</c> tell why).
    /// </summary>
    /// <param name="jobKind">The job kind.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The job.</returns>
    /// <exception cref="InvalidOperationException">The job was not launched (<c>Expected job 'standard' to be created. Try running it first.</c>).</exception>
    public Task<JobResponse> GetJobAsync(JobKind jobKind, CancellationToken cancellationToken = default) =>
        _client.GetJobAsync(RequireJob(jobKind).Name, cancellationToken);

    /// <summary><c>get_status</c>: the job's status.</summary>
    /// <param name="jobKind">The job kind.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The status.</returns>
    /// <exception cref="InvalidOperationException">The job was not launched.</exception>
    public async Task<JobStatus> GetStatusAsync(JobKind jobKind, CancellationToken cancellationToken = default) =>
        (await GetJobAsync(jobKind, cancellationToken).ConfigureAwait(false)).Status;

    /// <summary>Cancels a pending or running job of this runner (<c>DELETE /jobs/{name}</c>); its dependents end in <c>parent_error</c>.</summary>
    /// <param name="jobKind">The job kind.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The cancelled job.</returns>
    /// <exception cref="InvalidOperationException">The job was not launched.</exception>
    /// <exception cref="AvatarsApiException">The server refused (e.g. the job is already done).</exception>
    public Task<JobResponse> CancelAsync(JobKind jobKind, CancellationToken cancellationToken = default) =>
        _client.CancelJobAsync(RequireJob(jobKind).Name, cancellationToken);

    /// <summary><c>kill</c>: not implemented by the vendor either ("Method not implemented yet."); use <see cref="CancelAsync"/>.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A completed task.</returns>
    public Task KillAsync(CancellationToken cancellationToken = default)
    {
        _logger.LogWarning("Method not implemented yet.");
        return Task.CompletedTask;
    }

    private static int Rank(JobKind kind)
    {
        for (var i = 0; i < JobKindWire.ExecutionOrder.Count; i++)
        {
            if (JobKindWire.ExecutionOrder[i] == kind)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The parameters document a kind runs (the document names of <see cref="ResourceSetBuilder"/>).</summary>
    private static string ParametersName(JobKind kind) => kind switch
    {
        JobKind.Standard => ResourceSetBuilder.StandardName,
        JobKind.PrivacyMetrics => ResourceSetBuilder.PrivacyMetricsName,
        JobKind.SignalMetrics => ResourceSetBuilder.SignalMetricsName,
        JobKind.Report => ResourceSetBuilder.ReportName,
        _ => ResourceSetBuilder.AdviceName,
    };

    private JobCreateResponse RequireJob(JobKind jobKind) =>
        _jobs.TryGetValue(jobKind, out var job)
            ? job
            : throw new InvalidOperationException($"Expected job '{jobKind.ToWireValue()}' to be created. Try running it first.");

    private async Task PutResourcesAsync(string yaml, CancellationToken cancellationToken)
    {
        var set = await _client.PutResourcesAsync(DisplayName, yaml, cancellationToken).ConfigureAwait(false);
        SetName = set.SetName;
        foreach (var warning in set.Warnings)
        {
            _logger.LogWarning("Resource set {DisplayName}: {Location}: {Message}", DisplayName, string.Join(".", warning.Loc), warning.Msg);
        }
    }
}
