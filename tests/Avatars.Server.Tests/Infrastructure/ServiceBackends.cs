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
}
