namespace Avatars.Server.Auth;

/// <summary>Claim types the authentication handler puts on the principal.</summary>
public static class AvatarClaims
{
    /// <summary>User id (JWT <c>sub</c>).</summary>
    public const string UserId = "sub";

    /// <summary><c>admin</c> or <c>user</c>.</summary>
    public const string Role = "role";

    /// <summary><c>password</c> (bearer token from a login) or <c>api_key</c>.</summary>
    public const string Method = "auth_method";

    /// <summary>Name of the authentication scheme (Bearer and api-key-v1 in one handler).</summary>
    public const string Scheme = "Avatars";
}
