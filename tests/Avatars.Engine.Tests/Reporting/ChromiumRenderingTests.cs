using System.Diagnostics;
using Avatars.Engine.Reporting.Plots;

namespace Avatars.Engine.Tests.Reporting;

/// <summary>Renders every figure in headless Chromium (when installed) and checks the console stays clean.</summary>
public sealed class ChromiumRenderingTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task EveryFigure_RendersWithoutConsoleErrors()
    {
        if (!File.Exists(Chromium))
        {
            Assert.Skip("Chromium not installed: apt-get install chromium to run the rendering test");
        }

        var directory = Directory.CreateTempSubdirectory("avatars-plots-");
        try
        {
            var figures = PlotTestData.Figures
                .Where(f => f.Kind != "distribution")
                .Concat(PlotTestData.Figures.Where(f => f.Kind == "distribution").Take(4))
                .ToArray();
            foreach (var figure in figures)
            {
                var path = Path.Combine(directory.FullName, figure.FileName);
                await File.WriteAllTextAsync(path, figure.Html, TestContext.Current.CancellationToken);
                var (dom, errors) = await RenderAsync(path, Path.Combine(directory.FullName, "profile-" + figure.FileName));
                Assert.True(errors.Count == 0, $"{figure.FileName}: {string.Join(Environment.NewLine, errors)}");
                Assert.Contains("</html>", dom, StringComparison.OrdinalIgnoreCase);
                if (figure.Kind == "2d_projection")
                {
                    Assert.Contains("matrix(", dom, StringComparison.Ordinal); // the zoom script ran
                }
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task<(string Dom, List<string> Errors)> RenderAsync(string file, string profile)
    {
        var start = new ProcessStartInfo(Chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
            "--virtual-time-budget=2000", "--dump-dom", new Uri(file).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var errors = (await error).Split('\n')
            .Where(line => line.Contains("Uncaught", StringComparison.Ordinal) || line.Contains("ERROR:CONSOLE", StringComparison.Ordinal)
                || (line.Contains("CONSOLE", StringComparison.Ordinal) && line.Contains("error", StringComparison.OrdinalIgnoreCase)))
            .ToList();
        return (await output, errors);
    }
}
