using Avatars.Client;
using Avatars.Client.Http;

namespace Avatars.Tutorials;

/// <summary>The first lines of every notebook: a manager on the base URL, authenticated.</summary>
internal static class TutorialSession
{
    public static async Task<AvatarManager> StartAsync(TutorialEnvironment environment, CancellationToken cancellationToken)
    {
        var options = new AvatarsClientOptions { BaseUrl = environment.BaseUrl };
        if (environment.PollInterval is { } interval)
        {
            options.PollInterval = interval;
        }

        var manager = new AvatarManager(options);
        await manager.AuthenticateAsync(environment.Username, environment.Password, cancellationToken);
        return manager;
    }
}
