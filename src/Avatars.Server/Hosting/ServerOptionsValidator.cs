namespace Avatars.Server.Hosting;

/// <summary>Checks the options before start-up; the message names the setting (never a secret's value).</summary>
internal static class ServerOptionsValidator
{
    public static void Validate(AvatarsServerOptions options)
    {
        Require(options.Database.Provider is "sqlite" or "postgres", "Database:Provider (AVATAR_DATABASE_PROVIDER) must be 'sqlite' or 'postgres'.");
        Require(options.Database.Provider != "postgres" || !string.IsNullOrWhiteSpace(options.Database.ConnectionString),
            "Database:ConnectionString (AVATAR_DATABASE_CONNECTION_STRING) is required with the postgres provider.");
        Require(options.Storage.Backend is "local" or "s3", "Storage:Backend (AVATAR_STORAGE_BACKEND) must be 'local' or 's3'.");
        Require(options.Storage.Backend != "s3" || !string.IsNullOrWhiteSpace(options.Storage.S3.Bucket), "Storage:S3:Bucket (AVATAR_S3_BUCKET) is required with the s3 backend.");
        Require(options.Storage.UploadUrlLifetime > TimeSpan.Zero && options.Storage.UploadUrlLifetime <= TimeSpan.FromDays(7), "Storage:UploadUrlLifetime (AVATAR_UPLOAD_URL_LIFETIME) must be between 00:00:01 and 7.00:00:00.");
        Require(options.Storage.DownloadUrlLifetime > TimeSpan.Zero && options.Storage.DownloadUrlLifetime <= TimeSpan.FromDays(7), "Storage:DownloadUrlLifetime (AVATAR_DOWNLOAD_URL_LIFETIME) must be between 00:00:01 and 7.00:00:00.");
        Require(options.Auth.AccessTokenLifetime > TimeSpan.Zero, "Auth:AccessTokenLifetime (AVATAR_ACCESS_TOKEN_LIFETIME) must be positive.");
        Require(options.Auth.RefreshTokenLifetime > TimeSpan.Zero, "Auth:RefreshTokenLifetime (AVATAR_REFRESH_TOKEN_LIFETIME) must be positive.");
        Require(options.Auth.RefreshTokenAbsoluteLifetime >= options.Auth.RefreshTokenLifetime, "Auth:RefreshTokenAbsoluteLifetime (AVATAR_REFRESH_TOKEN_ABSOLUTE_LIFETIME) must be at least Auth:RefreshTokenLifetime.");
        Require(options.Auth.LoginAttempts >= 1, "Auth:LoginAttempts (AVATAR_LOGIN_ATTEMPTS) must be at least 1.");
        Require(options.Auth.LoginWindow > TimeSpan.Zero, "Auth:LoginWindow (AVATAR_LOGIN_WINDOW) must be positive.");
        Require(options.RateLimit.RequestsPerMinute >= 1, "RateLimit:RequestsPerMinute (AVATAR_RATE_LIMIT_PER_MINUTE) must be at least 1.");
        Require(options.Limits.MaxRows >= 1, "Limits:MaxRows (AVATAR_MAX_ROWS) must be at least 1.");
        Require(options.Limits.MaxDimensions >= 1, "Limits:MaxDimensions (AVATAR_MAX_DIMENSIONS) must be at least 1.");
        Require(options.Limits.MaxUploadBytes >= 1, "Limits:MaxUploadBytes (AVATAR_MAX_UPLOAD_BYTES) must be at least 1.");
        Require(options.Limits.MaxRequestBodyBytes >= 1024, "Limits:MaxRequestBodyBytes (AVATAR_MAX_REQUEST_BODY_BYTES) must be at least 1024.");
        Require(options.Limits.MaxJobDuration > TimeSpan.Zero, "Limits:MaxJobDuration (AVATAR_MAX_JOB_DURATION) must be positive.");
        Require(options.Limits.MaxActiveJobsPerUser >= 1, "Limits:MaxActiveJobsPerUser (AVATAR_MAX_ACTIVE_JOBS_PER_USER) must be at least 1.");
        Require(options.Limits.MaxApiKeysPerUser >= 1, "Limits:MaxApiKeysPerUser (AVATAR_MAX_API_KEYS_PER_USER) must be at least 1.");
        Require(options.Workers.Concurrency >= 1, "Workers:Concurrency (AVATAR_WORKER_CONCURRENCY) must be at least 1.");
        Require(options.PublicBaseUrl is null || Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out _), "PublicBaseUrl (AVATAR_PUBLIC_BASE_URL) must be an absolute URL.");
        if (options.Bootstrap.AdminPassword is { } password)
        {
            Require(password.Length >= 12, "Bootstrap:AdminPassword (AVATAR_PASSWORD) must be at least 12 characters.");
        }
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ServerConfigurationException(message);
        }
    }
}
