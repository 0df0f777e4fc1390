using System.CommandLine;
using Avatars.Data;
using Avatars.Engine.Avatarization;
using Avatars.Engine.Preprocessing;
using Spectre.Console;

namespace Avatars.Cli.Commands;

/// <summary><c>avatars avatarize &lt;file&gt; --k 20 …</c>: avatarize a CSV or Parquet file.</summary>
internal static class AvatarizeCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var file = new Argument<FileInfo>("file") { Description = "The table to avatarize (.csv, .tsv or .parquet)." };
        var k = new Option<int>("--k", "-k") { Description = "Number of neighbours each avatar is drawn from (e.g. 20). Must be smaller than the number of rows.", Required = true };
        var ncp = new Option<int?>("--ncp") { Description = "Number of projected dimensions used by the neighbour search (default 5, or fewer when the table has fewer dimensions)." };
        var seed = new Option<ulong?>("--seed") { Description = "Seed for reproducible results (weakens privacy; for tests and studies)." };
        var weights = new Option<string[]>("--column-weight") { Description = "Projection weight of a column, as column=weight (repeatable).", AllowMultipleArgumentsPerToken = false };
        var exclude = new Option<string[]>("--exclude") { Description = "Column kept out of the avatarization and put back afterwards (repeatable)." };
        var excludeStrategy = new Option<string>("--exclude-strategy") { Description = "How excluded columns are put back: row_order (sensitive) or coordinate_similarity.", DefaultValueFactory = _ => "row_order" };
        excludeStrategy.AcceptOnlyFromAmong("row_order", "coordinate_similarity");
        var types = new Option<string[]>("--type") { Description = "Column type override, as column=type with type in float, int, bool, category, datetime, datetime_tz (repeatable)." };
        var ids = new Option<string[]>("--id") { Description = "Identifier column: dropped from the maths and from the avatars (repeatable)." };
        var imputation = new Option<string>("--imputation") { Description = "Missing-value imputation: fast_knn, knn, mean, median or mode.", DefaultValueFactory = _ => "fast_knn" };
        imputation.AcceptOnlyFromAmong("fast_knn", "knn", "mean", "median", "mode");
        var imputationK = new Option<int>("--imputation-k") { Description = "Neighbours used by the KNN imputers.", DefaultValueFactory = _ => 5 };
        var imputationFraction = new Option<double>("--imputation-fraction") { Description = "Share of complete rows used to fit the imputer, in (0, 1].", DefaultValueFactory = _ => 1.0 };
        var reduction = new Option<bool>("--categorical-reduction") { Description = "Embed categorical columns in 20 continuous dimensions before the neighbour search (for many modalities)." };
        var delimiter = new Option<string>("--delimiter") { Description = "CSV delimiter: one character, or 'tab' (default: detected among , ; tab |)." };
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "Output folder.", DefaultValueFactory = _ => new DirectoryInfo("avatars-output") };
        var keepUnshuffled = new Option<bool>("--keep-unshuffled") { Description = "Also write the SENSITIVE unshuffled avatars (row i = avatar of original row i), for evaluation only." };
        var metrics = new Option<bool>("--metrics") { Description = "Compute every privacy and signal metric and write <name>.privacy.json and <name>.signal.json." };
        var report = new Option<bool>("--report") { Description = "Also write the figures and report.html / report.pdf (implies --metrics)." };

        var command = new Command("avatarize", "Avatarize a table: write shuffled avatars and print the hidden rate and local cloaking.")
        {
            file, k, ncp, seed, weights, exclude, excludeStrategy, types, ids, imputation, imputationK, imputationFraction, reduction, delimiter, output, keepUnshuffled, metrics, report,
        };

        command.SetAction((parse, cancellationToken) => CliErrors.GuardAsync(console, async () =>
        {
            var path = parse.GetValue(file)!;
            var readOptions = new TableReadOptions
            {
                Types = KeyValueParser.Types(parse.GetValue(types) ?? []),
                Delimiter = ParseDelimiter(parse.GetValue(delimiter)),
            };
            var table = await TableReader.ReadAsync(path.FullName, readOptions, cancellationToken);
            var options = new AvatarizationOptions
            {
                K = parse.GetValue(k),
                Ncp = parse.GetValue(ncp),
                Seed = parse.GetValue(seed),
                ColumnWeights = KeyValueParser.Weights(parse.GetValue(weights) ?? []),
                ExcludeVariables = parse.GetValue(exclude) ?? [],
                ExcludeReplacementStrategy = parse.GetValue(excludeStrategy) == "coordinate_similarity"
                    ? ExcludeReplacementStrategy.CoordinateSimilarity
                    : ExcludeReplacementStrategy.RowOrder,
                IdentifierColumns = parse.GetValue(ids) ?? [],
                Imputation = new ImputationOptions
                {
                    Method = ParseImputation(parse.GetValue(imputation)!),
                    K = parse.GetValue(imputationK),
                    TrainingFraction = parse.GetValue(imputationFraction),
                },
                UseCategoricalReduction = parse.GetValue(reduction),
            };
            return await new AvatarizationRun(console).ExecuteAsync(table, options, parse.GetValue(output)!.FullName, parse.GetValue(keepUnshuffled),
                $"Seed {options.Seed} was fixed: results are reproducible, which weakens privacy. Omit --seed for production use.",
                parse.GetValue(report) ? EvaluationLevel.Report : parse.GetValue(metrics) ? EvaluationLevel.Metrics : EvaluationLevel.HiddenRateAndLocalCloaking,
                cancellationToken);
        }));
        return command;
    }

    private static char? ParseDelimiter(string? text) => text switch
    {
        null => null,
        "tab" or "\\t" or "\t" => '\t',
        { Length: 1 } => text[0],
        _ => throw new CliUsageException($"--delimiter '{text}': give a single character such as ';' or the word 'tab'."),
    };

    private static ImputationMethod ParseImputation(string name) => name switch
    {
        "knn" => ImputationMethod.Knn,
        "mean" => ImputationMethod.Mean,
        "median" => ImputationMethod.Median,
        "mode" => ImputationMethod.Mode,
        _ => ImputationMethod.FastKnn,
    };
}
