using Avatars.Server.Jobs;
using Avatars.Server.Jobs.Runners;
using Microsoft.Extensions.DependencyInjection;

namespace Avatars.Server.Tests.Jobs.Runners;

public sealed class JobRunnersRegistrationTests
{
    [Fact]
    public void One_runner_is_registered_per_kind()
    {
        using var provider = new ServiceCollection().AddAvatarsJobRunners().BuildServiceProvider();
        var kinds = provider.GetServices<IJobRunner>().Select(r => r.Kind).ToList();
        Assert.Equal(Enum.GetValues<JobKind>().Order(), kinds.Order());
    }
}
