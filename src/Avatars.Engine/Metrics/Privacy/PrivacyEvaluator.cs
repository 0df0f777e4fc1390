using Avatars.Data;
using Avatars.Engine.Avatarization;
using Avatars.Engine.Preprocessing;
using Avatars.Engine.Projection;
using Avatars.Engine.Randomness;

namespace Avatars.Engine.Metrics.Privacy;

/// <summary>Settings of a privacy evaluation (projection and imputation); <see cref="PrivacyMetricsOptions"/> adds the metric parameters.</summary>
public record PrivacyEvaluationOptions
{
    /// <summary>Projected dimensions the distances are measured in (default: min(5, number of projected dimensions)).</summary>
    public int? Ncp { get; init; }

    /// <summary>
    /// How missing values are filled before projecting (fitted on the originals, applied to both tables). Use the
    /// avatarization's settings (method.md §6); the default is the avatarization default (<c>fast_knn</c>).
    /// </summary>
    public ImputationOptions Imputation { get; init; } = new();

    /// <summary>Columns left out of the evaluation (identifiers).</summary>
    public IReadOnlyList<string> IgnoredColumns { get; init; } = [];

    /// <summary>
    /// Seed of the imputer's sampling (only used by the KNN imputers). Pass the avatarization's seed: the originals
    /// are then imputed exactly as they were for the avatarization, so the metrics are measured in the space the
    /// avatars were drawn in. With the other seed the imputed cells — noise from the metric's point of view — differ.
    /// </summary>
    public ulong Seed { get; init; } = 1;
}

/// <summary>
/// Evaluates the paired privacy metrics of avatars against their originals: a projection is fitted on
/// the originals (method.md §6: FAMD/PCA/MCA by the originals' column types) and both tables are
/// projected with it; distances are measured on the first <c>ncp</c> components.
/// </summary>
public static class PrivacyEvaluator
{
    /// <summary>Computes hidden rate and local cloaking.</summary>
    /// <param name="original">The original table.</param>
    /// <param name="sensitiveUnshuffled">The avatars in original row order (row i = avatar of original i), same columns.</param>
    /// <param name="options">Evaluation settings.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <exception cref="AvatarizationException">The tables do not match.</exception>
    public static PairedPrivacyMetrics Evaluate(Table original, Table sensitiveUnshuffled, PrivacyEvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(sensitiveUnshuffled);
        options ??= new PrivacyEvaluationOptions();
        var (originalCoordinates, avatarCoordinates, ncp) = ProjectBoth(original, sensitiveUnshuffled, options, cancellationToken);
        var hidden = HiddenRate.Compute(originalCoordinates.Data, avatarCoordinates.Data, ncp, cancellationToken);
        var cloaking = LocalCloaking.Compute(originalCoordinates.Data, avatarCoordinates.Data, ncp, cancellationToken);
        return new PairedPrivacyMetrics(hidden, cloaking, ncp);
    }

    /// <summary>
    /// Computes every privacy metric of method.md §6 that applies: the unpaired ones (DCR, NNDR, closest rate, row
    /// direct match protection) always, the paired ones (hidden rate, local cloaking, column direct match protection,
    /// categorical hidden rate, correlation protection rate, inference) only when <paramref name="paired"/> is true,
    /// and the parameterised ones only when their parameters are set (<see cref="PrivacyMetricsOptions"/>).
    /// Distances are measured in the projection fitted on the originals (first <c>ncp</c> components). Every step is
    /// O(n log n) or O(n·k) — no n × n structure.
    /// </summary>
    /// <param name="original">The original table.</param>
    /// <param name="avatars">The avatars: in original row order (row i = avatar of original i) when
    /// <paramref name="paired"/>, any order and count otherwise.</param>
    /// <param name="paired">Whether row i of <paramref name="avatars"/> is the avatar of original i.</param>
    /// <param name="options">Metric settings.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <returns>The metrics; <see cref="PrivacyMetricsReport.ToJson"/> gives the vendor's <c>&lt;table&gt;.privacy.json</c> shape.</returns>
    /// <exception cref="AvatarizationException">The tables do not match or a parameter is invalid (the message names it).</exception>
    public static PrivacyMetricsReport EvaluateAll(Table original, Table avatars, bool paired, PrivacyMetricsOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(avatars);
        options ??= new PrivacyMetricsOptions();
        if (paired)
        {
            RequirePairing(original, avatars);
        }

        if (original.RowCount < 2)
        {
            throw new AvatarizationException($"The privacy metrics need at least 2 rows in table '{original.Name}' (got {original.RowCount}).", original.Name);
        }

        var kept = KeptColumns(original, avatars, options);
        CheckParameterColumns(original, kept, options);
        var (originalCoordinates, avatarCoordinates, ncp) = Project(original, avatars, kept, options, cancellationToken);
        var closest = DistanceToClosest.Compute(originalCoordinates.Data, avatarCoordinates.Data, ncp, cancellationToken);
        var closestRate = ClosestRate.Compute(originalCoordinates.Data, ncp, closest, options.ClosestRatePercentageThreshold, options.ClosestRateRatioThreshold, cancellationToken);
        var rowMatch = RowDirectMatchProtection.Compute(original, avatars, kept);
        var report = new PrivacyMetricsReport
        {
            TableName = original.Name,
            Paired = paired,
            Ncp = ncp,
            ClosestDistances = closest,
            ClosestRate = closestRate,
            RowDirectMatch = rowMatch,
        };
        if (!paired)
        {
            return report;
        }

        var hidden = HiddenRate.Compute(originalCoordinates.Data, avatarCoordinates.Data, ncp, cancellationToken);
        var known = options.KnownVariables;
        return report with
        {
            HiddenRate = hidden,
            LocalCloaking = LocalCloaking.Compute(originalCoordinates.Data, avatarCoordinates.Data, ncp, cancellationToken),
            ColumnDirectMatch = ColumnDirectMatchProtection.Compute(original, avatars, kept),
            CategoricalHiddenRate = options.CategoricalHiddenRateVariables is { Count: > 0 } variables
                ? Privacy.CategoricalHiddenRate.Compute(original, avatars, variables, originalCoordinates.Data, avatarCoordinates.Data, ncp, cancellationToken)
                : null,
            CorrelationProtection = known is { Count: > 0 }
                ? CorrelationProtectionRate.Compute(original, avatars, known, hidden.Value)
                : null,
            Inference = known is { Count: > 0 } && options.Target is { } target
                ? InferenceMetrics.Compute(original, avatars, known, target, options.Imputation, options.Seed, cancellationToken)
                : null,
        };
    }

