using System.Security.Claims;

namespace Avatars.Server.Auth;

/// <summary>The authenticated caller of the current request (scoped). Endpoints take it from DI.</summary>
public sealed class CurrentUser
{
    /// <summary>The user's id; <see cref="Guid.Empty"/> when not authenticated.</summary>
    public Guid Id { get; private set; }

    /// <summary>True for the admin role.</summary>
    public bool IsAdmin { get; private set; }

    /// <summary>True when the request authenticated with an API key (no key creation, no password change).</summary>
    public bool ViaApiKey { get; private set; }

    /// <summary>True once set from an authenticated principal.</summary>
    public bool IsAuthenticated => Id != Guid.Empty;

    /// <summary>Reads the claims of <see cref="AvatarClaims"/>.</summary>
    public void SetFrom(ClaimsPrincipal principal)
    {
        if (Guid.TryParse(principal.FindFirstValue(AvatarClaims.UserId), out var id))
        {
            Id = id;
            IsAdmin = principal.FindFirstValue(AvatarClaims.Role) == "admin";
            ViaApiKey = principal.FindFirstValue(AvatarClaims.Method) == "api_key";
        }
    }
}
