using Avatars.Server.Hosting;
using Avatars.Server.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Avatars.Server.Auth;

/// <summary>Registers authentication (bearer tokens and API keys), users and rate limiting.</summary>
internal static class AuthServiceCollectionExtensions
{
    public static IServiceCollection AddAvatarsAuth(this IServiceCollection services, AvatarsServerOptions options)
    {
        services.AddScoped<CurrentUser>();
        services.AddAuthorization();
        return services;
    }

    public static IApplicationBuilder UseAvatarsAuth(this IApplicationBuilder app)
    {
        app.UseAuthorization();
        return app;
    }
}
