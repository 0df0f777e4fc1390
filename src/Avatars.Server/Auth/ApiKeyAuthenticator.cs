using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using Avatars.Server.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Avatars.Server.Auth;

/// <summary>
/// Checks <c>api-key-v1</c> credentials (api.md §13): lookup by prefix, SHA-256 compared in fixed time, expiry,
/// revocation and the owner's state. Verdicts are cached for at most 30 s (so revocation by another instance takes
/// effect within that time; this instance forgets revoked keys at once), and <c>last_used_at</c> is written at most
/// once a minute.
/// </summary>
internal sealed class ApiKeyAuthenticator(TimeProvider clock, UserStateCache users)
{
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public async Task<(ClaimsPrincipal? Principal, AuthFailure Failure)> AuthenticateAsync(string key, AvatarsDbContext db, CancellationToken cancellationToken)
    {
        if (!ApiKeyFormat.IsWellFormed(key))
        {
            return (null, AuthFailure.InvalidApiKey);
        }

        var hash = ApiKeyFormat.Hash(key);
        var cacheKey = Convert.ToHexString(hash);
        var now = clock.GetUtcNow();
        if (!entries.TryGetValue(cacheKey, out var entry) || now - entry.FetchedAt >= CacheLifetime)
        {
            var prefix = ApiKeyFormat.PrefixOf(key);
            var candidates = await db.ApiKeys.IgnoreQueryFilters().AsNoTracking()
                .Where(k => k.Prefix == prefix)
                .Select(k => new { k.Id, k.UserId, k.Hash, k.ExpiresAt, k.RevokedAt, k.LastUsedAt })
                .ToListAsync(cancellationToken);
            var match = candidates.FirstOrDefault(k => CryptographicOperations.FixedTimeEquals(k.Hash, hash));
            if (match is null)
            {
                return (null, AuthFailure.InvalidApiKey);
            }

            entry = new Entry(match.Id, match.UserId, match.ExpiresAt, match.RevokedAt is not null, now, match.LastUsedAt);
            entries[cacheKey] = entry;
        }

        if (entry.Revoked)
        {
            return (null, AuthFailure.InvalidApiKey);
        }

        if (entry.ExpiresAt <= now.UtcDateTime)
        {
            return (null, AuthFailure.ApiKeyExpired);
        }

        var user = await users.GetAsync(entry.UserId, db, cancellationToken);
        if (user is null || user.Disabled)
        {
            return (null, AuthFailure.InvalidApiKey);
        }

        if (entry.LastUsedAt is not { } last || now.UtcDateTime - last >= LastUsedResolution)
        {
            entries[cacheKey] = entry with { LastUsedAt = now.UtcDateTime };
            await db.ApiKeys.IgnoreQueryFilters()
                .Where(k => k.Id == entry.KeyId)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now.UtcDateTime), cancellationToken);
        }

        return (Principals.Create(user.Id, user.Role, Principals.ApiKeyMethod), AuthFailure.None);
    }

    /// <summary>Forgets cached verdicts of revoked keys so this instance refuses them at once.</summary>
    public void Forget(IEnumerable<Guid> keyIds)
    {
        var ids = keyIds.ToHashSet();
        foreach (var pair in entries)
        {
            if (ids.Contains(pair.Value.KeyId))
            {
                entries.TryRemove(pair.Key, out _);
            }
        }
    }

    private sealed record Entry(Guid KeyId, Guid UserId, DateTime ExpiresAt, bool Revoked, DateTimeOffset FetchedAt, DateTime? LastUsedAt);
}
