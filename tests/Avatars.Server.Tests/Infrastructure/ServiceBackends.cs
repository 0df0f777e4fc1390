using Avatars.Server.Hosting;

namespace Avatars.Server.Tests.Infrastructure;

/// <summary>
/// Production backends for the services tests (DESIGN.md §8): PostgreSQL and an S3-compatible server, started
/// by <c>.ci/run</c>. Elsewhere the tests skip with a message saying which variable to set.
/// </summary>
public static class ServiceBackends
{
    /// <summary>Npgsql connection string without a database (each test server creates its own).</summary>
    public const string PostgresVariable = "AVATAR_TEST_POSTGRES";

    /// <summary>Points the options at a fresh PostgreSQL database, or skips the test.</summary>
    public static void UsePostgres(AvatarsServerOptions options)
    {
        var connection = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(connection))
        {
            Assert.Skip($"PostgreSQL not configured: set {PostgresVariable} (e.g. eval \"$(.ci/start-postgres.sh)\"; .ci/run does it) to run this test against PostgreSQL.");
        }

        options.Database.Provider = "postgres";
        options.Database.ConnectionString = connection.TrimEnd(';') + ";Database=avatars_test_" + Guid.NewGuid().ToString("N");
    }

    /// <summary>S3-compatible endpoint, as printed by <c>.ci/start-s3rver.sh</c>.</summary>
    public const string S3EndpointVariable = "AVATAR_TEST_S3_ENDPOINT";

    /// <summary>Points the options at the S3-compatible test server (a fresh key prefix per server), or skips the test.</summary>
    public static void UseS3(AvatarsServerOptions options)
    {
        var endpoint = Environment.GetEnvironmentVariable(S3EndpointVariable);
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            Assert.Skip($"S3-compatible server not configured: set {S3EndpointVariable} and AVATAR_TEST_S3_* (eval \"$(.ci/start-s3rver.sh)\"; .ci/run does it) to run this test against S3.");
        }

        options.Storage.Backend = "s3";
        options.Storage.S3.ServiceUrl = endpoint;
        options.Storage.S3.Bucket = Environment.GetEnvironmentVariable("AVATAR_TEST_S3_BUCKET") ?? "avatars-test";
        options.Storage.S3.AccessKeyId = Environment.GetEnvironmentVariable("AVATAR_TEST_S3_ACCESS_KEY_ID") ?? "S3RVER";
        options.Storage.S3.SecretAccessKey = Environment.GetEnvironmentVariable("AVATAR_TEST_S3_SECRET_ACCESS_KEY") ?? "S3RVER";
        options.Storage.S3.Region = Environment.GetEnvironmentVariable("AVATAR_TEST_S3_REGION") ?? "us-east-1";
        options.Storage.S3.ForcePathStyle = true;
        options.Storage.S3.Prefix = "server-tests/" + Guid.NewGuid().ToString("N") + "/";
    }
}
