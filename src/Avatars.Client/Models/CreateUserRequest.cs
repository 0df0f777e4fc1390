namespace Avatars.Client.Models;

/// <summary>Body of <c>POST /api/users</c> (admin only).</summary>
/// <param name="Username">1–64 characters <c>[A-Za-z0-9._@+-]</c>.</param>
/// <param name="Password">12–128 characters.</param>
/// <param name="Email">Optional, unique.</param>
/// <param name="Role"><c>user</c> (default) or <c>admin</c>.</param>
public sealed record CreateUserRequest(string Username, string Password, string? Email = null, string Role = "user");
