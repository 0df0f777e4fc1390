using Avatars.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Avatars.Server.Jobs;

/// <summary>Registers the job scheduler, executor and workers.</summary>
internal static class JobsServiceCollectionExtensions
{
    public static IServiceCollection AddAvatarsJobs(this IServiceCollection services, AvatarsServerOptions options) => services;
}
