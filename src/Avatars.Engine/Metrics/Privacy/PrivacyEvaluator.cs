using Avatars.Data;
using Avatars.Engine.Avatarization;
using Avatars.Engine.Preprocessing;
using Avatars.Engine.Projection;
using Avatars.Engine.Randomness;

namespace Avatars.Engine.Metrics.Privacy;

/// <summary>Settings of a privacy evaluation.</summary>
public sealed record PrivacyEvaluationOptions
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

    /// <summary>Projects the originals and the avatars into the space fitted on the originals.</summary>
    internal static (Coordinates Originals, Coordinates Avatars, int Ncp) ProjectBoth(Table original, Table avatars, PrivacyEvaluationOptions options, CancellationToken cancellationToken)
    {
        if (original.RowCount != avatars.RowCount)
        {
            throw new AvatarizationException(
                $"Paired metrics need one avatar per original: table '{original.Name}' has {original.RowCount} rows and the avatars '{avatars.Name}' have {avatars.RowCount}.",
                avatars.Name);
        }

        var kept = original.Columns.Where(c => !options.IgnoredColumns.Contains(c.Name, StringComparer.Ordinal)).Select(c => c.Name).ToArray();
        foreach (var name in kept)
        {
            if (!avatars.Contains(name))
            {
                throw new AvatarizationException($"The avatars '{avatars.Name}' have no column '{name}', which the original table '{original.Name}' has.", avatars.Name, name);
            }
        }

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
