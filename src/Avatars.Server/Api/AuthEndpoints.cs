using Avatars.Server.Auth;
using Avatars.Server.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Avatars.Server.Api;

/// <summary>Login and token refresh (api.md §12.1): form-encoded, unauthenticated.</summary>
internal static class AuthEndpoints
{
    private const string FormMediaType = "application/x-www-form-urlencoded";

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup(string.Empty).WithTags("auth").AllowAnonymous();
        group.MapPost("/login", LoginAsync)
            .WithName("login").WithSummary("Log in with a user name (or e-mail) and password; returns an access and a refresh token.")
            .Accepts<Login>(FormMediaType)
            .Produces<LoginResponse>()
            .Produces(StatusCodes.Status401Unauthorized).Produces(StatusCodes.Status422UnprocessableEntity).Produces(StatusCodes.Status429TooManyRequests);
        group.MapGet("/refresh", ([FromQuery] string? token, HttpContext context, [FromServices] TokenService tokens, [FromServices] AvatarsDbContext db) =>
                RefreshAsync(token, tokens, db, context.RequestAborted))
            .WithName("refresh").WithSummary("Exchange a refresh token (query parameter) for a new token pair; each refresh token works once.")
            .Produces<LoginResponse>().Produces(StatusCodes.Status401Unauthorized);
        group.MapPost("/refresh", RefreshFormAsync)
            .WithName("refresh_form").WithSummary("Exchange a refresh token (form field, kept out of access logs) for a new token pair.")
            .Accepts<RefreshForm>(FormMediaType)
            .Produces<LoginResponse>().Produces(StatusCodes.Status401Unauthorized);
        return api;
    }

    private static async Task<IResult> LoginAsync(
        HttpContext context,
        [FromServices] AvatarsDbContext db,
        [FromServices] PasswordHashing passwords,
        [FromServices] TokenService tokens,
        [FromServices] LoginThrottle throttle)
    {
        var cancellationToken = context.RequestAborted;
        var form = await ReadFormAsync(context.Request);
        var username = form["username"].ToString();
        var password = form["password"].ToString();
        var issues = new List<ValidationIssue>();
        if (string.IsNullOrEmpty(username))
        {
            issues.Add(new ValidationIssue(["body", "username"], "field required", "missing"));
        }

        if (string.IsNullOrEmpty(password))
        {
            issues.Add(new ValidationIssue(["body", "password"], "field required", "missing"));
        }

        if (form.TryGetValue("grant_type", out var grant) && grant.ToString() is { Length: > 0 } grantType && grantType != "password")
        {
            issues.Add(new ValidationIssue(["body", "grant_type"], "grant_type must be 'password'", "value_error"));
        }

        AccountRules.ThrowIfAny(issues);

        throttle.ThrowIfBlocked(username, context);
        var normalized = AccountRules.Normalize(username);

        // A user name match wins over an e-mail match (a user name may look like someone's e-mail).
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedUsername == normalized, cancellationToken)
            ?? await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        var ok = user is null ? VerifyNobody(passwords, password) : passwords.Verify(user, password);
        if (!ok || user is null || user.Disabled)
        {
            throttle.RecordFailure(username, context);

            // Written here rather than thrown: no token was presented, so the challenge is a plain "Bearer".
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Json(ApiErrorBodies.Application("incorrect username or password", "invalid_login"), statusCode: StatusCodes.Status401Unauthorized);
        }

        var pair = await tokens.IssueForLoginAsync(user, db, cancellationToken);
        return Results.Ok(LoginResponse.From(pair));
    }

    private static async Task<LoginResponse> RefreshFormAsync(HttpContext context, [FromServices] TokenService tokens, [FromServices] AvatarsDbContext db)
    {
        var form = await ReadFormAsync(context.Request);
        return await RefreshAsync(form["token"].ToString(), tokens, db, context.RequestAborted);
    }

    private static async Task<LoginResponse> RefreshAsync(string? token, TokenService tokens, AvatarsDbContext db, CancellationToken cancellationToken) =>
        LoginResponse.From(await tokens.RefreshAsync(token, db, cancellationToken));

    private static bool VerifyNobody(PasswordHashing passwords, string password)
    {
        passwords.VerifyUnknownUser(password);
        return false;
    }

    /// <summary>The form body; any other media type is 415 (api.md §10).</summary>
    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request)
    {
        if (!request.HasFormContentType
            || !request.ContentType!.StartsWith(FormMediaType, StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiException(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", $"unsupported media type '{request.ContentType}'; send {FormMediaType}");
        }

        return await request.ReadFormAsync(request.HttpContext.RequestAborted);
    }

    /// <summary>Form fields of <c>POST /api/login</c> (OAuth2 password grant).</summary>
    /// <param name="Username">User name or e-mail, case-insensitive.</param>
    /// <param name="Password">The password.</param>
    /// <param name="GrantType">Must be <c>password</c> when present.</param>
    /// <param name="Scope">Ignored.</param>
    /// <param name="ClientId">Ignored.</param>
    /// <param name="ClientSecret">Ignored.</param>
    internal sealed record Login(string Username, string Password, string? GrantType, string? Scope, string? ClientId, string? ClientSecret);

    /// <summary>Form field of <c>POST /api/refresh</c>.</summary>
    /// <param name="Token">The refresh token.</param>
    internal sealed record RefreshForm(string Token);

    /// <summary>A token pair: <c>{"access_token", "refresh_token", "token_type": "bearer", "expires_in"}</c>.</summary>
    /// <param name="AccessToken">Send as <c>Authorization: Bearer …</c>.</param>
    /// <param name="RefreshToken">Exchange at <c>/api/refresh</c>; single use.</param>
    /// <param name="TokenType">Always <c>bearer</c>.</param>
    /// <param name="ExpiresIn">Access token lifetime in seconds.</param>
    internal sealed record LoginResponse(string AccessToken, string RefreshToken, string TokenType, int ExpiresIn)
    {
        public static LoginResponse From(TokenPair pair) => new(pair.AccessToken, pair.RefreshToken, "bearer", pair.ExpiresIn);
    }
}
