using System.Collections.Concurrent;
using Avatars.Server.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Avatars.Server.Auth;

/// <summary>What authentication needs to know about a user on every request.</summary>
/// <param name="Id">User id.</param>
/// <param name="Role">Current role.</param>
/// <param name="Disabled">Disabled accounts are refused.</param>
/// <param name="SecurityStamp">Tokens carrying another stamp are refused.</param>
internal sealed record UserState(Guid Id, string Role, bool Disabled, string SecurityStamp);

/// <summary>
/// Per-request user checks (exists, enabled, stamp) cached for at most <see cref="Lifetime"/> so a bearer request
/// does not always hit the database (api.md §12.1). Changes made by this process invalidate the entry at once;
/// other instances see them within the lifetime.
/// </summary>
internal sealed class UserStateCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Guid, (UserState? State, DateTimeOffset FetchedAt)> entries = new();

    /// <summary>The user's state, or null when the user does not exist.</summary>
    public async Task<UserState?> GetAsync(Guid userId, AvatarsDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (entries.TryGetValue(userId, out var entry) && now - entry.FetchedAt < Lifetime)
        {
            return entry.State;
        }

        var state = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new UserState(u.Id, u.Role, u.Disabled, u.SecurityStamp))
            .FirstOrDefaultAsync(cancellationToken);
        entries[userId] = (state, now);
        return state;
    }

    /// <summary>Forgets the user's entry after a change of password, role, disabled flag or deletion.</summary>
    public void Invalidate(Guid userId) => entries.TryRemove(userId, out _);
}
