using System.Globalization;
using Avatars.Client.Models;
using G = Avatars.Client.Generated;

namespace Avatars.Client.Http;

/// <summary>Operation group <c>jobs</c>.</summary>
public sealed class JobsOperations
{
    private readonly G.JobsClient _client;

    internal JobsOperations(G.JobsClient client) => _client = client;

    /// <summary>
    /// <c>POST /jobs</c> with a fresh <c>Idempotency-Key</c> (one per call, identical on every retry, so a retried
    /// creation never creates a second job). Returns the created job without following its <c>Location</c>: like the
    /// vendor's <c>send_request</c> used by the Runner (sdk.md §5.3 #10), the <c>{name, Location}</c> body comes back at
    /// once (following would wait for the job and answer a <c>JobResponse</c>, not this method's type).
    /// </summary>
    /// <param name="request">Set, parameters document and parents.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The job name and <c>Location</c>.</returns>
    public async Task<JobCreateResponse> CreateJobAsync(JobCreateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new G.JobCreateRequest
        {
            Set_name = request.SetName,
            Parameters_name = request.ParametersName,
            Depends_on = request.DependsOn?.ToList() ?? [],
        };
        var idempotencyKey = Guid.NewGuid().ToString("D");
        return (await _client.Create_jobAsync(idempotencyKey, body, cancellationToken).ConfigureAwait(false)).ToModel();
    }

    /// <summary><c>GET /jobs/{job_name}</c>.</summary>
    /// <param name="jobName">The job name.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The job.</returns>
    public async Task<JobResponse> GetJobStatusAsync(string jobName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobName);
        return (await _client.Get_job_statusAsync(jobName, cancellationToken).ConfigureAwait(false)).ToModel();
    }

    /// <summary><c>GET /jobs</c>: one page of the caller's jobs.</summary>
    /// <param name="query">Filters and paging; null for the first page with server defaults.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The page and the next cursor.</returns>
    public async Task<JobListResponse> GetJobsAsync(JobListQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new JobListQuery();
        var answer = await _client.Get_jobsAsync(
            query.Kinds?.Select(k => k.ToWireValue()).ToArray(),
            query.Statuses?.Select(s => s.Value).ToArray(),
            query.SetName,
            query.DisplayName,
            query.Limit?.ToString(CultureInfo.InvariantCulture),
            query.Cursor,
            query.Descending is null ? null : query.Descending.Value ? "desc" : "asc",
            null,
            cancellationToken).ConfigureAwait(false);
        return answer.ToModel();
    }

    /// <summary><c>DELETE /jobs/{job_name}</c>: cancels a pending or running job (an ended job → 409).</summary>
    /// <param name="jobName">The job name.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The job, status <c>cancelled</c>.</returns>
    public async Task<JobResponse> CancelJobAsync(string jobName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobName);
        return (await _client.Cancel_jobAsync(jobName, cancellationToken).ConfigureAwait(false)).ToModel();
    }
}
