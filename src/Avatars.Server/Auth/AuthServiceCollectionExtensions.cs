using Avatars.Server.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Avatars.Server.Auth;

/// <summary>Registers authentication (bearer tokens and API keys), users and rate limiting.</summary>
internal static class AuthServiceCollectionExtensions
{
    public static IServiceCollection AddAvatarsAuth(this IServiceCollection services, AvatarsServerOptions options)
    {
        services.AddScoped<CurrentUser>();
        services.AddSingleton<PasswordHashing>();
        services.AddSingleton<UserStateCache>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<UserRequestRateLimiter>();
        services.AddScoped<UserAccounts>();
        services.AddScoped<UserDeletion>();
        services.AddSingleton<IStartupTask, BootstrapAdmin>();
        services.AddAuthentication(AvatarClaims.Scheme)
            .AddScheme<AuthenticationSchemeOptions, AvatarsAuthenticationHandler>(AvatarClaims.Scheme, configureOptions: null);
        services.AddAuthorization();

        // The hosting diagnostics log full request URLs, which would put `GET /api/refresh?token=…` in the logs
        // (api.md §12.1, §21): keep that category at Warning whatever the logging configuration says.
        services.Configure<LoggerFilterOptions>(o => o.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning));
        return services;
    }

    public static IApplicationBuilder UseAvatarsAuth(this IApplicationBuilder app)
    {
        app.UseAuthentication();
        app.UseMiddleware<CurrentUserMiddleware>();
        app.UseAuthorization();
        return app;
    }
}
