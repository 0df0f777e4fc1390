using Avatars.Client.Models;

namespace Avatars.Client.Http;

/// <summary>
/// What the Manager and the Runner need from the API (implemented by <see cref="AvatarsApiClient"/>; tests use a fake).
/// Every failed call throws <see cref="AvatarsApiException"/>; a call needing credentials without any throws
/// <see cref="InvalidOperationException"/> (<c>You are not authenticated.</c>).
/// </summary>
public interface IAvatarsApiClient
{
    /// <summary>Client settings (poll interval and job timeout are read by the Runner).</summary>
    AvatarsClientOptions Options { get; }

    /// <summary>The current token pair after <see cref="AuthenticateAsync"/> (null before, or with an API key).</summary>
    AuthTokens? AuthTokens { get; }

    /// <summary>Logs in with a password (<c>POST /login</c>) and keeps the tokens for the following calls.</summary>
    /// <param name="username">User name or e-mail.</param>
    /// <param name="password">Password.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    Task AuthenticateAsync(string username, string password, CancellationToken cancellationToken = default);

    /// <summary>Uploads one file to the caller's upload area through a signed URL.</summary>
    /// <param name="fileName">The name the YAML refers to (<c>iris.csv</c>).</param>
    /// <param name="content">The bytes, read from the current position.</param>
    /// <param name="size">Byte count, or null to use the stream length.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The storage key (informational).</returns>
    Task<string> UploadFileAsync(string fileName, Stream content, long? size = null, CancellationToken cancellationToken = default);

    /// <summary>Creates a resource set version (<c>PUT /resources/{display_name}</c>).</summary>
    /// <param name="displayName">The display name.</param>
    /// <param name="yaml">The YAML.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The set id to use in jobs.</returns>
    Task<ResourceSetResponse> PutResourcesAsync(string displayName, string yaml, CancellationToken cancellationToken = default);

    /// <summary>Creates a job (<c>POST /jobs</c>, safe to retry thanks to an <c>Idempotency-Key</c>).</summary>
    /// <param name="request">The job.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>Name and <c>Location</c>.</returns>
    Task<JobCreateResponse> CreateJobAsync(JobCreateRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads a job (<c>GET /jobs/{name}</c>).</summary>
    /// <param name="jobName">The job name.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The job.</returns>
    Task<JobResponse> GetJobAsync(string jobName, CancellationToken cancellationToken = default);

    /// <summary>Lists jobs, one page (<c>GET /jobs</c>).</summary>
    /// <param name="query">Filters and paging, or null.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The page.</returns>
    Task<JobListResponse> GetJobsAsync(JobListQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Cancels a pending or running job (<c>DELETE /jobs/{name}</c>).</summary>
    /// <param name="jobName">The job name.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The cancelled job.</returns>
    Task<JobResponse> CancelJobAsync(string jobName, CancellationToken cancellationToken = default);

    /// <summary>Signed download URLs of a finished job (<c>GET /results/{name}</c>); fresh URLs on every call.</summary>
    /// <param name="jobName">The job name.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>Result key → URLs.</returns>
    Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetResultsAsync(string jobName, CancellationToken cancellationToken = default);

    /// <summary>Downloads one signed URL (no <c>Authorization</c> sent). 403/404 throw <see cref="AvatarsApiException"/>: re-list the results and retry.</summary>
    /// <param name="signedUrl">An absolute URL from <see cref="GetResultsAsync"/>.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The bytes.</returns>
    Task<byte[]> DownloadFileAsync(string signedUrl, CancellationToken cancellationToken = default);

    /// <summary>Changes the caller's password (<c>POST /users/me/password</c>; password login only, wrong current password → 403).</summary>
    /// <param name="currentPassword">The password in use.</param>
    /// <param name="newPassword">12–128 characters.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    Task ChangePasswordAsync(string currentPassword, string newPassword, CancellationToken cancellationToken = default);

    /// <summary><c>GET /health</c>.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>Message and server version.</returns>
    Task<HealthResponse> GetHealthAsync(CancellationToken cancellationToken = default);

    /// <summary><c>GET /users/me</c>.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The caller.</returns>
    Task<User> GetMeAsync(CancellationToken cancellationToken = default);

    /// <summary><c>GET /check_client</c>.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The compatibility verdict.</returns>
    Task<CheckClientResponse> CheckClientAsync(CancellationToken cancellationToken = default);
}
