using Avatars.Server.Persistence;
using Microsoft.AspNetCore.Http;

namespace Avatars.Server.Auth;

/// <summary>
/// Copies the authenticated principal into the scoped <see cref="CurrentUser"/> and <see cref="OwnerScope"/> (so the
/// EF Core owner filters see the caller's rows, api.md §21), then applies the per-user request rate limit.
/// </summary>
internal sealed class CurrentUserMiddleware(RequestDelegate next, UserRequestRateLimiter rateLimiter)
{
    public async Task InvokeAsync(HttpContext context, CurrentUser currentUser, OwnerScope ownerScope)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            currentUser.SetFrom(context.User);
            ownerScope.UserId = currentUser.Id;
            if (currentUser.IsAuthenticated && !UserRequestRateLimiter.IsExempt(context))
            {
                rateLimiter.Acquire(currentUser.Id);
            }
        }

        await next(context);
    }
}
