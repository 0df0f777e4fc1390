using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Avatars.Server.Persistence;

/// <summary>For <c>dotnet ef migrations add … --context SqliteAvatarsDbContext</c> (docs/architecture.md).</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAvatarsDbContext>
{
    public SqliteAvatarsDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteAvatarsDbContext>();
        DatabaseProviders.UseSqlite(builder, "Data Source=design-time.db");
        return new SqliteAvatarsDbContext(builder.Options, new OwnerScope());
    }
}

/// <summary>For <c>dotnet ef migrations add … --context PostgresAvatarsDbContext</c>; no server needed to add a migration.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAvatarsDbContext>
{
    public PostgresAvatarsDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresAvatarsDbContext>();
        DatabaseProviders.UsePostgres(builder, "Host=localhost;Database=avatar_design;Username=avatar");
        return new PostgresAvatarsDbContext(builder.Options, new OwnerScope());
    }
}
