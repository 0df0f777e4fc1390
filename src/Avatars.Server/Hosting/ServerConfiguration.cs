using System.Collections;
using Microsoft.Extensions.Configuration;

namespace Avatars.Server.Hosting;

/// <summary>
/// Reads <see cref="AvatarsServerOptions"/> from its sources (api.md §22.1), highest first: command-line overrides,
/// the documented <c>AVATAR_*</c> variables (and <c>AVATAR_&lt;NAME&gt;_FILE</c> for secrets), generic
/// <c>AVATAR_&lt;Section&gt;__&lt;Key&gt;</c> variables, <c>appsettings.&lt;Environment&gt;.json</c>, <c>appsettings.json</c>, defaults.
/// </summary>
public static class ServerConfiguration
{
    /// <summary>Each documented environment variable and the configuration key it sets (docs/configuration.md lists them).</summary>
    public static IReadOnlyDictionary<string, string> EnvironmentVariables { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AVATAR_URLS"] = "Urls",
        ["AVATAR_DATA_DIR"] = "DataDirectory",
        ["AVATAR_PUBLIC_BASE_URL"] = "PublicBaseUrl",
        ["AVATAR_TRUST_FORWARDED_HEADERS"] = "TrustForwardedHeaders",
        ["AVATAR_CORS_ORIGINS"] = "CorsOrigins",
        ["AVATAR_DATABASE_PROVIDER"] = "Database:Provider",
        ["AVATAR_DATABASE_CONNECTION_STRING"] = "Database:ConnectionString",
        ["AVATAR_STORAGE_BACKEND"] = "Storage:Backend",
        ["AVATAR_STORAGE_LOCAL_ROOT"] = "Storage:Local:Root",
        ["AVATAR_S3_ENDPOINT"] = "Storage:S3:ServiceUrl",
        ["AVATAR_S3_PUBLIC_ENDPOINT"] = "Storage:S3:PublicServiceUrl",
        ["AVATAR_S3_BUCKET"] = "Storage:S3:Bucket",
        ["AVATAR_S3_PREFIX"] = "Storage:S3:Prefix",
        ["AVATAR_S3_REGION"] = "Storage:S3:Region",
        ["AVATAR_S3_FORCE_PATH_STYLE"] = "Storage:S3:ForcePathStyle",
        ["AVATAR_S3_ACCESS_KEY_ID"] = "Storage:S3:AccessKeyId",
        ["AVATAR_S3_SECRET_ACCESS_KEY"] = "Storage:S3:SecretAccessKey",
        ["AVATAR_UPLOAD_URL_LIFETIME"] = "Storage:UploadUrlLifetime",
        ["AVATAR_DOWNLOAD_URL_LIFETIME"] = "Storage:DownloadUrlLifetime",
        ["AVATAR_SIGNING_SECRET"] = "Security:SigningSecret",
        ["AVATAR_ACCESS_TOKEN_LIFETIME"] = "Auth:AccessTokenLifetime",
        ["AVATAR_REFRESH_TOKEN_LIFETIME"] = "Auth:RefreshTokenLifetime",
        ["AVATAR_REFRESH_TOKEN_ABSOLUTE_LIFETIME"] = "Auth:RefreshTokenAbsoluteLifetime",
        ["AVATAR_LOGIN_ATTEMPTS"] = "Auth:LoginAttempts",
        ["AVATAR_LOGIN_WINDOW"] = "Auth:LoginWindow",
        ["AVATAR_RATE_LIMIT_PER_MINUTE"] = "RateLimit:RequestsPerMinute",
        ["AVATAR_USERNAME"] = "Bootstrap:AdminUsername",
        ["AVATAR_PASSWORD"] = "Bootstrap:AdminPassword",
        ["AVATAR_MAX_ROWS"] = "Limits:MaxRows",
        ["AVATAR_MAX_DIMENSIONS"] = "Limits:MaxDimensions",
        ["AVATAR_MAX_UPLOAD_BYTES"] = "Limits:MaxUploadBytes",
        ["AVATAR_MAX_REQUEST_BODY_BYTES"] = "Limits:MaxRequestBodyBytes",
        ["AVATAR_MAX_JOB_DURATION"] = "Limits:MaxJobDuration",
        ["AVATAR_MAX_ACTIVE_JOBS_PER_USER"] = "Limits:MaxActiveJobsPerUser",
        ["AVATAR_MAX_API_KEYS_PER_USER"] = "Limits:MaxApiKeysPerUser",
        ["AVATAR_RESULT_RETENTION_DAYS"] = "Limits:ResultRetentionDays",
        ["AVATAR_UPLOAD_RETENTION_DAYS"] = "Limits:UploadRetentionDays",
        ["AVATAR_WORKERS_ENABLED"] = "Workers:Enabled",
        ["AVATAR_WORKER_CONCURRENCY"] = "Workers:Concurrency",
        ["AVATAR_JOB_DEDUP_WINDOW"] = "Jobs:DedupWindow",
        ["AVATAR_LOG_LEVEL"] = "Logging:LogLevel:Default",
    };

