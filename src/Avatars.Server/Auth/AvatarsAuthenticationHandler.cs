using System.Text.Encodings.Web;
using Avatars.Server.Api;
using Avatars.Server.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Avatars.Server.Auth;

/// <summary>
/// The single authentication scheme (<see cref="AvatarClaims.Scheme"/>): <c>Authorization: Bearer &lt;jwt&gt;</c>
/// and <c>Authorization: api-key-v1 &lt;key&gt;</c>. Its challenge answers with the 401 bodies of api.md §12.2.
/// </summary>
internal sealed class AvatarsAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TokenService tokens,
    ApiKeyAuthenticator apiKeys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private static readonly object FailureKey = new();

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            return AuthenticateResult.NoResult();
        }

        var scheme = header[..space];
        var credential = header[(space + 1)..].Trim();
        var db = Context.RequestServices.GetRequiredService<AvatarsDbContext>();
        (System.Security.Claims.ClaimsPrincipal? Principal, AuthFailure Failure) outcome;
        if (scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            outcome = await tokens.AuthenticateAccessTokenAsync(credential, db, Context.RequestAborted);
        }
        else if (scheme.Equals("api-key-v1", StringComparison.OrdinalIgnoreCase))
        {
            outcome = await apiKeys.AuthenticateAsync(credential, db, Context.RequestAborted);
        }
        else
        {
            return AuthenticateResult.NoResult();
        }

        if (outcome.Principal is null)
        {
            Context.Items[FailureKey] = outcome.Failure;
            return AuthenticateResult.Fail(AuthFailureText.Of(outcome.Failure).Message);
        }

        return AuthenticateResult.Success(new AuthenticationTicket(outcome.Principal, AvatarClaims.Scheme));
    }

    /// <inheritdoc />
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        await AuthenticateAsync();
        if (Response.HasStarted)
        {
            return;
        }

        if (Context.Items[FailureKey] is AuthFailure failure and not AuthFailure.None)
        {
            var (code, message) = AuthFailureText.Of(failure);
            await ApiErrorBodies.WriteAsync(Context, StatusCodes.Status401Unauthorized, code, message);
        }
        else
        {
            await ApiErrorBodies.WriteNotAuthenticatedAsync(Context);
        }
    }

    /// <inheritdoc />
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Response.HasStarted ? Task.CompletedTask : ApiErrorBodies.WriteAsync(Context, StatusCodes.Status403Forbidden, "forbidden", "forbidden");
}
