namespace Avatars.Cli.Tests;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_GeneratesAvatarizesAndPrintsTheMetrics()
    {
        var folder = CliRunner.TempFolder();
        var (code, output) = await CliRunner.RunAsync("demo", "--rows", "600", "--output", folder);
        Assert.True(code == 0, output);
        Assert.Contains("Hidden rate", output);
        Assert.Contains("pass", output);
        Assert.True(File.Exists(Path.Combine(folder, "patients.csv")));
        Assert.True(File.Exists(Path.Combine(folder, "patients.avatars.csv")));
    }
}
