using Avatars.Server.Api;
using Avatars.Server.Persistence;
using Avatars.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Avatars.Server.Auth;

/// <summary>Creating users and changing the fields that invalidate their credentials (api.md §14).</summary>
internal sealed class UserAccounts(PasswordHashing passwords, TokenService tokens, UserStateCache users, TimeProvider clock)
{
    /// <summary>Creates a user after validation; 409 <c>conflict</c> when the name or e-mail is taken.</summary>
    /// <exception cref="ApiValidationException">A field breaks the rules.</exception>
    /// <exception cref="ApiException">409 on a duplicate.</exception>
    public async Task<UserEntity> CreateAsync(AvatarsDbContext db, string? username, string? email, string? password, string? role, CancellationToken cancellationToken)
    {
        var issues = new List<ValidationIssue>();
        AccountRules.CheckUsername(username, issues, "body", "username");
        AccountRules.CheckEmail(email, issues, "body", "email");
        AccountRules.CheckPassword(password, issues, "body", "password");
        AccountRules.CheckRole(role, issues, "body", "role");
        AccountRules.ThrowIfAny(issues);

        var user = new UserEntity
        {
            Id = Guid.NewGuid(),
            Username = username!,
            NormalizedUsername = AccountRules.Normalize(username!),
            Email = email,
            NormalizedEmail = email is null ? null : AccountRules.Normalize(email),
            Role = role ?? UserRoles.User,
            SecurityStamp = NewStamp(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        user.PasswordHash = passwords.Hash(user, password!);
        await ThrowIfTakenAsync(db, user, cancellationToken);
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent request took the name between the check and the insert (unique index).
            throw ApiException.Conflict("conflict", "a user with this user name or e-mail already exists");
        }

        return user;
    }

    /// <summary>409 when another user has the same normalized name or e-mail.</summary>
    public static async Task ThrowIfTakenAsync(AvatarsDbContext db, UserEntity user, CancellationToken cancellationToken)
    {
        var taken = await db.Users.AnyAsync(
            u => u.Id != user.Id
                && (u.NormalizedUsername == user.NormalizedUsername
                    || (user.NormalizedEmail != null && u.NormalizedEmail == user.NormalizedEmail)
                    || u.NormalizedEmail == user.NormalizedUsername
                    || (user.NormalizedEmail != null && u.NormalizedUsername == user.NormalizedEmail)),
            cancellationToken);
        if (taken)
        {
            throw ApiException.Conflict("conflict", "a user with this user name or e-mail already exists");
        }
    }

    public void SetPassword(UserEntity user, string password) => user.PasswordHash = passwords.Hash(user, password);

    /// <summary>
    /// After a change of password, role or disabled flag (already on the tracked entity): new stamp, so outstanding
    /// access tokens stop working, and every refresh token revoked.
    /// </summary>
    public async Task InvalidateCredentialsAsync(AvatarsDbContext db, UserEntity user, CancellationToken cancellationToken)
    {
        user.SecurityStamp = NewStamp();
        await db.SaveChangesAsync(cancellationToken);
        await tokens.RevokeAllAsync(user.Id, db, cancellationToken);
        users.Invalidate(user.Id);
    }

    private static string NewStamp() => Guid.NewGuid().ToString("N");
}
