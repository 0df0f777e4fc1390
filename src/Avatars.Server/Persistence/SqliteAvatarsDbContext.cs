using Microsoft.EntityFrameworkCore;

namespace Avatars.Server.Persistence;

/// <summary>The embedded default: a SQLite file in the data directory. Migrations in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteAvatarsDbContext(DbContextOptions<SqliteAvatarsDbContext> options, OwnerScope owner)
    : AvatarsDbContext(options, owner);
