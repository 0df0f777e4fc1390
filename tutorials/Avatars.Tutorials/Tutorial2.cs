using Avatars.Client;
using Avatars.Client.Http;
using Avatars.Client.Models;
using Avatars.Data;

namespace Avatars.Tutorials;

/// <summary>Tutorial 2 — parameters: k, ncp, weights, categorical reduction, projections and plots, advice, re-runs.</summary>
public sealed class Tutorial2 : ITutorial
{
    /// <inheritdoc />
    public string Name => "tutorial2";

    /// <inheritdoc />
    public string Title => "Tutorial 2: choosing parameters and reading their effect";

    /// <inheritdoc />
    public async Task RunAsync(TutorialEnvironment environment, CancellationToken cancellationToken)
    {
        var output = environment.Output;
        using var manager = await TutorialSession.StartAsync(environment, cancellationToken);
        output.WriteLine($"Health: {(await manager.GetHealthAsync(cancellationToken)).Message}");
        var path = environment.DataFile("iris.csv");
        var iris = await TableReader.ReadAsync(path, new TableReadOptions { TableName = "iris" }, cancellationToken);

        // A small k: more faithful avatars, less protection.
        var small = manager.CreateRunner(TutorialEnvironment.UniqueName("iris_k2"));
        await small.AddTableAsync("iris", iris, cancellationToken: cancellationToken);
        small.SetParameters("iris", k: 2);
        await small.RunAsync(cancellationToken: cancellationToken);
        var (hiddenRate2, cloaking2, hellinger2) = await MetricsAsync(small, cancellationToken);
        output.WriteLine($"k = 2: hidden rate {hiddenRate2:0.##} %, local cloaking {cloaking2}, Hellinger mean {hellinger2:0.####}");

        // A large k from the file: more protection, smoother data.
        var large = manager.CreateRunner(TutorialEnvironment.UniqueName("iris_k30"));
        await large.AddTableAsync("iris", TableSource.FromFile(path), cancellationToken: cancellationToken);
        large.SetParameters("iris", k: 30);
        await large.RunAsync(cancellationToken: cancellationToken);
        var (hiddenRate30, cloaking30, hellinger30) = await MetricsAsync(large, cancellationToken);
        output.WriteLine($"k = 30: hidden rate {hiddenRate30:0.##} %, local cloaking {cloaking30}, Hellinger mean {hellinger30:0.####}");
        TutorialCheck.That(cloaking30 > cloaking2, $"a larger k should hide each individual among more avatars (local cloaking {cloaking30} vs {cloaking2})");

        var (originalProjection, avatarProjection) = await large.GetProjectionsAsync("iris", cancellationToken);
        output.WriteLine($"Projections: {originalProjection.RowCount} originals and {avatarProjection.RowCount} avatars on {originalProjection.ColumnCount} components");
        await SavePlotsAsync(large, environment, "k30", cancellationToken);

        // More parameters: components, a weight, categorical reduction; only the avatarization job.
        large.SetParameters("iris", k: 30, ncp: 5, columnWeights: new Dictionary<string, double> { ["variety"] = 3.0 }, useCategoricalReduction: true);
        await large.RunAsync([JobKind.Standard], cancellationToken);
        var (original5, _) = await large.GetProjectionsAsync("iris", cancellationToken);
        output.WriteLine($"With ncp = 5 and a weight on variety: projections on {original5.ColumnCount} components");
        await SavePlotsAsync(large, environment, "k30_ncp5", cancellationToken);

        // Let the server advise parameters, look at them, run, then change k and run again on the same runner.
        var advised = manager.CreateRunner(TutorialEnvironment.UniqueName("iris_advice"));
        await advised.AddTableAsync("iris", TableSource.FromFile(path), cancellationToken: cancellationToken);
        try
        {
            await advised.AdviseParametersAsync(cancellationToken: cancellationToken);
            output.WriteLine("Advised parameters:");
        }
        catch (AvatarsJobFailedException ex)
        {
            // A server without an advisor (an older version) answers with an error: say so, and choose k by hand.
            output.WriteLine($"Advice not available on this server ({ex.Message}); using k = 20.");
            advised.SetParameters("iris", k: 20);
        }

        advised.PrintParameters(writer: output);
        await advised.RunAsync(cancellationToken: cancellationToken);
        var (firstHiddenRate, _, _) = await MetricsAsync(advised, cancellationToken);
        var firstAvatars = await advised.GetShuffledAsync("iris", cancellationToken);

        advised.UpdateParameters("iris", p => p with { K = 2 });
        advised.PrintParameters(writer: output);
        await advised.RunAsync(cancellationToken: cancellationToken);
        var (secondHiddenRate, _, _) = await MetricsAsync(advised, cancellationToken);
        var secondAvatars = await advised.GetShuffledAsync("iris", cancellationToken);
        output.WriteLine($"Re-run with k = 2: hidden rate {firstHiddenRate:0.##} % → {secondHiddenRate:0.##} %");
        TutorialCheck.That(!ReferenceEquals(firstAvatars, secondAvatars), "a re-run should serve the new avatars, not the cached ones");
    }

    private static async Task<(double HiddenRate, double LocalCloaking, double HellingerMean)> MetricsAsync(Runner runner, CancellationToken cancellationToken)
    {
        var privacy = (await runner.GetPrivacyMetricsAsync("iris", cancellationToken))[0];
        var signal = (await runner.GetSignalMetricsAsync("iris", cancellationToken))[0];
        return ((double)privacy["hidden_rate"]!, (double)privacy["local_cloaking"]!, (double)signal["hellinger_mean"]!);
    }

    private static async Task SavePlotsAsync(Runner runner, TutorialEnvironment environment, string label, CancellationToken cancellationToken)
    {
        var figures = await runner.RenderPlotAsync("iris", PlotKind.Projection3D, cancellationToken: cancellationToken);
        TutorialCheck.That(figures.Count > 0 && figures[0].Html.Contains("<html", StringComparison.OrdinalIgnoreCase), "the 3D projection should be an HTML page");
        var file = Path.Combine(environment.OutputDirectory, $"iris_{label}_3d_projection.html");
        await File.WriteAllTextAsync(file, figures[0].Html, cancellationToken);
        environment.Output.WriteLine($"3D projection: {file}");
    }
}
