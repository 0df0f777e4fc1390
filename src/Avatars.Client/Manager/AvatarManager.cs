using Avatars.Client.Http;
using Avatars.Client.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Avatars.Client;

/// <summary>
/// The entry point of the SDK (Python <c>Manager</c>, sdk.md §3): owns an API client, authenticates, creates runners,
/// reads the latest jobs and results. <c>new AvatarManager(new Uri("https://host/api"))</c>, then
/// <see cref="AuthenticateAsync(string, string, CancellationToken)"/> and <see cref="CreateRunner"/>.
/// </summary>
public sealed class AvatarManager : IDisposable
{
    /// <summary>Environment variable holding an API key (used instead of a password when set).</summary>
    public const string ApiKeyVariable = "AVATAR_API_KEY";

    private const int MaxPageSize = 1000;

    private readonly ILoggerFactory _loggerFactory;
    private readonly bool _ownsClient;

    /// <summary>Creates a manager for an API root (including <c>/api</c>); no network call.</summary>
    /// <param name="baseUrl">The API root, e.g. <c>https://avatar.example.com/api</c>.</param>
    /// <param name="loggerFactory">Logging, or null.</param>
    /// <exception cref="ArgumentException">The URL is relative or contains quotes.</exception>
    public AvatarManager(Uri baseUrl, ILoggerFactory? loggerFactory = null)
        : this(new AvatarsClientOptions { BaseUrl = baseUrl ?? throw new ArgumentNullException(nameof(baseUrl)) }, loggerFactory)
    {
    }

    /// <summary>Creates a manager with client settings (base URL, API key, timeouts, poll interval…); no network call.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="loggerFactory">Logging, or null.</param>
    public AvatarManager(AvatarsClientOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        AuthClient = new AvatarsApiClient(options, _loggerFactory);
        _ownsClient = true;
    }

    /// <summary>Creates a manager over an existing client (not disposed by the manager); tests pass a fake.</summary>
    /// <param name="apiClient">The client.</param>
    /// <param name="loggerFactory">Logging, or null.</param>
    public AvatarManager(IAvatarsApiClient apiClient, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(apiClient);
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        AuthClient = apiClient;
    }

    /// <summary>The API client (Python <c>auth_client</c>); an <see cref="AvatarsApiClient"/> unless a client was injected.</summary>
    public IAvatarsApiClient AuthClient { get; }

    /// <summary>
    /// A manager configured from the environment: <c>AVATAR_BASE_API_URL</c> (required) and, when set,
    /// <c>AVATAR_API_KEY</c>.
    /// </summary>
    /// <param name="loggerFactory">Logging, or null.</param>
    /// <param name="configure">Further settings (e.g. the poll interval), or null.</param>
    /// <returns>The manager.</returns>
    /// <exception cref="InvalidOperationException"><c>AVATAR_BASE_API_URL</c> is not set.</exception>
    public static AvatarManager FromEnvironment(ILoggerFactory? loggerFactory = null, Action<AvatarsClientOptions>? configure = null)
    {
        var url = Environment.GetEnvironmentVariable(AvatarsDefaults.BaseUrlVariable);
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new InvalidOperationException($"Expected the environment variable {AvatarsDefaults.BaseUrlVariable} to hold the API root (e.g. http://localhost:8080/api).");
        }

        var options = new AvatarsClientOptions { BaseUrl = new Uri(url, UriKind.Absolute) };
        if (Environment.GetEnvironmentVariable(ApiKeyVariable) is { Length: > 0 } key)
        {
            options.ApiKey = key;
        }

