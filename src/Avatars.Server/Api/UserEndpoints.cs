using System.Text.Json;
using Avatars.Server.Auth;
using Avatars.Server.Persistence;
using Avatars.Server.Persistence.Entities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Avatars.Server.Api;

/// <summary>Users and roles (api.md §14).</summary>
internal static class UserEndpoints
{
    /// <summary>The vendor's feature scope names this build supports.</summary>
    private static readonly string[] FeatureScopes =
        ["avatar_parameters", "single_table", "multi_table", "time_series", "report", "privacy_assessment", "differential_privacy"];

    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/users").WithTags("users").RequireAuthorization();
        group.MapGet("/me", GetMeAsync)
            .WithName("get_me").WithSummary("The calling user.")
            .Produces<User>();
        group.MapPost("/me/password", ChangePasswordAsync)
            .Accepts<ChangePasswordRequest>("application/json")
            .WithName("change_password").WithSummary("Change the caller's password (password login only); outstanding tokens stop working.")
            .Produces(StatusCodes.Status204NoContent).Produces(StatusCodes.Status403Forbidden)
            .Produces(StatusCodes.Status422UnprocessableEntity).Produces(StatusCodes.Status429TooManyRequests);
        group.MapGet("/credits_info", () => new CreditsInfo(null, false))
            .WithName("get_credits_info").WithSummary("Credits are not metered by this server.");
        group.MapGet("/features_info", () => new FeaturesInfo(FeatureScopes))
            .WithName("get_features_info").WithSummary("The feature scopes this server supports.");
        group.MapGet(string.Empty, FindUsersAsync)
            .WithName("find_users").WithSummary("List users, optionally by exact e-mail or user name (admin).")
            .Produces<List<User>>().Produces(StatusCodes.Status403Forbidden);
        group.MapPost(string.Empty, CreateUserAsync)
            .Accepts<CreateUser>("application/json")
            .WithName("create_user").WithSummary("Create a user (admin).")
            .Produces<User>(StatusCodes.Status201Created).Produces(StatusCodes.Status403Forbidden)
            .Produces(StatusCodes.Status409Conflict).Produces(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/{id:guid}", GetUserAsync)
            .WithName("get_user").WithSummary("A user by id (admin, or the user itself).")
            .Produces<User>().Produces(StatusCodes.Status404NotFound);
        group.MapPatch("/{id:guid}", UpdateUserAsync)
            .Accepts<UpdateUserRequest>("application/json")
            .WithName("update_user").WithSummary("Change e-mail, role, password or disabled flag (admin).")
            .Produces<User>().Produces(StatusCodes.Status403Forbidden).Produces(StatusCodes.Status404NotFound)
            .Produces(StatusCodes.Status409Conflict).Produces(StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/{id:guid}", DeleteUserAsync)
            .WithName("delete_user").WithSummary("Delete a user with its keys, tokens, resource sets, jobs and storage area (admin).")
            .Produces<User>().Produces(StatusCodes.Status403Forbidden).Produces(StatusCodes.Status404NotFound)
            .Produces(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<User> GetMeAsync([FromServices] CurrentUser me, [FromServices] AvatarsDbContext db, CancellationToken cancellationToken) =>
        User.From(await FindAsync(db, me.Id, cancellationToken));

    private static async Task<IResult> ChangePasswordAsync(
        HttpContext context,
        [FromServices] CurrentUser me,
        [FromServices] AvatarsDbContext db,
        [FromServices] PasswordHashing passwords,
        [FromServices] UserAccounts accounts,
        [FromServices] LoginThrottle throttle)
    {
        var cancellationToken = context.RequestAborted;
        me.RequirePasswordLogin("changing the password");
        var request = await JsonRequestBody.ReadAsync<ChangePasswordRequest>(context.Request);
        var issues = new List<ValidationIssue>();
        if (request.CurrentPassword is null)
        {
            issues.Add(new ValidationIssue(["body", "current_password"], "field required", "missing"));
        }

        AccountRules.CheckPassword(request.NewPassword, issues, "body", "new_password");
        AccountRules.ThrowIfAny(issues);

        var user = await FindAsync(db, me.Id, cancellationToken);
        throttle.ThrowIfBlocked(user.Username, context);
        if (!passwords.Verify(user, request.CurrentPassword!))
        {
            throttle.RecordFailure(user.Username, context);
            throw ApiException.Forbidden("the current password is incorrect");
        }

        accounts.SetPassword(user, request.NewPassword!);
        await accounts.InvalidateCredentialsAsync(db, user, cancellationToken);
        return Results.NoContent();
    }

    private static async Task<List<User>> FindUsersAsync(
        [FromQuery] string? email,
        [FromQuery] string? username,
        [FromServices] CurrentUser me,
        [FromServices] AvatarsDbContext db,
        CancellationToken cancellationToken)
    {
        me.RequireAdmin();
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrEmpty(email))
        {
            var normalized = AccountRules.Normalize(email);
            query = query.Where(u => u.NormalizedEmail == normalized);
        }

        if (!string.IsNullOrEmpty(username))
        {
            var normalized = AccountRules.Normalize(username);
            query = query.Where(u => u.NormalizedUsername == normalized);
        }

        var users = await query.ToListAsync(cancellationToken);
        return [.. users.OrderBy(u => u.CreatedAt).ThenBy(u => u.Username, StringComparer.Ordinal).Select(User.From)];
    }

    private static async Task<IResult> CreateUserAsync(
        HttpRequest http,
        [FromServices] CurrentUser me,
        [FromServices] AvatarsDbContext db,
        [FromServices] UserAccounts accounts,
        CancellationToken cancellationToken)
    {
        me.RequireAdmin();
        var request = await JsonRequestBody.ReadAsync<CreateUser>(http);
        var user = await accounts.CreateAsync(db, request.Username, request.Email, request.Password, request.Role, cancellationToken);
        return Results.Json(User.From(user), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<User> GetUserAsync(Guid id, [FromServices] CurrentUser me, [FromServices] AvatarsDbContext db, CancellationToken cancellationToken)
    {
        // Another user's id answers like a missing one (api.md §21).
        if (!me.IsAdmin && id != me.Id)
        {
            throw ApiException.NotFound("user");
        }

        return User.From(await FindAsync(db, id, cancellationToken));
    }

    private static async Task<User> UpdateUserAsync(
        Guid id,
        HttpRequest http,
        [FromServices] CurrentUser me,
        [FromServices] AvatarsDbContext db,
        [FromServices] UserAccounts accounts,
        CancellationToken cancellationToken)
    {
        me.RequireAdmin();
        var patch = UserPatch.Parse(await JsonRequestBody.ReadAsync<JsonElement>(http));
        var user = await FindAsync(db, id, cancellationToken);
        var credentialsChange = false;
        if (patch.HasEmail)
        {
            user.Email = patch.Email;
            user.NormalizedEmail = patch.Email is null ? null : AccountRules.Normalize(patch.Email);
            await UserAccounts.ThrowIfTakenAsync(db, user, cancellationToken);
        }

        var losesAdmin = user.Role == UserRoles.Admin && !user.Disabled
            && ((patch.Role is { } role && role != UserRoles.Admin) || patch.Disabled == true);
        if (losesAdmin)
        {
            await ThrowIfLastAdminAsync(db, user, cancellationToken);
        }

        if (patch.Role is { } newRole && newRole != user.Role)
        {
            user.Role = newRole;
            credentialsChange = true;
        }

        if (patch.Disabled is { } disabled && disabled != user.Disabled)
        {
            user.Disabled = disabled;
            credentialsChange = true;
        }

        if (patch.Password is { } password)
        {
            accounts.SetPassword(user, password);
            credentialsChange = true;
        }

        if (credentialsChange)
        {
            await accounts.InvalidateCredentialsAsync(db, user, cancellationToken);
        }
        else
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return User.From(user);
    }

    private static async Task<User> DeleteUserAsync(
        Guid id,
        [FromServices] CurrentUser me,
        [FromServices] AvatarsDbContext db,
        [FromServices] UserDeletion deletion,
        CancellationToken cancellationToken)
    {
        me.RequireAdmin();
        var user = await FindAsync(db, id, cancellationToken);
        if (user.Role == UserRoles.Admin && !user.Disabled)
        {
            await ThrowIfLastAdminAsync(db, user, cancellationToken);
        }

        await deletion.DeleteAsync(db, user, cancellationToken);
        return User.From(user);
    }

    /// <summary>Demoting, disabling or deleting the last enabled admin would leave nobody to manage users.</summary>
    private static async Task ThrowIfLastAdminAsync(AvatarsDbContext db, UserEntity user, CancellationToken cancellationToken)
    {
        if (!await db.Users.AnyAsync(u => u.Id != user.Id && u.Role == UserRoles.Admin && !u.Disabled, cancellationToken))
        {
            throw ApiException.Conflict("last_admin", "this is the last enabled admin; promote another user first");
        }
    }

    private static async Task<UserEntity> FindAsync(AvatarsDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken) ?? throw ApiException.NotFound("user");

    /// <summary><c>User</c> of api.md §14.</summary>
    /// <param name="Id">User id.</param>
    /// <param name="OrganizationId">The built-in organization.</param>
    /// <param name="Username">User name as created.</param>
    /// <param name="Email">E-mail or null.</param>
    /// <param name="Role"><c>admin</c> or <c>user</c>.</param>
    /// <param name="Disabled">Disabled accounts cannot log in.</param>
    /// <param name="CreatedAt">Creation time (UTC).</param>
    internal sealed record User(Guid Id, Guid OrganizationId, string Username, string? Email, string Role, bool Disabled, DateTime CreatedAt)
    {
        public static User From(UserEntity user) =>
            new(user.Id, UserRoles.OrganizationId, user.Username, user.Email, user.Role, user.Disabled, user.CreatedAt);
    }

    /// <summary>Body of <c>POST /api/users</c>.</summary>
    /// <param name="Username">1–64 characters <c>[A-Za-z0-9._@+-]</c>.</param>
    /// <param name="Email">Optional, unique.</param>
    /// <param name="Password">12–128 characters.</param>
    /// <param name="Role"><c>user</c> (default) or <c>admin</c>.</param>
    internal sealed record CreateUser(string? Username, string? Email, string? Password, string? Role);

    /// <summary>Body of <c>PATCH /api/users/{id}</c> as documented; read with <see cref="UserPatch"/>.</summary>
    /// <param name="Email">New e-mail, or null to remove it.</param>
    /// <param name="Role"><c>admin</c> or <c>user</c>.</param>
    /// <param name="Password">New password (12–128 characters).</param>
    /// <param name="Disabled">Disable or enable the account.</param>
    internal sealed record UpdateUserRequest(string? Email, string? Role, string? Password, bool? Disabled);

    /// <summary>Body of <c>POST /api/users/me/password</c>.</summary>
    /// <param name="CurrentPassword">The password in use.</param>
    /// <param name="NewPassword">12–128 characters.</param>
    internal sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

    /// <summary>Fixed answer of <c>GET /api/users/credits_info</c>.</summary>
    /// <param name="Credits">Always null.</param>
    /// <param name="IsCreditEnabled">Always false.</param>
    internal sealed record CreditsInfo(int? Credits, bool IsCreditEnabled);

    /// <summary>Answer of <c>GET /api/users/features_info</c>.</summary>
    /// <param name="FeatureScopes">Vendor scope names.</param>
    internal sealed record FeaturesInfo(IReadOnlyList<string> FeatureScopes);

    /// <summary>
    /// Body of <c>PATCH /api/users/{id}</c>, read field by field so an explicit <c>"email": null</c> (remove the
    /// e-mail) differs from an absent field (keep it).
    /// </summary>
    private sealed record UserPatch(bool HasEmail, string? Email, string? Role, string? Password, bool? Disabled)
    {
        public static UserPatch Parse(JsonElement body)
        {
            if (body.ValueKind != JsonValueKind.Object)
            {
                throw new ApiValidationException(["body"], "expected a JSON object", "type_error");
            }

            var issues = new List<ValidationIssue>();
            var hasEmail = body.TryGetProperty("email", out var emailValue);
            var email = hasEmail ? ReadString(emailValue, "email", issues, nullable: true) : null;
            var role = body.TryGetProperty("role", out var roleValue) ? ReadString(roleValue, "role", issues, nullable: false) : null;
            var password = body.TryGetProperty("password", out var passwordValue) ? ReadString(passwordValue, "password", issues, nullable: false) : null;
            bool? disabled = null;
            if (body.TryGetProperty("disabled", out var disabledValue))
            {
                if (disabledValue.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    disabled = disabledValue.GetBoolean();
                }
                else
                {
                    issues.Add(new ValidationIssue(["body", "disabled"], "must be a boolean", "bool_type"));
                }
            }

            AccountRules.CheckEmail(email, issues, "body", "email");
            AccountRules.CheckRole(role, issues, "body", "role");
            if (password is not null)
            {
                AccountRules.CheckPassword(password, issues, "body", "password");
            }

            AccountRules.ThrowIfAny(issues);
            return new UserPatch(hasEmail, email, role, password, disabled);
        }

        private static string? ReadString(JsonElement value, string field, List<ValidationIssue> issues, bool nullable)
        {
            if (value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }

            if (!(nullable && value.ValueKind == JsonValueKind.Null))
            {
                issues.Add(new ValidationIssue(["body", field], nullable ? "must be a string or null" : "must be a string", "string_type"));
            }

            return null;
        }
    }
}
