using System.Threading.RateLimiting;
using Avatars.Server.Api;
using Avatars.Server.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Avatars.Server.Auth;

/// <summary>
/// <c>RateLimit:RequestsPerMinute</c> per user as a token bucket (api.md §12.3); storage URLs and health endpoints
/// are exempt. Over the limit: 429 <c>rate_limited</c> with <c>Retry-After</c>.
/// </summary>
internal sealed class UserRequestRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<Guid> limiter;
    private readonly TimeSpan period;

    public UserRequestRateLimiter(AvatarsServerOptions options)
    {
        var perMinute = Math.Max(1, options.RateLimit.RequestsPerMinute);

        // Refill in small steps (about once a second at the default 600/min) rather than a burst every minute.
        var tokensPerPeriod = Math.Max(1, perMinute / 60);
        period = TimeSpan.FromMinutes((double)tokensPerPeriod / perMinute);
        limiter = PartitionedRateLimiter.Create<Guid, Guid>(userId => RateLimitPartition.GetTokenBucketLimiter(userId, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Storage URLs, health checks and anonymous endpoints (login, refresh, OpenAPI) are not metered.</summary>
    public static bool IsExempt(HttpContext context)
    {
        var path = context.Request.Path;
        return path.StartsWithSegments("/api/storage", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/api/health", StringComparison.OrdinalIgnoreCase)
            || context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null;
    }

    /// <exception cref="ApiException">429 when the user's bucket is empty.</exception>
    public void Acquire(Guid userId)
    {
        using var lease = limiter.AttemptAcquire(userId);
        if (!lease.IsAcquired)
        {
            var retry = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : period;
            throw ApiException.RateLimited("too many requests", Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)));
        }
    }

    public void Dispose() => limiter.Dispose();
}
