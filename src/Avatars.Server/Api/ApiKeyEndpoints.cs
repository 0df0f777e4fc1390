using Avatars.Server.Auth;
using Avatars.Server.Hosting;
using Avatars.Server.Persistence;
using Avatars.Server.Persistence.Entities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Avatars.Server.Api;

/// <summary>API keys (api.md §13): the plaintext is shown once, only a prefix and a SHA-256 are stored.</summary>
internal static class ApiKeyEndpoints
{
    private const string CopyMessage = "Copy this key now; it cannot be shown again.";

    /// <summary>The vendor's allowed lifetimes.</summary>
    private static readonly int[] ExpirationDays = [30, 60, 120, 365];

    public static IEndpointRouteBuilder MapApiKeyEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/api-keys").WithTags("api-keys").RequireAuthorization();
        group.MapPost(string.Empty, CreateAsync)
            .Accepts<CreateApiKeyRequest>("application/json")
            .WithName("create_api_key").WithSummary("Create an API key (password login only); the plaintext is in this response only.")
            .Produces<CreateApiKeyResponse>(StatusCodes.Status201Created).Produces(StatusCodes.Status403Forbidden)
            .Produces(StatusCodes.Status409Conflict).Produces(StatusCodes.Status422UnprocessableEntity);
        group.MapGet(string.Empty, ListAsync)
            .WithName("get_api_keys").WithSummary("The caller's API keys, newest first.")
            .Produces<List<ApiKey>>();
        group.MapDelete(string.Empty, RevokeAllAsync)
            .WithName("revoke_all_api_keys").WithSummary("Revoke all the caller's active API keys; returns them.")
            .Produces<List<ApiKey>>();
        group.MapDelete("/admin", AdminRevokeAsync)
            .WithName("admin_revoke_api_keys").WithSummary("Revoke all active keys of a user, or one key by id (admin); returns the revoked keys.")
            .Produces<List<ApiKey>>().Produces(StatusCodes.Status403Forbidden).Produces(StatusCodes.Status404NotFound)
            .Produces(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/{api_key_id:guid}", GetAsync)
            .WithName("get_api_key").WithSummary("One of the caller's API keys.")
            .Produces<ApiKey>().Produces(StatusCodes.Status404NotFound);
        group.MapDelete("/{api_key_id:guid}", RevokeAsync)
            .WithName("revoke_api_key").WithSummary("Revoke one of the caller's API keys.")
            .Produces<ApiKey>().Produces(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> CreateAsync(
        HttpRequest http,
        [FromServices] CurrentUser me,
        [FromServices] AvatarsDbContext db,
        [FromServices] AvatarsServerOptions options,
        [FromServices] TimeProvider clock,
        CancellationToken cancellationToken)
    {
        me.RequirePasswordLogin("creating an API key");
        var request = await JsonRequestBody.ReadAsync<CreateApiKeyRequest>(http);
        var issues = new List<ValidationIssue>();
        if (request.Name is null)
        {
            issues.Add(new ValidationIssue(["body", "name"], "field required", "missing"));
        }
        else if (request.Name.Length is < 1 or > 255)
        {
            issues.Add(new ValidationIssue(["body", "name"], "name must be 1-255 characters", "value_error"));
        }

        if (request.ExpirationDays is not { } days)
        {
            issues.Add(new ValidationIssue(["body", "expiration_days"], "field required", "missing"));
        }
        else if (!ExpirationDays.Contains(days))
        {
            issues.Add(new ValidationIssue(
                ["body", "expiration_days"],
                "expiration_days must be one of 30, 60, 120, 365",
                "enum",
                new Dictionary<string, object> { ["expected"] = ExpirationDays }));
        }

        AccountRules.ThrowIfAny(issues);

        var now = clock.GetUtcNow().UtcDateTime;
        var active = await db.ApiKeys.CountAsync(k => k.RevokedAt == null && k.ExpiresAt > now, cancellationToken);
        if (active >= options.Limits.MaxApiKeysPerUser)
        {
            throw ApiException.Conflict("api_key_limit", $"at most {options.Limits.MaxApiKeysPerUser} active API keys per user; revoke one first");
        }

        var plaintext = ApiKeyFormat.Generate();
        var key = new ApiKeyEntity
        {
            Id = Guid.NewGuid(),
            UserId = me.Id,
            Name = request.Name!,
            Prefix = ApiKeyFormat.PrefixOf(plaintext),
            Hash = ApiKeyFormat.Hash(plaintext),
            CreatedAt = now,
            ExpiresAt = now.AddDays(request.ExpirationDays!.Value),
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return Results.Json(new CreateApiKeyResponse(CreatedApiKey.From(key, plaintext), CopyMessage), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<List<ApiKey>> ListAsync([FromServices] AvatarsDbContext db, CancellationToken cancellationToken)
    {
        var keys = await db.ApiKeys.AsNoTracking().ToListAsync(cancellationToken);
        return [.. keys.OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id).Select(ApiKey.From)];
    }

    private static async Task<ApiKey> GetAsync([FromRoute(Name = "api_key_id")] Guid apiKeyId, [FromServices] AvatarsDbContext db, CancellationToken cancellationToken) =>
        ApiKey.From(await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == apiKeyId, cancellationToken) ?? throw ApiException.NotFound("API key"));

    private static async Task<ApiKey> RevokeAsync(
        [FromRoute(Name = "api_key_id")] Guid apiKeyId,
        [FromServices] AvatarsDbContext db,
        [FromServices] ApiKeyAuthenticator authenticator,
        [FromServices] TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == apiKeyId, cancellationToken) ?? throw ApiException.NotFound("API key");
        await MarkRevokedAsync(db, authenticator, [key], clock, cancellationToken);
        return ApiKey.From(key);
    }

    private static async Task<List<ApiKey>> RevokeAllAsync(
        [FromServices] AvatarsDbContext db,
        [FromServices] ApiKeyAuthenticator authenticator,
        [FromServices] TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var keys = await db.ApiKeys.Where(k => k.RevokedAt == null).ToListAsync(cancellationToken);
        await MarkRevokedAsync(db, authenticator, keys, clock, cancellationToken);
        return [.. keys.OrderByDescending(k => k.CreatedAt).Select(ApiKey.From)];
    }

    private static async Task<List<ApiKey>> AdminRevokeAsync(
        [FromQuery(Name = "user_id")] string? userIdText,
        [FromQuery(Name = "api_key_id")] string? apiKeyIdText,
        [FromServices] CurrentUser me,
        [FromServices] AvatarsDbContext db,
        [FromServices] ApiKeyAuthenticator authenticator,
        [FromServices] TimeProvider clock,
        CancellationToken cancellationToken)
    {
        me.RequireAdmin();
        var userId = ParseId(userIdText, "user_id");
        var apiKeyId = ParseId(apiKeyIdText, "api_key_id");
        if ((userId is null) == (apiKeyId is null))
        {
            throw new ApiValidationException(["query"], "give exactly one of user_id and api_key_id", "value_error");
        }

        // Admin-wide operation: opts out of the owner filter explicitly (api.md §21).
        List<ApiKeyEntity> keys;
        if (userId is { } user)
        {
            if (!await db.Users.AnyAsync(u => u.Id == user, cancellationToken))
            {
                throw ApiException.NotFound("user");
            }

            keys = await db.ApiKeys.IgnoreQueryFilters().Where(k => k.UserId == user && k.RevokedAt == null).ToListAsync(cancellationToken);
        }
        else
        {
            var key = await db.ApiKeys.IgnoreQueryFilters().FirstOrDefaultAsync(k => k.Id == apiKeyId, cancellationToken) ?? throw ApiException.NotFound("API key");
            keys = [key];
        }

        await MarkRevokedAsync(db, authenticator, keys, clock, cancellationToken);
        return [.. keys.OrderByDescending(k => k.CreatedAt).Select(ApiKey.From)];
    }

    /// <summary>An optional UUID query parameter; anything else is 422 (not the framework's bare 400).</summary>
    private static Guid? ParseId(string? text, string name)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return Guid.TryParse(text, out var id) ? id : throw new ApiValidationException(["query", name], "must be a UUID", "uuid_parsing");
    }

    /// <summary>Sets <c>revoked_at</c> (kept when already revoked) and drops cached verdicts of these keys.</summary>
    private static async Task MarkRevokedAsync(AvatarsDbContext db, ApiKeyAuthenticator authenticator, List<ApiKeyEntity> keys, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var key in keys)
        {
            key.RevokedAt ??= now;
        }

        await db.SaveChangesAsync(cancellationToken);
        authenticator.Forget(keys.Select(k => k.Id));
    }

