using Avatars.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Avatars.Server.Storage;

/// <summary>
/// Registers the <see cref="IObjectStore"/> of <see cref="StorageOptions.Backend"/> (a singleton), the URL signer and
/// checker of local storage URLs and the upload URL issuer. The local backend also registers itself as
/// <see cref="LocalObjectStore"/> (served by <c>/api/storage/…</c>) and a start-up task creating its root.
/// </summary>
internal static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddAvatarsStorage(this IServiceCollection services, AvatarsServerOptions options)
    {
        services.AddSingleton<StorageUrlSigner>();
        services.AddSingleton<StorageUrlAuthorizer>();
        services.AddSingleton<UploadUrlIssuer>();
        if (string.Equals(options.Storage.Backend, "s3", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IObjectStore>(_ => new S3ObjectStore(options.Storage.S3));
        }
        else
        {
            var root = string.IsNullOrWhiteSpace(options.Storage.Local.Root)
                ? Path.Combine(options.DataDirectoryFullPath, "storage")
                : options.Storage.Local.Root;
            services.AddSingleton(sp => new LocalObjectStore(root, sp.GetRequiredService<StorageUrlSigner>()));
            services.AddSingleton<IObjectStore>(sp => sp.GetRequiredService<LocalObjectStore>());
            services.AddSingleton<IStartupTask, LocalStorageStartupTask>();
        }

        return services;
    }
}
