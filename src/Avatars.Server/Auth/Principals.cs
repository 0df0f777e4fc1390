using System.Security.Claims;

namespace Avatars.Server.Auth;

/// <summary>Builds the principal of an authenticated request with the claims of <see cref="AvatarClaims"/>.</summary>
internal static class Principals
{
    public const string PasswordMethod = "password";
    public const string ApiKeyMethod = "api_key";

    public static ClaimsPrincipal Create(Guid userId, string role, string method) =>
        new(new ClaimsIdentity(
            [
                new Claim(AvatarClaims.UserId, userId.ToString("D")),
                new Claim(AvatarClaims.Role, role),
                new Claim(AvatarClaims.Method, method),
            ],
            AvatarClaims.Scheme,
            AvatarClaims.UserId,
            AvatarClaims.Role));
}
