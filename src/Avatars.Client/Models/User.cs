namespace Avatars.Client.Models;

/// <summary>A user account.</summary>
/// <param name="Id">User id.</param>
/// <param name="OrganizationId">Id of the single built-in organization.</param>
/// <param name="Username">User name.</param>
/// <param name="Email">E-mail or null.</param>
/// <param name="Role"><c>admin</c> or <c>user</c>.</param>
/// <param name="Disabled">True when the account is disabled.</param>
/// <param name="CreatedAt">Creation time.</param>
public sealed record User(Guid Id, Guid OrganizationId, string Username, string? Email, string Role, bool Disabled, DateTimeOffset CreatedAt);
