namespace Avatars.Server.Persistence;

/// <summary>
/// The user whose rows a <see cref="AvatarsDbContext"/> sees (api.md §21): every owned entity is filtered by it.
/// Scoped per request; set by authentication. Without a user, owned queries return nothing; code that must see
/// every user's rows (workers, retention, admin listings) calls <c>IgnoreQueryFilters()</c> explicitly.
/// </summary>
public sealed class OwnerScope
{
    /// <summary>The current user; <see cref="Guid.Empty"/> when none.</summary>
    public Guid UserId { get; set; }
}
