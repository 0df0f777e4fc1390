using Avatars.Config;
using Avatars.Data;
using Avatars.Engine.Avatarization;
using Avatars.Engine.Reporting.Plots;
using Avatars.Server.Jobs.Runners.MultiTable;

namespace Avatars.Server.Jobs.Runners;

/// <summary>
/// <c>standard</c>: avatarizes the table of the schema with <c>spec.avatarization.&lt;table&gt;</c> and writes the
/// shuffled and unshuffled avatars, the projections, the figures, <c>figures_metadata.json</c> and <c>run_metadata.json</c>.
/// </summary>
internal sealed class StandardJobRunner : IJobRunner
{
    // Share of the job's progress at the end of each stage: reading, avatarization, figures, writing.
    private const double ReadEnd = 0.05;
    private const double AvatarizeEnd = 0.75;
    private const double FiguresEnd = 0.9;

    // Relative duration of the avatarization stages (neighbours and synthesis dominate), for one smooth bar.
    private static readonly (AvatarizationStage Stage, double Weight)[] StageWeights =
    [
        (AvatarizationStage.Prepare, 0.10), (AvatarizationStage.Fit, 0.15), (AvatarizationStage.Transform, 0.05),
        (AvatarizationStage.Neighbors, 0.35), (AvatarizationStage.Synthesis, 0.25), (AvatarizationStage.Finalize, 0.10),
    ];

    /// <inheritdoc/>
    public JobKind Kind => JobKind.Standard;

    /// <inheritdoc/>
    public Task RunAsync(JobRunContext context, CancellationToken cancellationToken) =>
        EngineErrors.GuardAsync(() => RunCoreAsync(context, cancellationToken));

    private static async Task RunCoreAsync(JobRunContext context, CancellationToken cancellationToken)
    {
        var parameters = context.Parameters as AvatarParameters
            ?? throw new InvalidOperationException($"A standard job runs AvatarParameters, not {context.Parameters.Kind}.");
        var spec = parameters.Spec;
        var schemas = JobSchemas.Resolve(context.ResourceSet, spec.Schema);
        if (schemas.IsMultiTable(spec))
        {
            await MultiTableStandardRun.RunAsync(context, parameters, schemas.Original, cancellationToken).ConfigureAwait(false);
            return;
        }

        RejectUnsupported(spec);
        var table = schemas.SingleTable();
        var tableParameters = spec.Avatarization?.GetValueOrDefault(table.Name)
            ?? throw new JobFailedException($"spec.avatarization has no entry for table \"{table.Name}\": add avatarization.{table.Name}.k");
        if (tableParameters.DataAugmentation is not null)
        {
            throw new JobFailedException($"data_augmentation (table \"{table.Name}\") is not available in this version of the server: remove it");
        }

        var progress = new JobProgress(context.Progress);
        var original = await InputTables.ReadOriginalAsync(context, table, cancellationToken).ConfigureAwait(false);
        var identifiers = InputTables.IdentifierColumns(table);
        var seed = context.Job.Seed ?? spec.Seed;
        var options = AvatarizationSettings.ToOptions(tableParameters, table.Name, identifiers, seed) with { IncludeProjections = true };
        TableLimits.CheckDimensions(original, identifiers.Concat(options.ExcludeVariables), context.Limits);
        progress.Report(ReadEnd);
        cancellationToken.ThrowIfCancellationRequested();

        var avatarizing = progress.Stage(ReadEnd, AvatarizeEnd);
        var result = await Avatarizer.AvatarizeAsync(original, options, new CallbackProgress<AvatarizationProgress>(p => avatarizing.Report(Overall(p))), cancellationToken)
            .ConfigureAwait(false);
        progress.Report(AvatarizeEnd);
        cancellationToken.ThrowIfCancellationRequested();

        var figures = await Task.Run(() => BuildFigures(original, result.Avatars, identifiers, spec.Results?.MaxDistributionPlots, result.Seed, cancellationToken), cancellationToken).ConfigureAwait(false);
        progress.Report(FiguresEnd);
        cancellationToken.ThrowIfCancellationRequested();

        const int order = 0;
        var name = table.Name;
        await ResultOutput.WriteCsvAsync(context, ResultKeys.Shuffled, name, order, ResultFileNames.Shuffled(name), result.Avatars, cancellationToken).ConfigureAwait(false);
        await ResultOutput.WriteCsvAsync(context, ResultKeys.Unshuffled, name, order, ResultFileNames.Unshuffled(name), result.SensitiveUnshuffled, cancellationToken).ConfigureAwait(false);
        progress.Report(0.94);
        await ResultOutput.WriteCsvAsync(context, ResultKeys.OriginalProjections, name, order, ResultFileNames.OriginalProjections(name), ResultOutput.ProjectionTable(result.OriginalProjections!, name), cancellationToken).ConfigureAwait(false);
        await ResultOutput.WriteCsvAsync(context, ResultKeys.AvatarProjections, name, order, ResultFileNames.AvatarProjections(name), ResultOutput.ProjectionTable(result.AvatarProjections!, name), cancellationToken).ConfigureAwait(false);
        progress.Report(0.97);
        foreach (var figure in figures)
        {
            await ResultOutput.WriteTextAsync(context, ResultKeys.Figures, name, order, figure.FileName, figure.Html, cancellationToken).ConfigureAwait(false);
        }

        await ResultOutput.WriteTextAsync(context, ResultKeys.FiguresMetadata, null, 0, ResultFileNames.FiguresMetadata, FiguresMetadata.Build(name, figures), cancellationToken).ConfigureAwait(false);
        await ResultOutput.WriteRunMetadataAsync(context, seed, cancellationToken).ConfigureAwait(false);
        progress.Report(1);
    }

    /// <summary>A single-table job needs an avatarization entry.</summary>
    private static void RejectUnsupported(ParametersSpec spec)
    {
        if (spec.Avatarization is not { Count: > 0 })
        {
            throw new JobFailedException("spec.avatarization is empty: give avatarization.<table>.k for the table to avatarize");
        }
    }

    /// <summary>The figures of the avatarization (identifiers left out, as the evaluator does), at most <paramref name="maxDistributionPlots"/> distributions.</summary>
    internal static List<HtmlFigure> BuildFigures(Table original, Table avatars, IReadOnlyList<string> identifiers, int? maxDistributionPlots, ulong seed, CancellationToken cancellationToken)
    {
        var kept = original.ColumnNames.Where(c => !identifiers.Contains(c, StringComparer.Ordinal)).ToArray();
        var originalKept = original.Select(kept);
        var avatarsKept = avatars.Select(kept).WithName(original.Name);

        // The seed makes the point sampling of large tables reproducible with the avatarization.
        var figures = FigureSet.BuildAll(originalKept, avatarsKept, options: PlotOptions.Default with { Seed = seed }, cancellationToken: cancellationToken);
        var distribution = PlotKind.Distribution.ToWireName();
        var distributions = 0;
        return [.. figures.Where(f => f.Kind != distribution || maxDistributionPlots is null || distributions++ < maxDistributionPlots)];
    }

    /// <summary>The avatarization's progress as one 0–1 fraction, weighting its stages by their usual duration.</summary>
    private static double Overall(AvatarizationProgress progress)
    {
        var done = 0.0;
        foreach (var (stage, weight) in StageWeights)
        {
            if (stage == progress.Stage)
            {
                return done + (weight * Math.Clamp(progress.Fraction, 0, 1));
            }

            done += weight;
        }

        return done;
    }
}