    /// <summary>Throws when the avatars cannot be paired row by row with the originals.</summary>
    internal static void RequirePairing(Table original, Table avatars)
    {
        if (original.RowCount != avatars.RowCount)
        {
            throw new AvatarizationException(
                $"Paired metrics need one avatar per original: table '{original.Name}' has {original.RowCount} rows and the avatars '{avatars.Name}' have {avatars.RowCount}.",
                avatars.Name);
        }
    }

    /// <summary>Projects the originals and the avatars into the space fitted on the originals.</summary>
    internal static (Coordinates Originals, Coordinates Avatars, int Ncp) ProjectBoth(Table original, Table avatars, PrivacyEvaluationOptions options, CancellationToken cancellationToken)
    {
        RequirePairing(original, avatars);
        return Project(original, avatars, KeptColumns(original, avatars, options), options, cancellationToken);
    }

    private static string[] KeptColumns(Table original, Table avatars, PrivacyEvaluationOptions options)
    {
        var kept = original.Columns.Where(c => !options.IgnoredColumns.Contains(c.Name, StringComparer.Ordinal)).Select(c => c.Name).ToArray();
        foreach (var name in kept)
        {
            if (!avatars.Contains(name))
            {
                throw new AvatarizationException($"The avatars '{avatars.Name}' have no column '{name}', which the original table '{original.Name}' has.", avatars.Name, name);
            }
        }

        return kept;
    }

    private static void CheckParameterColumns(Table original, string[] kept, PrivacyMetricsOptions options)
    {
        void Check(IEnumerable<string>? names, string parameter)
        {
            foreach (var name in names ?? [])
            {
                if (!kept.Contains(name, StringComparer.Ordinal))
                {
                    throw new AvatarizationException(
                        $"{parameter} names column '{name}', which table '{original.Name}' does not have (or which is ignored).", original.Name, name, parameter);
                }
            }
        }

        Check(options.KnownVariables, "known_variables");
        Check(options.Target is null ? null : [options.Target], "target");
        Check(options.CategoricalHiddenRateVariables, "categorical_hidden_rate_variables");
        if (options.Target is not null && options.KnownVariables is not { Count: > 0 })
        {
            throw new AvatarizationException(
                $"target '{options.Target}' is set for table '{original.Name}' but known_variables is empty: the inference metrics need both.", original.Name, parameter: "known_variables");
        }
    }

    private static (Coordinates Originals, Coordinates Avatars, int Ncp) Project(Table original, Table avatars, string[] kept, PrivacyEvaluationOptions options, CancellationToken cancellationToken)
    {
        var (encoding, workingOriginal) = TableEncoding.Encode(original.Select(kept));
        var workingAvatars = encoding.Apply(avatars.Select(kept));
        var imputer = MissingValueImputer.Fit(workingOriginal, options.Imputation, options.Seed == 0 ? RowRandom.NewSeed() : options.Seed);
        var imputedOriginal = imputer.Apply(workingOriginal, cancellationToken);
        var imputedAvatars = imputer.Apply(workingAvatars, cancellationToken);
        var model = ProjectionModel.Fit(imputedOriginal, new ProjectionOptions(), cancellationToken);
        var ncp = options.Ncp ?? Math.Min(5, model.ComponentCount);
        if (ncp < 1 || ncp > model.ComponentCount)
        {
            throw new AvatarizationException(
                $"ncp = {ncp} must be between 1 and the {model.ComponentCount} components of the projection of table '{original.Name}'.", original.Name, parameter: "ncp");
        }

        return (model.Transform(imputedOriginal, ncp), model.Transform(imputedAvatars, ncp), ncp);
    }
}

/// <summary>The paired privacy metrics computed so far.</summary>
/// <param name="HiddenRate">Hidden rate (target &gt; 90 %).</param>
/// <param name="LocalCloaking">Local cloaking (target median &gt; 5).</param>
/// <param name="Ncp">The number of projected dimensions used.</param>
public sealed record PairedPrivacyMetrics(HiddenRateResult HiddenRate, LocalCloakingResult LocalCloaking, int Ncp);
