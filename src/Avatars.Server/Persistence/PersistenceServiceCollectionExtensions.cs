using Avatars.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Avatars.Server.Persistence;

/// <summary>Registers the database of <see cref="DatabaseOptions.Provider"/> and its start-up migration.</summary>
internal static class PersistenceServiceCollectionExtensions
{
    public static IServiceCollection AddAvatarsPersistence(this IServiceCollection services, AvatarsServerOptions options)
    {
        services.AddScoped<OwnerScope>();
        if (options.Database.Provider == "postgres")
        {
            services.AddDbContext<PostgresAvatarsDbContext>(o => DatabaseProviders.UsePostgres(o, options.Database.ConnectionString!));
            services.AddScoped<AvatarsDbContext>(sp => sp.GetRequiredService<PostgresAvatarsDbContext>());
        }
        else
        {
            var connectionString = options.Database.ConnectionString
                ?? $"Data Source={Path.Combine(options.DataDirectoryFullPath, "avatar.db")}";
            services.AddDbContext<SqliteAvatarsDbContext>(o => DatabaseProviders.UseSqlite(o, connectionString));
            services.AddScoped<AvatarsDbContext>(sp => sp.GetRequiredService<SqliteAvatarsDbContext>());
        }

        services.AddSingleton<IStartupTask, DatabaseMigrationStartupTask>();
        return services;
    }
}
