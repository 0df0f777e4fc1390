using Avatars.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Avatars.Server.Persistence;

/// <summary>
/// Users, tokens, API keys, resource sets, jobs and the result index. Provider-specific subclasses
/// (<see cref="SqliteAvatarsDbContext"/>, <see cref="PostgresAvatarsDbContext"/>) carry their own migrations.
/// Owned entities are filtered by <see cref="OwnerScope"/> (api.md §21).
/// </summary>
public abstract class AvatarsDbContext : DbContext
{
    private readonly OwnerScope owner;

    /// <summary>Creates the context.</summary>
    protected AvatarsDbContext(DbContextOptions options, OwnerScope owner)
        : base(options) => this.owner = owner;

    /// <summary>The user whose rows this context sees.</summary>
    public Guid OwnerId => owner.UserId;

    /// <summary>Users (not owner-filtered: admin endpoints and authentication need them).</summary>
    public DbSet<UserEntity> Users => Set<UserEntity>();

    /// <summary>Issued refresh tokens.</summary>
    public DbSet<RefreshTokenEntity> RefreshTokens => Set<RefreshTokenEntity>();

    /// <summary>API keys (owner-filtered).</summary>
    public DbSet<ApiKeyEntity> ApiKeys => Set<ApiKeyEntity>();

    /// <summary>Resource set versions (owner-filtered).</summary>
    public DbSet<ResourceSetEntity> ResourceSets => Set<ResourceSetEntity>();

    /// <summary>Jobs (owner-filtered).</summary>
    public DbSet<JobEntity> Jobs => Set<JobEntity>();

    /// <summary>Job → parent edges.</summary>
    public DbSet<JobDependencyEntity> JobDependencies => Set<JobDependencyEntity>();

    /// <summary>Result index (owner-filtered).</summary>
    public DbSet<ResultFileEntity> ResultFiles => Set<ResultFileEntity>();

    /// <summary>Idempotency keys of POST /api/jobs (owner-filtered).</summary>
    public DbSet<IdempotencyRecordEntity> IdempotencyRecords => Set<IdempotencyRecordEntity>();

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp is UTC; SQLite gives them back unspecified.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UserEntity>(e =>
        {
            e.ToTable("users");
            e.HasKey(u => u.Id);
            e.Property(u => u.Username).HasMaxLength(64);
            e.Property(u => u.NormalizedUsername).HasMaxLength(64);
            e.Property(u => u.Email).HasMaxLength(320);
            e.Property(u => u.NormalizedEmail).HasMaxLength(320);
            e.Property(u => u.Role).HasMaxLength(16);
            e.HasIndex(u => u.NormalizedUsername).IsUnique();
            e.HasIndex(u => u.NormalizedEmail).IsUnique();
        });

        modelBuilder.Entity<RefreshTokenEntity>(e =>
        {
            e.ToTable("refresh_tokens");
            e.HasKey(t => t.Id);
            e.HasIndex(t => t.FamilyId);
            e.HasIndex(t => t.UserId);
        });

        modelBuilder.Entity<ApiKeyEntity>(e =>
        {
            e.ToTable("api_keys");
            e.HasKey(k => k.Id);
            e.Property(k => k.Name).HasMaxLength(255);
            e.Property(k => k.Prefix).HasMaxLength(12);
            e.HasIndex(k => k.Prefix);
            e.HasIndex(k => k.UserId);
            e.HasQueryFilter(k => k.UserId == owner.UserId);
        });

        modelBuilder.Entity<ResourceSetEntity>(e =>
        {
            e.ToTable("resource_sets");
            e.HasKey(s => s.SetName);
            e.Property(s => s.DisplayName).HasMaxLength(255);
            e.HasIndex(s => new { s.UserId, s.DisplayName, s.Version }).IsUnique();
            e.HasIndex(s => new { s.UserId, s.CreatedAt });
            e.HasQueryFilter(s => s.UserId == owner.UserId);
        });

        modelBuilder.Entity<JobEntity>(e =>
        {
            e.ToTable("jobs");
            e.HasKey(j => j.Name);
            e.Property(j => j.DisplayName).HasMaxLength(255);
            e.Property(j => j.ParametersName).HasMaxLength(255);
            e.Property(j => j.Kind).HasMaxLength(32);
            e.Property(j => j.Status).HasMaxLength(32);
            e.Property(j => j.LeaseOwner).HasMaxLength(64);
            e.HasIndex(j => new { j.UserId, j.CreatedAt });
            e.HasIndex(j => new { j.Status, j.CreatedAt });
            e.HasMany(j => j.DependsOn).WithOne().HasForeignKey(d => d.JobName).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(j => j.UserId == owner.UserId);
        });

        modelBuilder.Entity<JobDependencyEntity>(e =>
        {
            e.ToTable("job_dependencies");
            e.HasKey(d => new { d.JobName, d.ParentName });
            e.HasIndex(d => d.ParentName);
        });

        modelBuilder.Entity<ResultFileEntity>(e =>
        {
            e.ToTable("result_files");
            e.HasKey(r => r.Id);
            e.Property(r => r.ResultKey).HasMaxLength(64);
            e.Property(r => r.StorageKey).HasMaxLength(2048);
            e.HasIndex(r => r.JobName);
            e.HasQueryFilter(r => r.UserId == owner.UserId);
        });

        modelBuilder.Entity<IdempotencyRecordEntity>(e =>
        {
            e.ToTable("idempotency_records");
            e.HasKey(r => new { r.UserId, r.Key });
            e.Property(r => r.Key).HasMaxLength(255);
            e.HasQueryFilter(r => r.UserId == owner.UserId);
        });
    }

    internal sealed class UtcDateTimeConverter()
        : ValueConverter<DateTime, DateTime>(v => v.ToUniversalTime(), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
