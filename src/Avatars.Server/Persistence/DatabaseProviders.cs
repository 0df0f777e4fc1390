using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Avatars.Server.Persistence;

/// <summary>Provider options shared by the server and the design-time factories (migrations).</summary>
internal static class DatabaseProviders
{
    public static void UseSqlite(DbContextOptionsBuilder builder, string connectionString)
    {
        // Writers wait for each other instead of failing with "database is locked".
        var csb = new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = 30, Pooling = true };
        builder.UseSqlite(csb.ToString(), o => o.MigrationsAssembly(typeof(DatabaseProviders).Assembly.GetName().Name))
            .AddInterceptors(SqlitePragmas.Instance);
    }

    public static void UsePostgres(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(typeof(DatabaseProviders).Assembly.GetName().Name));
}
