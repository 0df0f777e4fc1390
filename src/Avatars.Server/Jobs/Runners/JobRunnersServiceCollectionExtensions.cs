using Microsoft.Extensions.DependencyInjection;

namespace Avatars.Server.Jobs.Runners;

/// <summary>Registers one <see cref="IJobRunner"/> per job kind.</summary>
internal static class JobRunnersServiceCollectionExtensions
{
    public static IServiceCollection AddAvatarsJobRunners(this IServiceCollection services) => services;
}
