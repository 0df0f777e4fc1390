using Avatars.Server.Api;

namespace Avatars.Server.Auth;

/// <summary>Role and login-method checks endpoints make on <see cref="CurrentUser"/>.</summary>
internal static class CurrentUserChecks
{
    /// <exception cref="ApiException">403 <c>admin role required</c>.</exception>
    public static void RequireAdmin(this CurrentUser user)
    {
        if (!user.IsAdmin)
        {
            throw ApiException.Forbidden("admin role required");
        }
    }

    /// <summary>Key creation and password change need a password login: a leaked key cannot mint more keys.</summary>
    /// <exception cref="ApiException">403 for API-key requests.</exception>
    public static void RequirePasswordLogin(this CurrentUser user, string action)
    {
        if (user.ViaApiKey)
        {
            throw ApiException.Forbidden($"{action} requires a password login, not an API key");
        }
    }
}
