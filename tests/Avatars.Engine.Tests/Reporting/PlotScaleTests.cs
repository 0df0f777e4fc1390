using System.Diagnostics;
using System.Text;
using Avatars.Data.Generation;
using Avatars.Engine.Reporting.Plots;

namespace Avatars.Engine.Tests.Reporting;

/// <summary>Timings at 1,000,000 rows; runs only when <c>AVATARS_PLOTS_BENCH</c> names an output file.</summary>
public sealed class PlotScaleTests
{
    [Fact(Explicit = true)]
    public void MillionRows_WhenRequested()
    {
        var output = Environment.GetEnvironmentVariable("AVATARS_PLOTS_BENCH");
        if (string.IsNullOrEmpty(output))
        {
            Assert.Skip("Manual tool: set the environment variable named in the summary and run with -- xUnit.Explicit=only.");
        }

        var token = TestContext.Current.CancellationToken;
        var original = PatientTableGenerator.Generate(1_000_000, seed: 1);
        var avatars = PatientTableGenerator.Generate(1_000_000, seed: 2);
        var report = new StringBuilder();
        var watch = Stopwatch.StartNew();
        var projection = ReportProjection.Fit(original, avatars, cancellationToken: token);
        report.AppendLine($"projection fit + transform: {watch.Elapsed.TotalSeconds:0.00} s");
        foreach (var kind in PlotKindNames.All)
        {
            watch.Restart();
            var figures = FigureSet.Build(kind, original, avatars, projection, cancellationToken: token);
            report.AppendLine($"{kind.ToWireName()}: {watch.Elapsed.TotalSeconds:0.00} s, {figures.Count} figure(s), {figures.Sum(f => f.Html.Length) / 1024} KiB");
        }

        File.WriteAllText(output, report.ToString());
    }
}
