using Avatars.Server.Auth;
using Avatars.Server.Hosting;
using Avatars.Server.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Avatars.Server.Api;

/// <summary>Results (api.md §19): signed download URLs of a finished job, through <see cref="ResultService"/>.</summary>
internal static class ResultEndpoints
{
    public static IEndpointRouteBuilder MapResultEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/results/{job_name}", GetResultsAsync)
            .RequireAuthorization()
            .WithTags("results")
            .WithName("get_results").WithSummary("Signed download URLs of a finished job's results, per result key.")
            .Produces<Dictionary<string, List<string>>>()
            .Produces(StatusCodes.Status404NotFound).Produces(StatusCodes.Status409Conflict).Produces(StatusCodes.Status410Gone);
        return api;
    }

    private static async Task<IResult> GetResultsAsync(
        [FromRoute(Name = "job_name")] string jobName,
        HttpContext http,
        [FromServices] ResultService results,
        [FromServices] CurrentUser user,
        [FromServices] AvatarsServerOptions options,
        CancellationToken cancellationToken) =>
        Results.Ok(await results.GetResultsAsync(user, jobName, PublicUrls.BaseFor(http, options), cancellationToken));
}
