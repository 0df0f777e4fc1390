using Avatars.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Avatars.Server.Jobs;

/// <summary>Registers the job services, the scheduler with its in-process workers, recovery and retention.</summary>
internal static class JobsServiceCollectionExtensions
{
    public static IServiceCollection AddAvatarsJobs(this IServiceCollection services, AvatarsServerOptions options)
    {
        // Tests register shorter timings before this call.
        services.TryAddSingleton(new JobTimings());
        services.TryAddSingleton<JobSignal>();
        services.TryAddSingleton<IJobExecutor, InProcessJobExecutor>();
        services.AddScoped<JobService>();
        services.AddScoped<ResultService>();
        services.AddSingleton<IStartupTask, JobRecoveryStartupTask>();
        services.AddSingleton<RetentionSweeper>();
        services.AddHostedService<RetentionService>();
        if (options.Workers.Enabled)
        {
            services.AddHostedService<JobScheduler>();
        }

        return services;
    }
}
