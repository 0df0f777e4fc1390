namespace Avatars.Server.Persistence.Entities;

/// <summary>A user account (api.md §14).</summary>
public sealed class UserEntity
{
    /// <summary>Random UUID.</summary>
    public Guid Id { get; set; }

    /// <summary>The name as given.</summary>
    public string Username { get; set; } = string.Empty;

    /// <summary>Upper-invariant name, unique.</summary>
    public string NormalizedUsername { get; set; } = string.Empty;

    /// <summary>Optional e-mail.</summary>
    public string? Email { get; set; }

    /// <summary>Upper-invariant e-mail, unique when set.</summary>
    public string? NormalizedEmail { get; set; }

    /// <summary><c>admin</c> or <c>user</c>.</summary>
    public string Role { get; set; } = "user";

    /// <summary>A disabled account cannot log in and its tokens stop working.</summary>
    public bool Disabled { get; set; }

    /// <summary>ASP.NET Core Identity PBKDF2 hash.</summary>
    public string PasswordHash { get; set; } = string.Empty;

    /// <summary>Rotated when password, role or disabled flag change: outstanding tokens stop working.</summary>
    public string SecurityStamp { get; set; } = string.Empty;

    /// <summary>Creation time (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
