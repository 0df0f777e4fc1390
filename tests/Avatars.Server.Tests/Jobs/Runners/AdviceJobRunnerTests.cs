using Avatars.Server.Jobs;
using Avatars.Server.Jobs.Runners;

namespace Avatars.Server.Tests.Jobs.Runners;

public sealed class AdviceJobRunnerTests
{
    [Fact]
    public async Task Advice_fails_with_a_clear_message_and_writes_nothing()
    {
        var bed = new RunnerTestBed();
        var (context, results) = bed.Context(RunnerTestBed.Set(), "advice", JobKind.Advice);
        var error = await Assert.ThrowsAsync<JobFailedException>(() => new AdviceJobRunner().RunAsync(context, TestContext.Current.CancellationToken));
        Assert.Equal("parameter advice is not available in this version of the server", error.Message);
        Assert.Empty(results.Files);
    }
}
