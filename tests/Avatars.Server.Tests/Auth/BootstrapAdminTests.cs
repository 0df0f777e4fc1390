using System.Net;
using Avatars.Server.Auth;
using Avatars.Server.Tests.Infrastructure;

namespace Avatars.Server.Tests.Auth;

public sealed class BootstrapAdminTests
{
    [Fact]
    public async Task Generated_password_is_written_owner_only_and_works()
    {
        await using var server = await TestServer.StartAsync(o => o.Bootstrap.AdminPassword = null);
        var path = BootstrapAdmin.PasswordFilePath(server.Options);
        Assert.True(File.Exists(path));
        var password = File.ReadAllText(path);
        Assert.Equal(24, password.Length);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        using var admin = await ApiSession.LoginAsync(server, "admin", password);
        Assert.Equal("admin", (await admin.GetJsonAsync("api/users/me")).GetProperty("role").GetString());
    }

    [Fact]
    public async Task Configured_password_writes_no_file_and_later_starts_change_nothing()
    {
        var directory = Path.Combine(Path.GetTempPath(), "avatars-server-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using (var first = await TestServer.StartAsync(o => o.Bootstrap.AdminUsername = "root", directory))
            {
                Assert.False(File.Exists(BootstrapAdmin.PasswordFilePath(first.Options)));
                using var root = await ApiSession.LoginAsync(first, "root", TestServer.AdminPassword);
            }

            await using var second = await TestServer.StartAsync(
                o =>
                {
                    o.Bootstrap.AdminUsername = "other";
                    o.Bootstrap.AdminPassword = "another-password-123";
                },
                directory);
            using var response = await ApiSession.PostLoginAsync(second.Http, "other", "another-password-123");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            using var stillRoot = await ApiSession.LoginAsync(second, "root", TestServer.AdminPassword);
        }
        finally
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
