using Avatars.Server.Hosting;
using Microsoft.Extensions.Logging;

namespace Avatars.Cli.Tests;

/// <summary>These tests set AVATAR_* environment variables (read by the commands), so they run alone.</summary>
[CollectionDefinition(nameof(EnvironmentVariables), DisableParallelization = true)]
public sealed class EnvironmentVariables;

[Collection(nameof(EnvironmentVariables))]
public sealed class AdminCommandTests
{
    private const string AdminPassword = "admin-password-for-cli";

    [Fact]
    public async Task Users_and_api_keys_are_administered_over_the_api()
    {
        var directory = CliRunner.TempFolder();
        try
        {
            await RunAsync(directory);
        }
        finally
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder: harmless if something still holds a file.
            }
        }
    }

    private static async Task RunAsync(string directory)
    {
        var options = new AvatarsServerOptions { Urls = "http://127.0.0.1:0", DataDirectory = directory, Workers = { Enabled = false }, Bootstrap = { AdminPassword = AdminPassword } };
        await using var server = await AvatarsServer.StartAsync(options, l => l.SetMinimumLevel(LogLevel.Warning), TestContext.Current.CancellationToken);
        var url = server.BaseAddress + "api";
        try
        {
            Environment.SetEnvironmentVariable("AVATAR_USERNAME", "admin");
            Environment.SetEnvironmentVariable("AVATAR_PASSWORD", AdminPassword);
            var (code, output) = await CliRunner.RunAsync("users", "create", "--username", "nora", "--password", "nora-password-123", "--server", url);
            Assert.True(code == 0, output);
            Assert.Contains("Created user nora (user)", output, StringComparison.Ordinal);

            (code, output) = await CliRunner.RunAsync("users", "create", "--username", "nora", "--server", url);
            Assert.Equal(1, code);
            Assert.Contains("409", output, StringComparison.Ordinal);

            (code, output) = await CliRunner.RunAsync("users", "list", "--server", url);
            Assert.True(code == 0, output);
            Assert.Contains("nora", output, StringComparison.Ordinal);

            Environment.SetEnvironmentVariable("AVATAR_USERNAME", "nora");
            Environment.SetEnvironmentVariable("AVATAR_PASSWORD", "nora-password-123");
            (code, output) = await CliRunner.RunAsync("users", "list", "--server", url);
            Assert.Equal(1, code);
            Assert.Contains("admin role required", output, StringComparison.Ordinal);

            (code, output) = await CliRunner.RunAsync("api-keys", "create", "--name", "ci", "--expiration-days", "60", "--server", url);
            Assert.True(code == 0, output);
            Assert.Contains("avk_", output, StringComparison.Ordinal);

            (code, output) = await CliRunner.RunAsync("api-keys", "revoke", "--all", "--server", url);
            Assert.True(code == 0, output);
            Assert.Contains("Revoked 1 key(s).", output, StringComparison.Ordinal);

            (code, output) = await CliRunner.RunAsync("users", "list", "--server", "ftp://example");
            Assert.Equal(1, code);
            Assert.Contains("is not a server URL", output, StringComparison.Ordinal);

            Environment.SetEnvironmentVariable("AVATAR_PASSWORD", "wrong-password-123");
            (code, output) = await CliRunner.RunAsync("users", "list", "--server", url);
            Assert.Equal(1, code);
            Assert.Contains("incorrect username or password", output, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("AVATAR_USERNAME", null);
            Environment.SetEnvironmentVariable("AVATAR_PASSWORD", null);
        }
    }
}
