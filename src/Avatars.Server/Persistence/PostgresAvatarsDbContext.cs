using Microsoft.EntityFrameworkCore;

namespace Avatars.Server.Persistence;

/// <summary>Production: PostgreSQL through Npgsql. Migrations in <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresAvatarsDbContext(DbContextOptions<PostgresAvatarsDbContext> options, OwnerScope owner)
    : AvatarsDbContext(options, owner);
