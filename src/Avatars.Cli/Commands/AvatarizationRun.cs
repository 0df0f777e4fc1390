using System.Diagnostics;
using System.Globalization;
using Avatars.Data;
using Avatars.Engine.Avatarization;
using Avatars.Engine.Metrics.Privacy;
using Avatars.Engine.Reporting.Evaluation;
using Avatars.Engine.Reporting.Report;
using Spectre.Console;
using SpectreTable = Spectre.Console.Table;
using Table = Avatars.Data.Table;

namespace Avatars.Cli.Commands;

/// <summary>
/// The part shared by <c>avatarize</c> and <c>demo</c>: avatarize a table with a progress display,
/// write the outputs, evaluate and print the privacy metrics.
/// </summary>
internal sealed class AvatarizationRun(IAnsiConsole console)
{
    private static readonly (AvatarizationStage Stage, string Label)[] Stages =
    [
        (AvatarizationStage.Prepare, "Prepare (types, missing values)"),
        (AvatarizationStage.Fit, "Fit projection"),
        (AvatarizationStage.Transform, "Project individuals"),
        (AvatarizationStage.Neighbors, "Find neighbours"),
        (AvatarizationStage.Synthesis, "Synthesize avatars"),
        (AvatarizationStage.Finalize, "Restore types, shuffle"),
    ];

    /// <summary>Runs the avatarization and writes the outputs; returns the exit code.</summary>
    /// <param name="table">The original table.</param>
    /// <param name="options">The avatarization parameters.</param>
    /// <param name="outputDirectory">Where the avatars are written.</param>
    /// <param name="keepUnshuffled">Also write the sensitive unshuffled avatars.</param>
    /// <param name="seedNote">Shown when a seed was fixed (reproducibility weakens privacy).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <param name="evaluation">What to evaluate after the avatarization.</param>
    public async Task<int> ExecuteAsync(Table table, AvatarizationOptions options, string outputDirectory, bool keepUnshuffled, string? seedNote, EvaluationLevel evaluation, CancellationToken cancellationToken)
    {
        var result = await AvatarizeWithProgressAsync(table, options, cancellationToken);
        foreach (var warning in result.Warnings)
        {
            console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
        }

        Directory.CreateDirectory(outputDirectory);
        var avatarsPath = Path.Combine(outputDirectory, $"{table.Name}.avatars.csv");
        var clock = Stopwatch.StartNew();
        await TableWriter.WriteCsvAsync(result.Avatars, avatarsPath, cancellationToken);
        var writeTime = clock.Elapsed;
        string? unshuffledPath = null;
        if (keepUnshuffled)
        {
            unshuffledPath = Path.Combine(outputDirectory, $"{table.Name}.SENSITIVE-unshuffled-avatars.csv");
            await TableWriter.WriteCsvAsync(result.SensitiveUnshuffled, unshuffledPath, cancellationToken);
        }

        clock.Restart();
        string? reportPath = null;
        IReadOnlyList<string> metricFiles = [];
        if (evaluation == EvaluationLevel.HiddenRateAndLocalCloaking)
        {
            console.WriteLine("Evaluating privacy metrics…");
            var metrics = PrivacyEvaluator.Evaluate(
                table,
                result.SensitiveUnshuffled,
                new PrivacyEvaluationOptions { Ncp = result.Ncp, IgnoredColumns = options.IdentifierColumns, Imputation = options.Imputation, Seed = result.Seed },
                cancellationToken);
            PrintMetrics(metrics);
        }
        else
        {
            var evaluationOptions = new EvaluationOptions
            {
                Paired = true,
                Privacy = new PrivacyMetricsOptions { Ncp = result.Ncp, IgnoredColumns = options.IdentifierColumns, Imputation = options.Imputation, Seed = result.Seed },
                Figures = evaluation == EvaluationLevel.Report,
            };
            var evaluated = EvaluationRun.Evaluate(console, table, result.SensitiveUnshuffled, evaluationOptions, cancellationToken);
            MetricsPrinter.Print(console, evaluated);
            metricFiles = await EvaluationWriter.WriteMetricsAsync(evaluated, outputDirectory, cancellationToken);
            if (evaluation == EvaluationLevel.Report)
            {
                var (html, pdf) = await EvaluationWriter.WriteReportAsync(ReportContentBuilder.Build(evaluated, ReportFacts.For(options, result)), outputDirectory, cancellationToken);
                reportPath = $"{pdf} (and {Path.GetFileName(html)})";
            }
        }

        var metricsTime = clock.Elapsed;
        PrintTimings(result, writeTime, metricsTime);
        console.MarkupLine($"Avatars (shuffled, safe to share): [green]{Markup.Escape(avatarsPath)}[/]");
        if (metricFiles.Count >= 2)
        {
            console.MarkupLine($"Metrics: {Markup.Escape(metricFiles[0])} and {Markup.Escape(Path.GetFileName(metricFiles[1]))}");
        }

        if (reportPath is not null)
        {
            console.MarkupLine($"Report: [green]{Markup.Escape(reportPath)}[/]");
        }

        if (unshuffledPath is not null)
        {
            console.MarkupLine($"[red]SENSITIVE[/] unshuffled avatars (row i = avatar of original row i; for evaluation only, never share): {Markup.Escape(unshuffledPath)}");
        }

        if (options.Seed is not null && seedNote is not null)
        {
            console.MarkupLine($"[grey]{Markup.Escape(seedNote)}[/]");
        }

        return 0;
    }