    /// <summary>Body of <c>POST /api/api-keys</c>.</summary>
    /// <param name="Name">1–255 characters.</param>
    /// <param name="ExpirationDays">30, 60, 120 or 365.</param>
    internal sealed record CreateApiKeyRequest(string? Name, int? ExpirationDays);

    /// <summary><c>ApiKey</c> of api.md §13 (never the key itself).</summary>
    /// <param name="Id">Key id.</param>
    /// <param name="Name">Display name.</param>
    /// <param name="Prefix">First 12 characters of the key.</param>
    /// <param name="CreatedAt">Creation time (UTC).</param>
    /// <param name="ExpiresAt">Expiry (UTC).</param>
    /// <param name="RevokedAt">Revocation time or null.</param>
    /// <param name="LastUsedAt">Last use (to the minute) or null.</param>
    internal sealed record ApiKey(Guid Id, string Name, string Prefix, DateTime CreatedAt, DateTime ExpiresAt, DateTime? RevokedAt, DateTime? LastUsedAt)
    {
        public static ApiKey From(ApiKeyEntity key) => new(key.Id, key.Name, key.Prefix, key.CreatedAt, key.ExpiresAt, key.RevokedAt, key.LastUsedAt);
    }

    /// <summary>An <c>ApiKey</c> plus its plaintext, in the creation response only.</summary>
    /// <param name="Id">Key id.</param>
    /// <param name="Name">Display name.</param>
    /// <param name="Prefix">First 12 characters of the key.</param>
    /// <param name="CreatedAt">Creation time (UTC).</param>
    /// <param name="ExpiresAt">Expiry (UTC).</param>
    /// <param name="RevokedAt">Always null.</param>
    /// <param name="LastUsedAt">Always null.</param>
    /// <param name="Plaintext">The key: send as <c>Authorization: api-key-v1 …</c>.</param>
    internal sealed record CreatedApiKey(Guid Id, string Name, string Prefix, DateTime CreatedAt, DateTime ExpiresAt, DateTime? RevokedAt, DateTime? LastUsedAt, string Plaintext)
    {
        public static CreatedApiKey From(ApiKeyEntity key, string plaintext) =>
            new(key.Id, key.Name, key.Prefix, key.CreatedAt, key.ExpiresAt, key.RevokedAt, key.LastUsedAt, plaintext);
    }

    /// <summary><c>{"api_key": ApiKey + plaintext, "message": …}</c>.</summary>
    /// <param name="ApiKey">The new key with its plaintext.</param>
    /// <param name="Message">Reminder that the plaintext is shown once.</param>
    internal sealed record CreateApiKeyResponse(CreatedApiKey ApiKey, string Message);
}
