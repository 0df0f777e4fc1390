using Avatars.Config;
using Avatars.Engine.Avatarization;
using Avatars.Engine.Preprocessing;

namespace Avatars.Server.Jobs.Runners;

/// <summary>
/// Maps <c>avatarization.&lt;table&gt;</c> of an <c>AvatarParameters</c> document to the engine's
/// <see cref="AvatarizationOptions"/>, as the CLI's <c>avatarize</c> options do (same defaults).
/// </summary>
internal static class AvatarizationSettings
{
    /// <summary>The engine options for one table.</summary>
    /// <param name="parameters">The table's <c>avatarization</c> entry.</param>
    /// <param name="tableName">The table (for messages).</param>
    /// <param name="identifiers">Identifier and primary-key columns of the schema.</param>
    /// <param name="seed">The job's seed, or null for a random one.</param>
    public static AvatarizationOptions ToOptions(AvatarizationParameters parameters, string tableName, IReadOnlyList<string> identifiers, long? seed)
    {
        if (parameters.K is not { } k)
        {
            throw new JobFailedException($"avatarization.{tableName}.k is missing: give the number of neighbours (e.g. k: 20)");
        }

        var excluded = parameters.ExcludeVariables?.VariableNames ?? [];
        return new AvatarizationOptions
        {
            K = k,
            Ncp = parameters.Ncp,
            Seed = ToSeed(seed),
            // The vendor's client lets a column carry a weight and be excluded (its own sdk.md example does): the
            // exclusion wins there, so such weights are dropped here instead of failing the engine's stricter check.
            ColumnWeights = parameters.ColumnWeights?.Where(w => !excluded.Contains(w.Key)).ToDictionary(w => w.Key, w => w.Value.Value, StringComparer.Ordinal),
            ExcludeVariables = excluded,
            ExcludeReplacementStrategy = parameters.ExcludeVariables?.ReplacementStrategy == ExcludeVariablesMethod.CoordinateSimilarity
                ? ExcludeReplacementStrategy.CoordinateSimilarity
                : ExcludeReplacementStrategy.RowOrder,
            IdentifierColumns = identifiers,
            Imputation = ToImputation(parameters.Imputation),
            UseCategoricalReduction = parameters.UseCategoricalReduction ?? false,
        };
    }

    /// <summary>The engine's imputation settings (defaults for the unset fields: fast_knn, k = 5, all rows).</summary>
    public static ImputationOptions ToImputation(Imputation? imputation)
    {
        var defaults = new ImputationOptions();
        return imputation is null
            ? defaults
            : new ImputationOptions
            {
                Method = imputation.Method switch
                {
                    ImputeMethod.Knn => ImputationMethod.Knn,
                    ImputeMethod.Mean => ImputationMethod.Mean,
                    ImputeMethod.Median => ImputationMethod.Median,
                    ImputeMethod.Mode => ImputationMethod.Mode,
                    _ => ImputationMethod.FastKnn,
                },
                K = imputation.K ?? defaults.K,
                TrainingFraction = imputation.TrainingFraction?.Value ?? defaults.TrainingFraction,
            };
    }

    /// <summary>A YAML seed (≥ 0, checked at PUT) as the engine's seed.</summary>
    public static ulong? ToSeed(long? seed) => seed is { } s ? unchecked((ulong)s) : null;
}
