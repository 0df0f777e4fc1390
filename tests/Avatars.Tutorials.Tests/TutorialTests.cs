using Avatars.Server.Hosting;
using Avatars.Testing;
using Microsoft.Extensions.Logging;

namespace Avatars.Tutorials.Tests;

/// <summary>
/// Every tutorial program runs to completion against an embedded server over HTTP, with the vendor's fixtures from
/// <c>../shared/data/avatar-python</c>; their own checks (shapes, types, metrics with targets, report PDF, the failing
/// k ≥ n run) must hold. One class, so the tutorials run one after the other on this 2-core machine.
/// </summary>
public sealed class TutorialTests
{
    private const string Password = "tutorial-password-123";

    [Fact]
    public Task Quickstart_runs() => RunAsync(new Quickstart());

    [Fact]
    public Task Tutorial1_basics_runs() => RunAsync(new Tutorial1());

    [Fact]
    public Task Tutorial2_parameters_runs() => RunAsync(new Tutorial2());

    [Fact]
    public Task Tutorial3_multi_table_runs() => RunAsync(new Tutorial3());

    [Fact]
    public Task Tutorial4_time_series_runs() => RunAsync(new Tutorial4());

    [Fact]
    public Task Tutorial5_processors_runs() => RunAsync(new Tutorial5());

    private static async Task RunAsync(ITutorial tutorial)
    {
        var data = Path.GetDirectoryName(SharedData.PathOf("avatar-python/iris.csv"))!;
        var directory = Path.Combine(Path.GetTempPath(), "avatars-tutorials", Guid.NewGuid().ToString("N"));
        var output = new StringWriter();
        try
        {
            var options = new AvatarsServerOptions
            {
                Urls = "http://127.0.0.1:0",
                DataDirectory = Path.Combine(directory, "server"),
                Bootstrap = { AdminUsername = "tutorial", AdminPassword = Password },
            };
            await using var server = await AvatarsServer.StartAsync(options, l => l.SetMinimumLevel(LogLevel.Warning), TestContext.Current.CancellationToken);
            var outputDirectory = Path.Combine(directory, "output");
            Directory.CreateDirectory(outputDirectory);
            var environment = new TutorialEnvironment(new Uri(server.BaseAddress, "api"), "tutorial", Password, data, outputDirectory, output)
            {
                PollInterval = TimeSpan.FromMilliseconds(200),
            };
            await tutorial.RunAsync(environment, TestContext.Current.CancellationToken);
            TestContext.Current.SendDiagnosticMessage(output.ToString());
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"{tutorial.Name} failed: {ex.Message}\n--- output ---\n{output}", ex);
        }
        finally
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
