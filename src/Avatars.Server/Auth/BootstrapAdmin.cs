using System.Security.Cryptography;
using Avatars.Server.Hosting;
using Avatars.Server.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Avatars.Server.Auth;

/// <summary>
/// Creates the first administrator when no user exists (api.md §22.2). Without a configured password a 24-character
/// one is generated and written owner-only to <see cref="PasswordFilePath"/>; the log names the file, never the
/// password. Once any user exists the bootstrap settings are ignored.
/// </summary>
public sealed class BootstrapAdmin : IStartupTask
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private readonly IServiceScopeFactory scopes;
    private readonly AvatarsServerOptions options;
    private readonly ILogger<BootstrapAdmin> logger;

    /// <summary>Creates the task.</summary>
    public BootstrapAdmin(IServiceScopeFactory scopes, AvatarsServerOptions options, ILogger<BootstrapAdmin> logger)
    {
        this.scopes = scopes;
        this.options = options;
        this.logger = logger;
    }

    /// <inheritdoc />
    public int Order => 200;

    /// <summary>Where a generated initial admin password is written (the CLI prints it on first start).</summary>
    public static string PasswordFilePath(AvatarsServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Path.Combine(options.DataDirectoryFullPath, "initial-admin-password");
    }

    /// <inheritdoc />
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AvatarsDbContext>();
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var password = options.Bootstrap.AdminPassword;
        if (password is not null && password.Length < AccountRules.MinPasswordLength)
        {
            throw new ServerConfigurationException("Bootstrap:AdminPassword (AVATAR_PASSWORD) must be at least 12 characters.");
        }

        var generated = password is null;
        password ??= RandomNumberGenerator.GetString(Alphabet, 24);
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        try
        {
            await accounts.CreateAsync(db, options.Bootstrap.AdminUsername, null, password, UserRoles.Admin, cancellationToken);
        }
        catch (Api.ApiValidationException ex)
        {
            throw new ServerConfigurationException($"Bootstrap:AdminUsername (AVATAR_USERNAME) is not a valid user name: {ex.Message}");
        }
        catch (Api.ApiException ex) when (ex.StatusCode == 409)
        {
            // Another instance sharing the database created the first user at the same moment.
            logger.LogInformation("Another instance created the first user; skipping the bootstrap administrator");
            return;
        }

        if (generated)
        {
            var path = PasswordFilePath(options);
            File.Delete(path);
            OwnerOnlyFile.WriteAllText(path, password);
            logger.LogWarning("Created the administrator '{Username}'; its generated password is in {Path}", options.Bootstrap.AdminUsername, path);
        }
        else
        {
            logger.LogInformation("Created the administrator '{Username}' with the configured password", options.Bootstrap.AdminUsername);
        }
    }
}
