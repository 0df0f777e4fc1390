using System.Security.Claims;
using Avatars.Server.Api;
using Avatars.Server.Hosting;
using Avatars.Server.Persistence;
using Avatars.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Avatars.Server.Auth;

/// <summary>
/// Issues and checks the HS256 access and refresh tokens of api.md §12.1. Lifetimes are checked here against
/// <see cref="TimeProvider"/> (not by the library) with no clock skew, so an expired access token can be told
/// apart from a forged one: only the former yields <c>credentials expired</c>.
/// </summary>
internal sealed class TokenService(AvatarsServerOptions options, SigningKeys keys, TimeProvider clock, UserStateCache users)
{
    public const string Issuer = "avatar-api";
    public const string AccessUse = "access";
    public const string RefreshUse = "refresh";
    private const string TokenUseClaim = "token_use";
    private const string StampClaim = "stamp";

    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SymmetricSecurityKey key = new(keys.JwtKey);

    /// <summary>Starts a new refresh family for a password login and returns its first pair.</summary>
    public async Task<TokenPair> IssueForLoginAsync(UserEntity user, AvatarsDbContext db, CancellationToken cancellationToken)
    {
        var now = Now();
        return await IssueAsync(user, Guid.NewGuid(), now + options.Auth.RefreshTokenAbsoluteLifetime, now, db, cancellationToken);
    }

    /// <summary>
    /// Exchanges a refresh token for a new pair. A spent token revokes its whole family (reuse detection).
    /// </summary>
    /// <exception cref="ApiException">401 <c>invalid_refresh_token</c> for any refusal.</exception>
    public async Task<TokenPair> RefreshAsync(string? token, AvatarsDbContext db, CancellationToken cancellationToken)
    {
        var now = Now();
        var jwt = await ValidateSignatureAsync(token);
        if (jwt is null || Claim(jwt, TokenUseClaim) != RefreshUse || !InLifetime(jwt, now)
            || !Guid.TryParse(jwt.Id, out var jti) || !Guid.TryParse(jwt.Subject, out var userId))
        {
            throw InvalidRefresh();
        }

        var stored = await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Id == jti, cancellationToken);
        if (stored is null || stored.UserId != userId || stored.RevokedAt is not null || stored.ExpiresAt <= now.UtcDateTime || stored.FamilyExpiresAt <= now.UtcDateTime)
        {
            throw InvalidRefresh();
        }

        // Mark it spent atomically: of two concurrent exchanges only one wins; a second use is a replay.
        var claimed = stored.UsedAt is null && await db.RefreshTokens
            .Where(t => t.Id == jti && t.UsedAt == null && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now.UtcDateTime), cancellationToken) == 1;
        if (!claimed)
        {
            await db.RefreshTokens
                .Where(t => t.FamilyId == stored.FamilyId && t.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now.UtcDateTime), cancellationToken);
            throw InvalidRefresh();
        }

        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null || user.Disabled || user.SecurityStamp != Claim(jwt, StampClaim))
        {
            throw InvalidRefresh();
        }

        return await IssueAsync(user, stored.FamilyId, stored.FamilyExpiresAt, now, db, cancellationToken);
    }

    /// <summary>
    /// Checks an access token: signature, issuer, audience, token use, lifetime, then the user's current state.
    /// </summary>
    /// <returns>The principal, or the reason for refusal.</returns>
    public async Task<(ClaimsPrincipal? Principal, AuthFailure Failure)> AuthenticateAccessTokenAsync(string token, AvatarsDbContext db, CancellationToken cancellationToken)
    {
        var jwt = await ValidateSignatureAsync(token);
        if (jwt is null || Claim(jwt, TokenUseClaim) != AccessUse || !Guid.TryParse(jwt.Subject, out var userId))
        {
            return (null, AuthFailure.InvalidCredentials);
        }

        var now = Now();
        if (jwt.ValidTo == DateTime.MinValue || jwt.ValidFrom > now.UtcDateTime)
        {
            return (null, AuthFailure.InvalidCredentials);
        }

        if (jwt.ValidTo <= now.UtcDateTime)
        {
            return (null, AuthFailure.CredentialsExpired);
        }

        var state = await users.GetAsync(userId, db, cancellationToken);
        if (state is null || state.Disabled || state.SecurityStamp != Claim(jwt, StampClaim))
        {
            return (null, AuthFailure.InvalidCredentials);
        }

        return (Principals.Create(state.Id, state.Role, Principals.PasswordMethod), AuthFailure.None);
    }

    /// <summary>Revokes every outstanding refresh token of a user (password, role or disabled change, deletion).</summary>
    public Task RevokeAllAsync(Guid userId, AvatarsDbContext db, CancellationToken cancellationToken)
    {
        var now = Now().UtcDateTime;
        return db.RefreshTokens
            .Where(t => t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
    }

    private async Task<TokenPair> IssueAsync(UserEntity user, Guid familyId, DateTimeOffset familyExpiresAt, DateTimeOffset now, AvatarsDbContext db, CancellationToken cancellationToken)
    {
        var accessExpires = now + options.Auth.AccessTokenLifetime;
        var refreshExpires = now + options.Auth.RefreshTokenLifetime;
        if (refreshExpires > familyExpiresAt)
        {
            refreshExpires = familyExpiresAt;
        }

        var refreshId = Guid.NewGuid();
        db.RefreshTokens.Add(new RefreshTokenEntity
        {
            Id = refreshId,
            UserId = user.Id,
            FamilyId = familyId,
            CreatedAt = now.UtcDateTime,
            ExpiresAt = refreshExpires.UtcDateTime,
            FamilyExpiresAt = familyExpiresAt.UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);

        var access = Create(user, Guid.NewGuid(), AccessUse, now, accessExpires);
        var refresh = Create(user, refreshId, RefreshUse, now, refreshExpires);
        return new TokenPair(access, refresh, (int)Math.Round(options.Auth.AccessTokenLifetime.TotalSeconds));
    }

    private string Create(UserEntity user, Guid jti, string use, DateTimeOffset now, DateTimeOffset expires) =>
        handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = user.Id.ToString("D"),
                [AvatarClaims.Role] = user.Role,
                [JwtRegisteredClaimNames.Jti] = jti.ToString("D"),
                [TokenUseClaim] = use,
                [StampClaim] = user.SecurityStamp,
            },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });

    /// <summary>Signature, algorithm, issuer and audience; lifetimes are left to the caller.</summary>
    private async Task<JsonWebToken?> ValidateSignatureAsync(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 8192)
        {
            return null;
        }

        var result = await handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Issuer,
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateLifetime = false,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.Zero,
        });
        return result.IsValid ? result.SecurityToken as JsonWebToken : null;
    }

    private bool InLifetime(JsonWebToken jwt, DateTimeOffset now) =>
        jwt.ValidTo != DateTime.MinValue && jwt.ValidFrom <= now.UtcDateTime && now.UtcDateTime < jwt.ValidTo;

    private static string? Claim(JsonWebToken jwt, string type) =>
        jwt.TryGetPayloadValue<string>(type, out var value) ? value : null;

    // JWT times have whole seconds; truncating "now" keeps iat/nbf from lying in the future of the check.
    private DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
    }

    private static ApiException InvalidRefresh() => new(401, "invalid_refresh_token", "invalid refresh token");
}