    private async Task<AvatarizationResult> AvatarizeWithProgressAsync(Table table, AvatarizationOptions options, CancellationToken cancellationToken)
    {
        console.MarkupLine($"Avatarizing [bold]{Markup.Escape(table.Name)}[/]: {table.RowCount:N0} rows × {table.ColumnCount} columns, k = {options.K}, ncp = {options.Ncp?.ToString(CultureInfo.InvariantCulture) ?? $"{Avatarizer.DefaultNcp} (default)"}");
        if (!console.Profile.Capabilities.Interactive)
        {
            var last = (AvatarizationStage)(-1);
            var plain = new CallbackProgress<AvatarizationProgress>(p =>
            {
                if (p.Stage != last)
                {
                    last = p.Stage;
                    console.WriteLine($"  {Stages.First(s => s.Stage == p.Stage).Label}…");
                }
            });
            return await Avatarizer.AvatarizeAsync(table, options, plain, cancellationToken);
        }

        AvatarizationResult? result = null;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = Stages.ToDictionary(s => s.Stage, s => context.AddTask(s.Label, autoStart: false, maxValue: 1));
                var current = (AvatarizationStage)(-1);
                var reporter = new CallbackProgress<AvatarizationProgress>(p =>
                {
                    if (p.Stage != current)
                    {
                        // Stop each finished stage once: stopping again would move its end time.
                        foreach (var (stage, task) in tasks)
                        {
                            if (stage < p.Stage && !task.IsFinished)
                            {
                                task.Value = 1;
                                task.StopTask();
                            }
                        }

                        tasks[p.Stage].StartTask();
                        current = p.Stage;
                    }

                    var active = tasks[p.Stage];
                    active.Value = Math.Max(active.Value, p.Fraction);
                });
                result = await Avatarizer.AvatarizeAsync(table, options, reporter, cancellationToken);
                foreach (var task in tasks.Values.Where(t => !t.IsFinished))
                {
                    task.Value = 1;
                    task.StopTask();
                }
            });
        return result!;
    }

    private void PrintMetrics(PairedPrivacyMetrics metrics)
    {
        MetricsPrinter.Print(
            console,
            [ReportMetricCatalog.Create("hidden_rate", metrics.HiddenRate.Value), ReportMetricCatalog.Create("local_cloaking", metrics.LocalCloaking.Median)],
            "Privacy metrics");
        console.MarkupLine($"[grey]Distances measured on the first {metrics.Ncp} components of a projection fitted on the original table.[/]");
    }

    private void PrintTimings(AvatarizationResult result, TimeSpan write, TimeSpan metrics)
    {
        var parts = Stages.Where(s => result.StageTimings.ContainsKey(s.Stage))
            .Select(s => $"{s.Stage.ToString().ToLowerInvariant()} {result.StageTimings[s.Stage].TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s")
            .Append($"write {write.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s")
            .Append($"metrics {metrics.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s");
        console.MarkupLine($"[grey]Timings: {string.Join(", ", parts)}[/]");
    }
}
