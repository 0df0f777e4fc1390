namespace Avatars.Server.Hosting;

/// <summary>
/// Every setting of the server (api.md §22). Bound from configuration (command line, <c>AVATAR_*</c> variables,
/// <c>AVATAR_&lt;Section&gt;__&lt;Key&gt;</c>, appsettings) by <see cref="ServerConfiguration"/>; tests build it directly.
/// </summary>
public sealed class AvatarsServerOptions
{
    /// <summary>The URLs Kestrel listens on, e.g. <c>http://127.0.0.1:8000</c>; port 0 picks a free port.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:8000";

    /// <summary>SQLite file, local storage and generated secrets live here (<c>AVATAR_DATA_DIR</c>).</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>Origin plus proxy prefix, without <c>/api</c>, used in signed URLs and <c>Location</c>; null: from the request.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Honour <c>X-Forwarded-*</c> headers (behind a trusted reverse proxy only).</summary>
    public bool TrustForwardedHeaders { get; set; }

    /// <summary>Browser origins allowed by CORS; empty: CORS off.</summary>
    public List<string> CorsOrigins { get; set; } = [];

    /// <summary>Database settings.</summary>
    public DatabaseOptions Database { get; set; } = new();

    /// <summary>Object storage settings.</summary>
    public StorageOptions Storage { get; set; } = new();

    /// <summary>Secrets.</summary>
    public SecurityOptions Security { get; set; } = new();

    /// <summary>Token lifetimes and login throttling.</summary>
    public AuthOptions Auth { get; set; } = new();

    /// <summary>Per-user request rate limit.</summary>
    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>The first administrator.</summary>
    public BootstrapOptions Bootstrap { get; set; } = new();

    /// <summary>Size, duration and count limits (api.md §20).</summary>
    public LimitsOptions Limits { get; set; } = new();

    /// <summary>In-process job workers.</summary>
    public WorkersOptions Workers { get; set; } = new();

    /// <summary>Job creation behaviour.</summary>
    public JobsOptions Jobs { get; set; } = new();

    /// <summary>The data directory as a full path.</summary>
    public string DataDirectoryFullPath => Path.GetFullPath(DataDirectory);
}

/// <summary>Which database holds users, sets, jobs and the result index.</summary>
public sealed class DatabaseOptions
{
    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>Connection string; default for SQLite: <c>Data Source=&lt;DataDirectory&gt;/avatar.db</c>.</summary>
    public string? ConnectionString { get; set; }
}

/// <summary>Object storage settings (api.md §16).</summary>
public sealed class StorageOptions
{
    /// <summary><c>local</c> (default) or <c>s3</c>.</summary>
    public string Backend { get; set; } = "local";

    /// <summary>The local backend.</summary>
    public LocalStorageOptions Local { get; set; } = new();

    /// <summary>The S3 backend.</summary>
    public S3StorageOptions S3 { get; set; } = new();

    /// <summary>Validity of upload URLs.</summary>
    public TimeSpan UploadUrlLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Validity of download URLs.</summary>
    public TimeSpan DownloadUrlLifetime { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Files on the server's disk, served by the API through signed URLs.</summary>
public sealed class LocalStorageOptions
{
    /// <summary>Root folder; default <c>&lt;DataDirectory&gt;/storage</c>.</summary>
    public string? Root { get; set; }
}

/// <summary>Any S3-compatible object store.</summary>
public sealed class S3StorageOptions
{
    /// <summary>Endpoint the server talks to; empty: AWS.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>Endpoint written into pre-signed URLs; default <see cref="ServiceUrl"/>.</summary>
    public string? PublicServiceUrl { get; set; }

    /// <summary>The bucket (required with the s3 backend).</summary>
    public string? Bucket { get; set; }

    /// <summary>Prefix of every object key.</summary>
    public string Prefix { get; set; } = string.Empty;

    /// <summary>Signing region.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>Path-style addressing (MinIO, SeaweedFS, s3rver).</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>Access key id; empty: the AWS SDK default credential chain.</summary>
    public string? AccessKeyId { get; set; }

    /// <summary>Secret access key.</summary>
    public string? SecretAccessKey { get; set; }
}

/// <summary>Secrets.</summary>
public sealed class SecurityOptions
{
    /// <summary>Base64 or hex, at least 32 bytes; generated into <c>&lt;DataDirectory&gt;/signing.key</c> when absent.</summary>
    public string? SigningSecret { get; set; }
}

/// <summary>Token lifetimes and login throttling (api.md §12).</summary>
public sealed class AuthOptions
{
    /// <summary>Access token lifetime.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Refresh token lifetime.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A refresh chain ends this long after the original login.</summary>
    public TimeSpan RefreshTokenAbsoluteLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Failed logins per user name and per client IP within <see cref="LoginWindow"/> before 429.</summary>
    public int LoginAttempts { get; set; } = 10;

    /// <summary>The login-failure window.</summary>
    public TimeSpan LoginWindow { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>Per-user request rate limit.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Authenticated requests per minute and user (token bucket).</summary>
    public int RequestsPerMinute { get; set; } = 600;
}

/// <summary>The first administrator, created when no user exists.</summary>
public sealed class BootstrapOptions
{
    /// <summary>User name (<c>AVATAR_USERNAME</c>).</summary>
    public string AdminUsername { get; set; } = "admin";

    /// <summary>Password (<c>AVATAR_PASSWORD</c>); generated and written to <c>&lt;DataDirectory&gt;/initial-admin-password</c> when absent.</summary>
    public string? AdminPassword { get; set; }
}

/// <summary>Limits (api.md §20).</summary>
public sealed class LimitsOptions
{
    /// <summary>Rows per table.</summary>
    public long MaxRows { get; set; } = 2_000_000;

    /// <summary>Dimensions per table (continuous columns + category modalities).</summary>
    public int MaxDimensions { get; set; } = 200;

    /// <summary>Upload size in bytes.</summary>
    public long MaxUploadBytes { get; set; } = 1L << 30;

    /// <summary>API request body size in bytes (storage PUT excepted).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1L << 20;

    /// <summary>Longest a job may run.</summary>
    public TimeSpan MaxJobDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Pending or running jobs per user.</summary>
    public int MaxActiveJobsPerUser { get; set; } = 10;

    /// <summary>Active API keys per user.</summary>
    public int MaxApiKeysPerUser { get; set; } = 20;

    /// <summary>Days results are kept after their job ended.</summary>
    public int ResultRetentionDays { get; set; } = 30;

    /// <summary>Days uploads are kept.</summary>
    public int UploadRetentionDays { get; set; } = 7;
}

/// <summary>In-process job workers.</summary>
public sealed class WorkersOptions
{
    /// <summary>Run jobs in this process.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Jobs run at once by this process.</summary>
    public int Concurrency { get; set; } = 1;
}

/// <summary>Job creation behaviour.</summary>
public sealed class JobsOptions
{
    /// <summary>An identical POST /api/jobs within this window returns the existing job (api.md §18.2).</summary>
    public TimeSpan DedupWindow { get; set; } = TimeSpan.FromMinutes(1);
}
