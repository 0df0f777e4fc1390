using System.Text.Json;
using Avatars.Server.Api;
using Avatars.Server.Auth;
using Avatars.Server.Jobs;
using Avatars.Server.Persistence;
using Avatars.Server.Storage;
using Avatars.Server.Jobs.Runners;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Avatars.Server.Hosting;

/// <summary>The composition root: services and the request pipeline of the server.</summary>
internal static class ServerApplication
{
    public static WebApplication Build(AvatarsServerOptions options, Action<ILoggingBuilder>? configureLogging, Action<IServiceCollection>? configureServices = null)
    {
        ServerOptionsValidator.Validate(options);
        Directory.CreateDirectory(options.DataDirectoryFullPath);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = options.DataDirectoryFullPath,
            EnvironmentName = Environments.Production,
        });
        builder.WebHost.UseUrls(options.Urls.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.Limits.MaxRequestBodyBytes;
        });
        builder.Logging.ClearProviders();
        if (configureLogging is null)
        {
            builder.Logging.AddSimpleConsole(c => c.SingleLine = true);
            builder.Logging.SetMinimumLevel(LogLevel.Information);
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        }
        else
        {
            configureLogging(builder.Logging);
        }

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(new ServerInstance());
        services.AddSingleton(SigningKeys.Load(options));
        services.AddSingleton(TimeProvider.System);
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.DictionaryKeyPolicy = null;
        });
        // Binding failures (bad JSON, wrong media type) throw, so ApiErrorMiddleware answers them in the api.md §11 shapes.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddAvatarsOpenApi();
        services.AddAvatarsPersistence(options);
        services.AddAvatarsStorage(options);
        services.AddAvatarsAuth(options);
        services.AddAvatarsJobs(options);
        services.AddAvatarsJobRunners();
        services.AddScoped<Resources.ResourceSetService>();
        if (options.CorsOrigins.Count > 0)
        {
            services.AddCors(c => c.AddDefaultPolicy(p => p.WithOrigins([.. options.CorsOrigins]).AllowAnyHeader().AllowAnyMethod()));
        }

        configureServices?.Invoke(services);
        var app = builder.Build();
        if (options.TrustForwardedHeaders)
        {
            app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.All });
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<ApiErrorMiddleware>();
        app.UseStatusCodePages(StatusCodeBodies.WriteAsync);
        if (options.CorsOrigins.Count > 0)
        {
            app.UseCors();
        }

        app.UseAvatarsAuth();
        var api = app.MapGroup("/api");
        api.MapAvatarsOpenApi();
        api.MapHealthEndpoints();
        api.MapAuthEndpoints();
        api.MapUserEndpoints();
        api.MapApiKeyEndpoints();
        api.MapUploadEndpoints();
        api.MapStorageEndpoints();
        api.MapResourceEndpoints();
        api.MapJobEndpoints();
        api.MapResultEndpoints();
        return app;
    }

    public static async Task InitializeAsync(WebApplication app, CancellationToken cancellationToken)
    {
        foreach (var task in app.Services.GetServices<IStartupTask>().OrderBy(t => t.Order))
        {
            await task.RunAsync(cancellationToken);
        }
    }
}
