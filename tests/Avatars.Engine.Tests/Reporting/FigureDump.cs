using Avatars.Data;
using Avatars.Engine.Reporting.Plots;

namespace Avatars.Engine.Tests.Reporting;

/// <summary>Writes the figures of the patient table to <c>$AVATARS_PLOTS_DUMP</c> when that variable is set (manual inspection).</summary>
public sealed class FigureDump
{
    [Fact(Explicit = true)]
    public async Task Dump_WhenRequested()
    {
        var target = Environment.GetEnvironmentVariable("AVATARS_PLOTS_DUMP");
        if (string.IsNullOrEmpty(target))
        {
            Assert.Skip("Manual tool: set the environment variable named in the summary and run with -- xUnit.Explicit=only.");
        }

        Directory.CreateDirectory(target);
        foreach (var figure in PlotTestData.Figures)
        {
            await File.WriteAllTextAsync(Path.Combine(target, figure.FileName), figure.Html, TestContext.Current.CancellationToken);
        }

        var wide = Wide(2_000, 1);
        var wideAvatars = Wide(2_000, 2);
        foreach (var figure in new[] { CorrelationPlot.Build(wide, wideAvatars, TestContext.Current.CancellationToken), CorrelationDifferencePlot.Build(wide, wideAvatars, TestContext.Current.CancellationToken) })
        {
            await File.WriteAllTextAsync(Path.Combine(target, figure.FileName), figure.Html, TestContext.Current.CancellationToken);
        }

        await File.WriteAllTextAsync(Path.Combine(target, FigureFileNames.MetadataFileName), FiguresMetadata.Build("patients", PlotTestData.Figures), TestContext.Current.CancellationToken);
    }

    /// <summary>A 50-column numeric table with block correlations.</summary>
    internal static Table Wide(int rows, int seed)
    {
        var random = new Random(seed);
        var factors = Enumerable.Range(0, 5).Select(_ => Enumerable.Range(0, rows).Select(_ => random.NextDouble()).ToArray()).ToArray();
        var columns = new List<Column>();
        for (var c = 0; c < 50; c++)
        {
            var f = factors[c % 5];
            columns.Add(new FloatColumn($"measurement_{c:00}_{(c % 5 == 0 ? "with_a_rather_long_name" : "x")}", f.Select(v => v + (random.NextDouble() * (1 + (c % 7)))).ToArray()));
        }

        return new Table(columns, "wide");
    }
}