    /// <summary>Builds the options.</summary>
    /// <param name="overrides">Highest-priority values by configuration key (e.g. from <c>--urls</c>, <c>--data-dir</c>).</param>
    /// <param name="environment">The environment variables (default: the process's).</param>
    /// <param name="settingsDirectory">Where <c>appsettings.json</c> is looked for (default: the current directory).</param>
    /// <exception cref="ServerConfigurationException">A value cannot be read; the message names the key.</exception>
    public static AvatarsServerOptions Load(IReadOnlyDictionary<string, string?>? overrides = null, IDictionary? environment = null, string? settingsDirectory = null)
    {
        var configuration = Build(overrides, environment ?? Environment.GetEnvironmentVariables(), settingsDirectory ?? Directory.GetCurrentDirectory());
        var options = new AvatarsServerOptions();
        try
        {
            configuration.Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            // The binder's message holds the value, which may be a secret: keep only the key.
            var match = System.Text.RegularExpressions.Regex.Match(ex.Message, " at '([^']+)'");
            var key = match.Success ? match.Groups[1].Value : "a setting";
            var variable = EnvironmentVariables.FirstOrDefault(v => string.Equals(v.Value, key, StringComparison.OrdinalIgnoreCase)).Key;
            throw new ServerConfigurationException(
                $"Cannot read the setting '{key}'{(variable is null ? string.Empty : $" ({variable})")}: check its format (numbers, true/false, durations as [d.]hh:mm:ss).");
        }

        var cors = configuration["CorsOrigins"];
        if (!string.IsNullOrWhiteSpace(cors))
        {
            options.CorsOrigins = [.. cors.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        }

        return options;
    }

    /// <summary>The log level from <c>Logging:LogLevel:Default</c>, for the host's logging set-up.</summary>
    public static string? LogLevel(IDictionary? environment = null) =>
        (environment ?? Environment.GetEnvironmentVariables())["AVATAR_LOG_LEVEL"] as string;

    private static IConfigurationRoot Build(IReadOnlyDictionary<string, string?>? overrides, IDictionary environment, string settingsDirectory)
    {
        var environmentName = environment["DOTNET_ENVIRONMENT"] as string ?? environment["ASPNETCORE_ENVIRONMENT"] as string ?? "Production";
        var generic = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var specific = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in environment)
        {
            var name = (string)entry.Key;
            var value = entry.Value as string;
            if (EnvironmentVariables.TryGetValue(name, out var key))
            {
                specific[key] = value;
            }
            else if (name.EndsWith("_FILE", StringComparison.Ordinal) && EnvironmentVariables.TryGetValue(name[..^5], out var fileKey) && value is not null)
            {
                specific[fileKey] = ReadSecretFile(name, value);
            }
            else if (name.StartsWith("AVATAR_", StringComparison.Ordinal) && name.Contains("__", StringComparison.Ordinal))
            {
                generic[name["AVATAR_".Length..].Replace("__", ":", StringComparison.Ordinal)] = value;
            }
        }

        return new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(settingsDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddJsonFile(Path.Combine(settingsDirectory, $"appsettings.{environmentName}.json"), optional: true, reloadOnChange: false)
            .AddInMemoryCollection(generic)
            .AddInMemoryCollection(specific)
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();
    }

    private static string ReadSecretFile(string variable, string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ServerConfigurationException($"{variable}: cannot read the file '{path}' ({ex.GetType().Name}).", ex);
        }
    }
}
