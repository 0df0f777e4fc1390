using Avatars.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Avatars.Server.Storage;

/// <summary>Registers the <see cref="IObjectStore"/> of <see cref="StorageOptions.Backend"/>.</summary>
internal static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddAvatarsStorage(this IServiceCollection services, AvatarsServerOptions options)
    {
        // TODO(storage helper): local and s3 backends.
        return services;
    }
}
