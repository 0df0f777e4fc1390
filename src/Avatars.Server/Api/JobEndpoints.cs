using System.Globalization;
using Avatars.Server.Auth;
using Avatars.Server.Hosting;
using Avatars.Server.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Avatars.Server.Api;

/// <summary>Jobs (api.md §18): thin HTTP wrappers around <see cref="JobService"/>.</summary>
internal static class JobEndpoints
{
    public static IEndpointRouteBuilder MapJobEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/jobs").WithTags("jobs").RequireAuthorization();
        group.MapPost(string.Empty, CreateAsync)
            .WithName("create_job").WithSummary("Creates a job running one parameters document of a resource set.")
            .Produces<JobCreateResponse>(StatusCodes.Status201Created)
            .Produces(StatusCodes.Status404NotFound).Produces(StatusCodes.Status409Conflict)
            .Produces(StatusCodes.Status422UnprocessableEntity).Produces(StatusCodes.Status429TooManyRequests);
        group.MapGet(string.Empty, ListAsync)
            .WithName("get_jobs").WithSummary("Lists the caller's jobs (admins: every user's with all_users=true).")
            .Produces<JobListResponse>().Produces(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/{name}", GetAsync)
            .WithName("get_job_status").WithSummary("Reads one job: status, progress, exception.")
            .Produces<JobResponse>().Produces(StatusCodes.Status404NotFound);
        group.MapDelete("/{name}", CancelAsync)
            .WithName("cancel_job").WithSummary("Cancels a pending or running job.")
            .Produces<JobResponse>().Produces(StatusCodes.Status404NotFound).Produces(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> CreateAsync(
        [FromBody] JobCreateRequest? request,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        HttpContext http,
        [FromServices] JobService jobs,
        [FromServices] CurrentUser user,
        [FromServices] AvatarsServerOptions options,
        CancellationToken cancellationToken)
    {
        var result = await jobs.CreateAsync(user, request ?? new JobCreateRequest(), idempotencyKey, cancellationToken);
        var location = PublicUrls.BaseFor(http, options).AbsolutePath + "api/jobs/" + result.Name.ToString("D");
        if (result.Replayed)
        {
            http.Response.Headers["Idempotent-Replayed"] = "true";
        }

        return Results.Created(location, new JobCreateResponse(result.Name.ToString("D"), location));
    }

    private static async Task<IResult> ListAsync(
        [FromQuery(Name = "kind")] string[]? kind,
        [FromQuery(Name = "status")] string[]? status,
        [FromQuery(Name = "set_name")] string? setName,
        [FromQuery(Name = "display_name")] string? displayName,
        [FromQuery(Name = "limit")] string? limit,
        [FromQuery(Name = "cursor")] string? cursor,
        [FromQuery(Name = "order")] string? order,
        [FromQuery(Name = "all_users")] string? allUsers,
        [FromServices] JobService jobs,
        [FromServices] CurrentUser user,
        CancellationToken cancellationToken)
    {
        int? pageSize = null;
        if (limit is not null)
        {
            pageSize = int.TryParse(limit, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw new ApiValidationException(["query", "limit"], "limit must be an integer", "int_parsing");
        }

        var all = allUsers switch
        {
            null => false,
            _ when bool.TryParse(allUsers, out var value) => value,
            _ => throw new ApiValidationException(["query", "all_users"], "all_users must be true or false", "bool_parsing"),
        };
        var query = new JobListQuery
        {
            Kinds = kind ?? [],
            Statuses = status ?? [],
            SetName = setName,
            DisplayName = displayName,
            Limit = pageSize,
            Cursor = cursor,
            Order = order,
            AllUsers = all,
        };
        return Results.Ok(await jobs.ListAsync(user, query, cancellationToken));
    }

    private static async Task<IResult> GetAsync(string name, [FromServices] JobService jobs, [FromServices] CurrentUser user, CancellationToken cancellationToken) =>
        Results.Ok(await jobs.GetAsync(user, name, cancellationToken));

    private static async Task<IResult> CancelAsync(string name, [FromServices] JobService jobs, [FromServices] CurrentUser user, CancellationToken cancellationToken) =>
        Results.Ok(await jobs.CancelAsync(user, name, cancellationToken));
}
