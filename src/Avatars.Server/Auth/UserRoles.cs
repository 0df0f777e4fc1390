namespace Avatars.Server.Auth;

/// <summary>The two roles of api.md §14 and the single built-in organization.</summary>
public static class UserRoles
{
    /// <summary>May manage users and revoke any API key.</summary>
    public const string Admin = "admin";

    /// <summary>Sees only its own objects.</summary>
    public const string User = "user";

    /// <summary>
    /// Id of the single built-in organization: the vendor's <c>User</c> model requires <c>organization_id</c>,
    /// so every user carries this fixed value.
    /// </summary>
    public static readonly Guid OrganizationId = new("6f1c2d4e-0a5b-4c3d-9e8f-a7b6c5d4e3f2");

    /// <summary>True for <see cref="Admin"/> and <see cref="User"/>.</summary>
    public static bool IsValid(string? role) => role is Admin or User;
}
