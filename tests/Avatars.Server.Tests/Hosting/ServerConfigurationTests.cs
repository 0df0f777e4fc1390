using Avatars.Server.Hosting;

namespace Avatars.Server.Tests.Hosting;

public sealed class ServerConfigurationTests
{
    [Fact]
    public void Documented_variables_set_their_keys()
    {
        var environment = new System.Collections.Hashtable
        {
            ["AVATAR_DATA_DIR"] = "/srv/avatars",
            ["AVATAR_MAX_ROWS"] = "1000",
            ["AVATAR_ACCESS_TOKEN_LIFETIME"] = "00:05:00",
            ["AVATAR_STORAGE_BACKEND"] = "s3",
            ["AVATAR_S3_BUCKET"] = "avatars",
            ["AVATAR_CORS_ORIGINS"] = "https://a.example, https://b.example",
            ["AVATAR_Workers__Concurrency"] = "3",
        };
        var options = ServerConfiguration.Load(environment: environment, settingsDirectory: Path.GetTempPath());
        Assert.Equal("/srv/avatars", options.DataDirectory);
        Assert.Equal(1000, options.Limits.MaxRows);
        Assert.Equal(TimeSpan.FromMinutes(5), options.Auth.AccessTokenLifetime);
        Assert.Equal("s3", options.Storage.Backend);
        Assert.Equal("avatars", options.Storage.S3.Bucket);
        Assert.Equal(["https://a.example", "https://b.example"], options.CorsOrigins);
        Assert.Equal(3, options.Workers.Concurrency);
    }

    [Fact]
    public void Command_line_overrides_win_and_secrets_come_from_files()
    {
        var secretFile = Path.GetTempFileName();
        File.WriteAllText(secretFile, "correct-horse-battery-staple\n");
        try
        {
            var environment = new System.Collections.Hashtable { ["AVATAR_DATA_DIR"] = "/a", ["AVATAR_PASSWORD_FILE"] = secretFile };
            var options = ServerConfiguration.Load(new Dictionary<string, string?> { ["DataDirectory"] = "/b" }, environment, Path.GetTempPath());
            Assert.Equal("/b", options.DataDirectory);
            Assert.Equal("correct-horse-battery-staple", options.Bootstrap.AdminPassword);
        }
        finally
        {
            File.Delete(secretFile);
        }
    }

    [Fact]
    public void A_bad_value_names_the_key_not_the_value()
    {
        var environment = new System.Collections.Hashtable { ["AVATAR_MAX_ROWS"] = "lots" };
        var ex = Assert.Throws<ServerConfigurationException>(() => ServerConfiguration.Load(environment: environment, settingsDirectory: Path.GetTempPath()));
        Assert.Contains("MaxRows", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("lots", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_options_stop_start_up_with_the_setting_named()
    {
        var options = new AvatarsServerOptions { Urls = "http://127.0.0.1:0", DataDirectory = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N")), Storage = { Backend = "ftp" } };
        var ex = await Assert.ThrowsAsync<ServerConfigurationException>(() => AvatarsServer.StartAsync(options, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("AVATAR_STORAGE_BACKEND", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_variable_is_documented_in_docs_configuration_md()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Avatars.slnx")))
        {
            root = root.Parent;
        }

        var doc = File.ReadAllText(Path.Combine(root!.FullName, "docs", "configuration.md"));
        foreach (var (variable, key) in ServerConfiguration.EnvironmentVariables)
        {
            Assert.Contains($"| `{key}` | `{variable}` |", doc, StringComparison.Ordinal);
        }
    }
}
