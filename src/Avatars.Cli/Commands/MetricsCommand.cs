using System.CommandLine;
using Avatars.Data;
using Avatars.Engine.Metrics.Privacy;
using Avatars.Engine.Reporting.Evaluation;
using Spectre.Console;

namespace Avatars.Cli.Commands;

/// <summary>
/// <c>avatars metrics --original a.csv --avatars b.csv …</c>: evaluates any synthetic table (from any generator)
/// against its original.
/// </summary>
internal static class MetricsCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var original = new Option<FileInfo>("--original") { Description = "The original table (.csv, .tsv or .parquet).", Required = true };
        var avatars = new Option<FileInfo>("--avatars") { Description = "The synthetic table to evaluate, with the original's columns.", Required = true };
        var paired = new Option<bool>("--paired") { Description = "Row i of the avatars is the avatar of original row i (unshuffled): enables hidden rate, local cloaking and the other paired metrics." };
        var ncp = new Option<int?>("--ncp") { Description = "Projected dimensions the distances are measured in (default: min(5, dimensions))." };
        var types = new Option<string[]>("--type") { Description = "Column type override, as column=type (repeatable); the avatars are read with the original's types." };
        var ids = new Option<string[]>("--id") { Description = "Identifier column left out of the evaluation (repeatable)." };
        var known = new Option<string[]>("--known-variable") { Description = "A variable the attacker is assumed to know (repeatable; for correlation protection and inference)." };
        var target = new Option<string>("--target") { Description = "The sensitive variable the attacker tries to infer (with --known-variable)." };
        var categorical = new Option<string[]>("--categorical-hidden-rate-variable") { Description = "A categorical variable the attacker knows exactly, for the categorical hidden rate (repeatable)." };
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "Output folder.", DefaultValueFactory = _ => new DirectoryInfo("avatars-metrics") };
        var report = new Option<bool>("--report") { Description = "Also write the figures and report.html / report.pdf." };
        var command = new Command("metrics", "Evaluate a synthetic table against its original: privacy and signal metrics, optionally figures and a report.")
        {
            original, avatars, paired, ncp, types, ids, known, target, categorical, output, report,
        };

        command.SetAction((parse, cancellationToken) => CliErrors.GuardAsync(console, async () =>
        {
            var originalTable = await TableReader.ReadAsync(parse.GetValue(original)!.FullName, new TableReadOptions { Types = KeyValueParser.Types(parse.GetValue(types) ?? []) }, cancellationToken);
            var avatarPath = parse.GetValue(avatars)!.FullName;
            var avatarTypes = originalTable.Columns.ToDictionary(c => c.Name, c => c.Type, StringComparer.Ordinal);
            var avatarTable = await TableReader.ReadAsync(avatarPath, new TableReadOptions { Types = await PresentColumnsAsync(avatarPath, avatarTypes, cancellationToken) }, cancellationToken);
            var isPaired = parse.GetValue(paired);
            if (isPaired && avatarTable.RowCount != originalTable.RowCount)
            {
                throw new CliUsageException($"--paired needs one avatar per original: '{originalTable.Name}' has {originalTable.RowCount} rows and '{avatarTable.Name}' has {avatarTable.RowCount}.");
            }

            var options = new EvaluationOptions
            {
                Paired = isPaired,
                Figures = parse.GetValue(report),
                Privacy = new PrivacyMetricsOptions
                {
                    Ncp = parse.GetValue(ncp),
                    IgnoredColumns = parse.GetValue(ids) ?? [],
                    KnownVariables = parse.GetValue(known) is { Length: > 0 } k ? k : null,
                    Target = parse.GetValue(target),
                    CategoricalHiddenRateVariables = parse.GetValue(categorical) is { Length: > 0 } c ? c : null,
                },
            };

            console.MarkupLine($"Evaluating [bold]{Markup.Escape(avatarTable.Name)}[/] ({avatarTable.RowCount:N0} rows) against [bold]{Markup.Escape(originalTable.Name)}[/] ({originalTable.RowCount:N0} rows), {(isPaired ? "paired" : "unpaired")}");
            var evaluation = EvaluationRun.Evaluate(console, originalTable, avatarTable, options, cancellationToken);
            MetricsPrinter.Print(console, evaluation);
            var folder = parse.GetValue(output)!.FullName;
            var written = await EvaluationWriter.WriteMetricsAsync(evaluation, folder, cancellationToken);
            console.MarkupLine($"Metrics: {Markup.Escape(written[0])} and {Markup.Escape(Path.GetFileName(written[1]))}");
            if (parse.GetValue(report))
            {
                var (_, pdf) = await EvaluationWriter.WriteReportAsync(ReportContentBuilder.Build(evaluation, ReportFacts.ForEvaluationOnly()), folder, cancellationToken);
                console.MarkupLine($"Report: [green]{Markup.Escape(pdf)}[/] (and report.html)");
            }

            return 0;
        }));
        return command;
    }

    /// <summary>The original's types restricted to the columns the avatar file has (a missing column is reported by the evaluator, by name).</summary>
    private static async Task<Dictionary<string, ColumnType>> PresentColumnsAsync(string path, Dictionary<string, ColumnType> types, CancellationToken cancellationToken)
    {
        var header = await TableReader.ReadAsync(path, new TableReadOptions { MaxRows = 0 }, cancellationToken);
        return types.Where(t => header.Contains(t.Key)).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
    }
}
