using Avatars.Client;
using Avatars.Config;

namespace Avatars.Tutorials;

/// <summary>Tutorial 4 — time series: individuals with two sensor series each.</summary>
public sealed class Tutorial4 : ITutorial
{
    /// <inheritdoc />
    public string Name => "tutorial4";

    /// <inheritdoc />
    public string Title => "Tutorial 4: time series (sensors)";

    /// <inheritdoc />
    public async Task RunAsync(TutorialEnvironment environment, CancellationToken cancellationToken)
    {
        var output = environment.Output;
        using var manager = await TutorialSession.StartAsync(environment, cancellationToken);
        var runner = manager.CreateRunner(TutorialEnvironment.UniqueName("timeseries"));
        runner.Progress = new ConsoleJobProgress(output);
        await runner.AddTableAsync("vanilla", TableSource.FromFile(environment.DataFile("sensors_vanilla.csv")), new AddTableOptions { PrimaryKey = "id", IndividualLevel = true }, cancellationToken);
        foreach (var (table, file) in new[] { ("sensor1", "sensors_timeseries1.csv"), ("sensor2", "sensors_timeseries2.csv") })
        {
            await runner.AddTableAsync(table, TableSource.FromFile(environment.DataFile(file)), new AddTableOptions { PrimaryKey = "primary_key", ForeignKeys = ["id"], TimeSeriesTime = "t" }, cancellationToken);
            runner.AddLink("vanilla", "id", table, "id", LinkMethod.TimeSeries);
            runner.SetParameters(table, timeSeriesProjectionType: ProjectionType.Flatten, timeSeriesNf: 10);
        }

        runner.SetParameters("vanilla", k: 5);
        await runner.RunAsync(cancellationToken: cancellationToken);
        await runner.GetAllResultsAsync(cancellationToken);
        foreach (var table in new[] { "vanilla", "sensor1", "sensor2" })
        {
            output.WriteLine($"{table}: {(await runner.GetShuffledAsync(table, cancellationToken)).RowCount} avatar rows");
        }

        var report = Path.Combine(environment.OutputDirectory, "time_series_report.pdf");
        await runner.DownloadReportAsync(report, cancellationToken);
        output.WriteLine($"Report: {report}");
    }
}
