using Avatars.Server.Api;
using Avatars.Server.Hosting;
using Microsoft.AspNetCore.Http;

namespace Avatars.Server.Auth;

/// <summary>
/// Failed logins and password changes per user name and per client IP within <c>Auth:LoginWindow</c> (api.md §12.3).
/// After <c>Auth:LoginAttempts</c> failures the next attempt is 429 until the oldest failure leaves the window:
/// no permanent lock-out, which would let anyone lock out any user. Counts live in this process only.
/// </summary>
internal sealed class LoginThrottle(AvatarsServerOptions options, TimeProvider clock)
{
    private readonly Dictionary<string, Queue<DateTimeOffset>> failures = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <exception cref="ApiException">429 with the seconds until the window frees up.</exception>
    public void ThrowIfBlocked(string username, HttpContext context)
    {
        var now = clock.GetUtcNow();
        var wait = TimeSpan.Zero;
        lock (gate)
        {
            foreach (var key in Keys(username, context))
            {
                if (failures.TryGetValue(key, out var queue))
                {
                    Prune(queue, now);
                    if (queue.Count >= options.Auth.LoginAttempts)
                    {
                        var free = queue.ElementAt(queue.Count - options.Auth.LoginAttempts) + options.Auth.LoginWindow - now;
                        wait = free > wait ? free : wait;
                    }
                }
            }
        }

        if (wait > TimeSpan.Zero)
        {
            throw ApiException.RateLimited("too many failed attempts; try again later", Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)));
        }
    }

    public void RecordFailure(string username, HttpContext context)
    {
        var now = clock.GetUtcNow();
        lock (gate)
        {
            foreach (var key in Keys(username, context))
            {
                if (!failures.TryGetValue(key, out var queue))
                {
                    failures[key] = queue = new Queue<DateTimeOffset>();
                }

                Prune(queue, now);
                queue.Enqueue(now);
            }

            // Drop idle entries now and then so the table does not grow without bound.
            if (failures.Count > 10_000)
            {
                foreach (var (key, queue) in failures.ToList())
                {
                    Prune(queue, now);
                    if (queue.Count == 0)
                    {
                        failures.Remove(key);
                    }
                }
            }
        }
    }

    private void Prune(Queue<DateTimeOffset> queue, DateTimeOffset now)
    {
        while (queue.Count > 0 && queue.Peek() + options.Auth.LoginWindow <= now)
        {
            queue.Dequeue();
        }
    }

    private static IEnumerable<string> Keys(string username, HttpContext context)
    {
        yield return "user:" + AccountRules.Normalize(username);
        if (context.Connection.RemoteIpAddress is { } ip)
        {
            yield return "ip:" + ip;
        }
    }
}
