using Avatars.Server.Persistence.Entities;
using Microsoft.AspNetCore.Identity;

namespace Avatars.Server.Auth;

/// <summary>
/// PBKDF2 password hashes with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (per-user salt).
/// <see cref="VerifyUnknownUser"/> spends the same time as a real check so login timing does not reveal which
/// user names exist.
/// </summary>
internal sealed class PasswordHashing
{
    private static readonly UserEntity Nobody = new();
    private readonly PasswordHasher<UserEntity> hasher = new();
    private readonly Lazy<string> dummyHash;

    public PasswordHashing() => dummyHash = new Lazy<string>(() => hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N")));

    public string Hash(UserEntity user, string password) => hasher.HashPassword(user, password);

    /// <summary>True when <paramref name="password"/> matches; an empty hash never matches.</summary>
    public bool Verify(UserEntity user, string password)
    {
        if (string.IsNullOrEmpty(user.PasswordHash))
        {
            VerifyUnknownUser(password);
            return false;
        }

        return hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;
    }

    /// <summary>Verifies against a throw-away hash and discards the outcome.</summary>
    public void VerifyUnknownUser(string password) => hasher.VerifyHashedPassword(Nobody, dummyHash.Value, password);
}
