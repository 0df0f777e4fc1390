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

    [Fact]
    public async Task Projection2D_ZoomPanAndReset_Work()
    {
        if (!File.Exists(Chromium))
        {
            Assert.Skip("Chromium not installed: apt-get install chromium to run the rendering test");
        }

        const string Probe = """
            <script>
            (function () {
              var svg = document.getElementById("scatter"), points = document.getElementById("points"), out = [];
              var r = svg.getBoundingClientRect(), cx = r.left + r.width / 2, cy = r.top + r.height / 2;
              out.push(points.getAttribute("transform"));
              svg.dispatchEvent(new WheelEvent("wheel", { deltaY: -300, clientX: cx, clientY: cy, bubbles: true, cancelable: true }));
              out.push(points.getAttribute("transform"));
              svg.dispatchEvent(new PointerEvent("pointerdown", { pointerId: 1, clientX: cx, clientY: cy, bubbles: true }));
              svg.dispatchEvent(new PointerEvent("pointermove", { pointerId: 1, clientX: cx + 40, clientY: cy + 20, bubbles: true }));
              svg.dispatchEvent(new PointerEvent("pointerup", { pointerId: 1, clientX: cx + 40, clientY: cy + 20, bubbles: true }));
              out.push(points.getAttribute("transform"));
              document.getElementById("reset").click();
              out.push(points.getAttribute("transform"));
              var pre = document.createElement("pre");
              pre.id = "probe";
              pre.textContent = out.join("|");
              document.body.appendChild(pre);
            })();
            </script>
            """;
        var figure = PlotTestData.Figures.Single(f => f.Kind == "2d_projection");
        var directory = Directory.CreateTempSubdirectory("avatars-plots-");
        try
        {
            var path = Path.Combine(directory.FullName, "probe.html");
            await File.WriteAllTextAsync(path, figure.Html.Replace("</body>", Probe + "</body>", StringComparison.Ordinal), TestContext.Current.CancellationToken);
            var (dom, errors) = await RenderAsync(path, Path.Combine(directory.FullName, "profile"));
            Assert.Empty(errors);
            var probe = System.Text.RegularExpressions.Regex.Match(dom, "<pre id=\"probe\">(.*?)</pre>").Groups[1].Value;
            var states = probe.Split('|');
            Assert.Equal(4, states.Length);
            Assert.StartsWith("matrix(1 0 0 1 ", states[0], StringComparison.Ordinal);
            Assert.NotEqual(states[0], states[1]); // zoomed
            Assert.NotEqual(states[1], states[2]); // panned
            Assert.Equal(states[0], states[3]);    // reset
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Projection3D_DrawsPoints_AndRotatesOnDrag()
    {
        if (!File.Exists(Chromium))
        {
            Assert.Skip("Chromium not installed: apt-get install chromium to run the rendering test");
        }

        const string Probe = """
            <script>
            (function () {
              var canvas = document.getElementById("view"), ctx = canvas.getContext("2d");
              function signature() {
                var data = ctx.getImageData(0, 0, canvas.width, canvas.height).data, blue = 0, orange = 0, hash = 0;
                for (var i = 0; i < data.length; i += 4) {
                  if (data[i + 2] > data[i] + 40) { blue++; }
                  if (data[i] > data[i + 2] + 60) { orange++; }
                  hash = (hash * 31 + data[i] + data[i + 1] * 7 + data[i + 2] * 13) | 0;
                }
                return blue + "," + orange + "," + hash;
              }
              var before = signature();
              var r = canvas.getBoundingClientRect(), cx = r.left + 100, cy = r.top + 100;
              canvas.dispatchEvent(new PointerEvent("pointerdown", { pointerId: 1, clientX: cx, clientY: cy, bubbles: true }));
              canvas.dispatchEvent(new PointerEvent("pointermove", { pointerId: 1, clientX: cx + 80, clientY: cy + 30, bubbles: true }));
              canvas.dispatchEvent(new PointerEvent("pointerup", { pointerId: 1, clientX: cx + 80, clientY: cy + 30, bubbles: true }));
              var after = signature();
              var pre = document.createElement("pre");
              pre.id = "probe";
              pre.textContent = before + "|" + after;
              document.body.appendChild(pre);
            })();
            </script>
            """;
        var figure = PlotTestData.Figures.Single(f => f.Kind == "3d_projection");
        var directory = Directory.CreateTempSubdirectory("avatars-plots-");
        try
        {
            var path = Path.Combine(directory.FullName, "probe.html");
            await File.WriteAllTextAsync(path, figure.Html.Replace("</body>", Probe + "</body>", StringComparison.Ordinal), TestContext.Current.CancellationToken);
            var (dom, errors) = await RenderAsync(path, Path.Combine(directory.FullName, "profile"));
            Assert.Empty(errors);
            var states = System.Text.RegularExpressions.Regex.Match(dom, "<pre id=\"probe\">(.*?)</pre>").Groups[1].Value.Split('|');
            Assert.Equal(2, states.Length);
            var before = states[0].Split(',');
            Assert.True(int.Parse(before[0], System.Globalization.CultureInfo.InvariantCulture) > 500, $"blue pixels: {states[0]}");
            Assert.True(int.Parse(before[1], System.Globalization.CultureInfo.InvariantCulture) > 500, $"orange pixels: {states[0]}");
            Assert.NotEqual(states[0], states[1]); // rotated
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
