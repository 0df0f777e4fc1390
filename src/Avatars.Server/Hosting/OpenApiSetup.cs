using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Avatars.Server.Hosting;

/// <summary>
/// The OpenAPI 3.1 document (api.md §23), served at <c>GET /api/openapi.json</c> and committed as
/// <c>api/openapi.json</c>: no <c>servers</c> (so it does not depend on the host), the two security schemes,
/// a security requirement on every operation that needs authentication.
/// </summary>
internal static class OpenApiSetup
{
    /// <summary>The document name; the route is <c>/api/{documentName}.json</c>.</summary>
    public const string DocumentName = "openapi";

    public const string PasswordScheme = "OAuth2PasswordBearer";

    public const string ApiKeyScheme = "ApiKeyV1";

    public static IServiceCollection AddAvatarsOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, o =>
        {
            o.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Avatars API",
                    Version = ServerInstance.ApiVersion,
                    Description = "Privacy-preserving synthetic data with the Avatar method: users, storage, resource sets, jobs, results.",
                };
                document.Servers = [];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    [PasswordScheme] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.OAuth2,
                        Description = "Log in with POST /api/login; send Authorization: Bearer <access_token>.",
                        Flows = new OpenApiOAuthFlows { Password = new OpenApiOAuthFlow { TokenUrl = new Uri("/api/login", UriKind.Relative), Scopes = new Dictionary<string, string>() } },
                    },
                    [ApiKeyScheme] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.ApiKey,
                        In = ParameterLocation.Header,
                        Name = "Authorization",
                        Description = "Authorization: api-key-v1 <key>",
                    },
                };
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
                {
                    operation.Security =
                    [
                        new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(PasswordScheme, context.Document)] = [] },
                        new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [] },
                    ];
                }

                return Task.CompletedTask;
            });
        });

    public static IEndpointRouteBuilder MapAvatarsOpenApi(this IEndpointRouteBuilder api)
    {
        api.MapOpenApi("/{documentName}.json").AllowAnonymous();
        return api;
    }
}