        configure?.Invoke(options);
        return new AvatarManager(options, loggerFactory);
    }

    /// <summary><c>authenticate</c>: logs in with a password (<c>POST /login</c>).</summary>
    /// <param name="username">User name or e-mail.</param>
    /// <param name="password">Password.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    /// <exception cref="AvatarsApiException">Wrong credentials.</exception>
    /// <exception cref="InvalidOperationException">The client uses an API key.</exception>
    public Task AuthenticateAsync(string username, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(password);
        return AuthClient.AuthenticateAsync(username, password, cancellationToken);
    }

    /// <summary>
    /// Authenticates from the environment: nothing to do with an API key (it is sent with every request); else
    /// <c>AVATAR_USERNAME</c> and <c>AVATAR_PASSWORD</c>.
    /// </summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    /// <exception cref="InvalidOperationException">No API key and the two variables are not set.</exception>
    public Task AuthenticateAsync(CancellationToken cancellationToken = default)
    {
        if (AuthClient.Options.ApiKey is not null)
        {
            return Task.CompletedTask;
        }

        var username = Environment.GetEnvironmentVariable(AvatarsDefaults.UsernameVariable);
        var password = Environment.GetEnvironmentVariable(AvatarsDefaults.PasswordVariable);
        if (string.IsNullOrEmpty(username) || string.IsNullOrEmpty(password))
        {
            throw new InvalidOperationException(
                $"Expected {AvatarsDefaults.UsernameVariable} and {AvatarsDefaults.PasswordVariable} (or an API key in {ApiKeyVariable}) to be set.");
        }

        return AuthClient.AuthenticateAsync(username, password, cancellationToken);
    }

    /// <summary>Changes the caller's password (<c>POST /users/me/password</c>; replaces the vendor's forgotten/reset-password pair, not served).</summary>
    /// <param name="currentPassword">The password in use.</param>
    /// <param name="newPassword">12–128 characters.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    /// <exception cref="AvatarsApiException">Wrong current password (403) or invalid new password (422).</exception>
    public Task ChangePasswordAsync(string currentPassword, string newPassword, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(currentPassword);
        ArgumentNullException.ThrowIfNull(newPassword);
        return AuthClient.ChangePasswordAsync(currentPassword, newPassword, cancellationToken);
    }

    /// <summary><c>get_health</c>: <c>GET /health</c>.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>Message (<c>ok</c>) and server version.</returns>
    public Task<HealthResponse> GetHealthAsync(CancellationToken cancellationToken = default) => AuthClient.GetHealthAsync(cancellationToken);

    /// <summary><c>create_runner</c>: a new runner on this manager's client (no network call).</summary>
    /// <param name="setName">The display name of the resource set: 1–255 characters, no <c>/</c>, no control characters.</param>
    /// <param name="seed">The runner seed, or null.</param>
    /// <returns>The runner.</returns>
    /// <exception cref="ArgumentException">The name is invalid.</exception>
    public Runner CreateRunner(string setName, int? seed = null) =>
        new(AuthClient, setName, seed, _loggerFactory.CreateLogger("Avatars.Client.Runner"));

    /// <summary><c>create_runner_from_yaml</c>: <see cref="CreateRunner"/>, then <see cref="Runner.FromYamlAsync"/>.</summary>
    /// <param name="yamlPath">A YAML written by <c>get_yaml()</c> (Python or .NET).</param>
    /// <param name="setName">The display name.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The runner; upload the data with <see cref="Runner.UploadFileAsync"/> before running.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public async Task<Runner> CreateRunnerFromYamlAsync(string yamlPath, string setName, CancellationToken cancellationToken = default)
    {
        var runner = CreateRunner(setName);
        await runner.FromYamlAsync(yamlPath, cancellationToken).ConfigureAwait(false);
        return runner;
    }

    /// <summary><c>get_last_jobs</c>: the caller's <paramref name="count"/> latest jobs, oldest first, keyed by name.</summary>
    /// <param name="count">How many (at least 1; more than exist returns all).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The jobs.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1 (fix of sdk.md §17 #24).</exception>
    public async Task<IReadOnlyDictionary<string, JobResponse>> GetLastJobsAsync(int count = 1, CancellationToken cancellationToken = default)
    {
        var jobs = await LastJobsAsync(count, cancellationToken).ConfigureAwait(false);
        var byName = new OrderedDictionary<string, JobResponse>(StringComparer.Ordinal);
        foreach (var job in jobs)
        {
            byName[job.Name] = job;
        }

        return byName;
    }

    /// <summary>
    /// <c>get_last_results</c>: the result URLs of the caller's <paramref name="count"/> latest jobs, oldest first. An
    /// unfinished job makes the server answer 409 (<see cref="AvatarsApiException"/>).
    /// </summary>
    /// <param name="count">How many (at least 1).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>Per job: result key → signed URLs.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1.</exception>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, IReadOnlyList<string>>>> GetLastResultsAsync(int count = 1, CancellationToken cancellationToken = default)
    {
        var results = new List<IReadOnlyDictionary<string, IReadOnlyList<string>>>();
        foreach (var job in await LastJobsAsync(count, cancellationToken).ConfigureAwait(false))
        {
            results.Add(await AuthClient.GetResultsAsync(job.Name, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>Disposes the client when the manager created it.</summary>
    public void Dispose()
    {
        if (_ownsClient && AuthClient is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    private async Task<IReadOnlyList<JobResponse>> LastJobsAsync(int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        // The list is paginated (at most 1000 per page): newest first, then reversed to the vendor's oldest-first order.
        var jobs = new List<JobResponse>();
        string? cursor = null;
        do
        {
            var query = new JobListQuery { Descending = true, Limit = Math.Min(count - jobs.Count, MaxPageSize), Cursor = cursor };
            var page = await AuthClient.GetJobsAsync(query, cancellationToken).ConfigureAwait(false);
            jobs.AddRange(page.Jobs);
            cursor = page.NextCursor;
        }
        while (jobs.Count < count && cursor is not null);

        return jobs.Take(count).Reverse().ToList();
    }
}
