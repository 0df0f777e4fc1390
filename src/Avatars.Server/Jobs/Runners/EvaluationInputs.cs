using Avatars.Config;
using Avatars.Data;
using Avatars.Engine.Metrics.Privacy;
using Avatars.Engine.Metrics.Signal;
using Avatars.Engine.Reporting.Evaluation;
using Avatars.Engine.Reporting.Plots;

namespace Avatars.Server.Jobs.Runners;

/// <summary>
/// The tables and settings of an evaluation, as the CLI's <c>avatarize --metrics</c> (paired, from a standard job) and
/// <c>metrics</c> (unpaired, from uploaded avatars) build them: the original from the schema, the avatars read with the
/// original's types, identifiers ignored, and the avatarization's ncp, imputation and seed for the privacy projection.
/// </summary>
/// <param name="TableName">The table.</param>
/// <param name="Original">The original table.</param>
/// <param name="Avatars">The avatars (unshuffled when <see cref="EvaluationOptions.Paired"/>).</param>
/// <param name="Options">The evaluation settings.</param>
/// <param name="Avatarization">The avatarization settings, when known (for the report).</param>
/// <param name="Seed">The seed used by the evaluation, when fixed by the user.</param>
internal sealed record EvaluationInputs(string TableName, Table Original, Table Avatars, EvaluationOptions Options, AvatarizationParameters? Avatarization, long? Seed)
{
    /// <summary>Loads the inputs.</summary>
    /// <param name="context">The running job (storage, limits).</param>
    /// <param name="set">The resource set holding the schema and the metrics parameters.</param>
    /// <param name="privacy">The metrics parameters: its schema, seed and <c>privacy_metrics</c> entry apply.</param>
    /// <param name="standard">The standard job's avatars (paired), or null to read <c>avatars_data.file</c> uploads (unpaired).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public static async Task<EvaluationInputs> LoadAsync(
        JobRunContext context, ResourceSet set, ParametersDocument privacy, StandardAvatars? standard, CancellationToken cancellationToken)
    {
        var schemas = JobSchemas.Resolve(set, privacy.Spec.Schema);
        var table = schemas.SingleTable();
        var original = await InputTables.ReadOriginalAsync(context, table, cancellationToken).ConfigureAwait(false);
        var identifiers = InputTables.IdentifierColumns(table);
        TableLimits.CheckDimensions(original, identifiers, context.Limits);
        var types = original.Columns.ToDictionary(c => c.Name, c => c.Type, StringComparer.Ordinal);

        // Without a standard job, avatarization_ref names the settings that produced the uploaded avatars.
        var avatarizationDocument = standard?.Parameters ?? FindAvatarization(set, privacy);
        var avatarization = standard?.Avatarization(table.Name) ?? avatarizationDocument?.Spec.Avatarization?.GetValueOrDefault(table.Name);
        Table avatars;
        bool paired;
        if (standard is not null)
        {
            var (key, fileName) = standard.UnshuffledFile(table.Name);
            avatars = await InputTables.ReadAsync(context, key, fileName, table.Name, types, requireTypedColumns: false, cancellationToken).ConfigureAwait(false);
            paired = true;
            if (avatars.RowCount != original.RowCount)
            {
                throw new JobFailedException(
                    $"the avatars of table \"{table.Name}\" have {TableLimits.Format(avatars.RowCount)} rows but its data file \"{table.Data?.File}\" has {TableLimits.Format(original.RowCount)}: the file changed since the avatarization; run the standard job again");
            }
        }
        else
        {
            var file = schemas.Avatarized?.FindTable(table.Name)?.AvatarsData?.File;
            if (string.IsNullOrEmpty(file))
            {
                throw new JobFailedException(
                    $"there are no avatars of table \"{table.Name}\" to evaluate: create the job with depends_on naming a standard job, or give avatars_data.file in an avatarized schema");
            }

            avatars = await InputTables.ReadUploadAsync(context, file, table.Name, types, requireTypedColumns: false, cancellationToken).ConfigureAwait(false);
            paired = false;
        }

        var seed = privacy.Spec.Seed ?? standard?.Seed ?? avatarizationDocument?.Spec.Seed;
        var privacyParameters = privacy.Spec.PrivacyMetrics?.GetValueOrDefault(table.Name);
        var options = new EvaluationOptions
        {
            Paired = paired,
            Figures = false,
            Privacy = PrivacyOptions(privacyParameters, avatarization, identifiers, seed),
            // signal_metrics entries hold projection settings only (ncp, weights…): the signal metrics do not project.
            Signal = new SignalMetricsOptions(),
            Plots = PlotOptions.Default with { Seed = AvatarizationSettings.ToSeed(seed) ?? 0 },
        };
        return new EvaluationInputs(table.Name, original, avatars, options, avatarization, seed);
    }

    /// <summary>The privacy settings: the metrics entry first, then the avatarization's ncp and imputation (as <c>avatarize --metrics</c>).</summary>
    internal static PrivacyMetricsOptions PrivacyOptions(PrivacyMetricsParameters? metrics, AvatarizationParameters? avatarization, IReadOnlyList<string> identifiers, long? seed) => new()
    {
        Ncp = metrics?.Ncp ?? avatarization?.Ncp,
        IgnoredColumns = identifiers,
        Imputation = AvatarizationSettings.ToImputation(metrics?.Imputation ?? avatarization?.Imputation),
        Seed = AvatarizationSettings.ToSeed(seed) ?? new PrivacyEvaluationOptions().Seed,
        KnownVariables = metrics?.KnownVariables is { Count: > 0 } known ? known : null,
        Target = metrics?.Target,
        CategoricalHiddenRateVariables = metrics?.CategoricalHiddenRateVariables is { Count: > 0 } categorical ? categorical : null,
        ClosestRatePercentageThreshold = metrics?.ClosestRatePercentageThreshold?.Value ?? ClosestRate.DefaultPercentageThreshold,
        ClosestRateRatioThreshold = metrics?.ClosestRateRatioThreshold?.Value ?? ClosestRate.DefaultRatioThreshold,
    };

    /// <summary>The AvatarParameters named by <c>avatarization_ref</c>, or the set's only one for the same schema.</summary>
    public static AvatarParameters? FindAvatarization(ResourceSet set, ParametersDocument metrics)
    {
        var all = set.OfType<AvatarParameters>().ToList();
        if (metrics.Spec.AvatarizationRef is { } reference)
        {
            return all.FirstOrDefault(p => p.Name == reference);
        }

        var candidates = all.Where(p => p.Spec.Schema == metrics.Spec.Schema || set.FindSchema(metrics.Spec.Schema)?.SchemaRef == p.Spec.Schema).ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }
}
