using Microsoft.Extensions.DependencyInjection;

namespace Avatars.Server.Jobs.Runners;

/// <summary>Registers one <see cref="IJobRunner"/> per job kind (stateless singletons).</summary>
internal static class JobRunnersServiceCollectionExtensions
{
    public static IServiceCollection AddAvatarsJobRunners(this IServiceCollection services)
    {
        services.AddSingleton<IJobRunner, StandardJobRunner>();
        services.AddSingleton<IJobRunner>(new MetricsJobRunner(JobKind.PrivacyMetrics));
        services.AddSingleton<IJobRunner>(new MetricsJobRunner(JobKind.SignalMetrics));
        services.AddSingleton<IJobRunner, ReportJobRunner>();
        services.AddSingleton<IJobRunner, AdviceJobRunner>();
        return services;
    }
}
