using Avatars.Config;

namespace Avatars.Client;

/// <summary>Reconstruction of a table's <see cref="TableParameters"/> from the builder (the vendor's <c>_extract_current_parameters</c>).</summary>
public sealed partial class RunnerConfiguration
{
    /// <summary>
    /// The table's current parameters (sdk.md §4.6): k/DP/metrics base values from the first of
    /// <c>avatarization</c>, <c>avatarization_dp</c>, <c>privacy_metrics</c> that exists, imputation from that same
    /// entry, time series from <c>time_series</c>, privacy-only values from <c>privacy_metrics</c>. Signal entries are
    /// not read (they are re-derived). 1.11+ values without a <see cref="TableParameters"/> property
    /// (<c>data_augmentation</c>) are not carried over; the project extension <c>bounds</c> is (<see cref="TableParameters.DpBounds"/>).
    /// </summary>
    internal TableParameters ExtractCurrentParameters(string tableName)
    {
        var p = new TableParameters();
        TableParametersBase? source = null;
        if (Config.GetAvatarization(tableName) is { } a)
        {
            source = a;
            p = p with { K = a.K };
        }
        else if (Config.GetAvatarizationDp(tableName) is { } dp)
        {
            source = dp;
            p = p with
            {
                DpEpsilon = Falsy(dp.Epsilon),
                DpPreprocessBudgetRatio = Falsy(dp.PreprocessBudgetRatio),
                DpBounds = dp.Bounds?.ToDictionary(b => b.Key, b => new DpColumnBounds(b.Value.Lower.Value, b.Value.Upper.Value)),
            };
        }

        var privacy = Config.GetPrivacyMetrics(tableName);
        if (source is not null)
        {
            p = p with
            {
                ColumnWeights = source.ColumnWeights?.ToDictionary(w => w.Key, w => w.Value.Value),
                ExcludeVariableNames = source.ExcludeVariables?.VariableNames,
                ExcludeReplacementStrategy = source.ExcludeVariables?.ReplacementStrategy,
            };
        }

        source ??= privacy;
        if (source is not null)
        {
            p = p with
            {
                Ncp = source.Ncp,
                UseCategoricalReduction = source.UseCategoricalReduction,
                ImputationMethod = source.Imputation?.Method,
                ImputationK = source.Imputation?.K is 0 ? null : source.Imputation?.K,
                ImputationTrainingFraction = Falsy(source.Imputation?.TrainingFraction),
                ImputationReturnDataImputed = source.Imputation?.ReturnDataImputed,
            };
        }

        if (Config.GetTimeSeries(tableName) is { } ts)
        {
            p = p with
            {
                TimeSeriesNf = ts.Projection?.Nf is 0 ? null : ts.Projection?.Nf,
                TimeSeriesProjectionType = ts.Projection?.ProjectionType,
                TimeSeriesNbPoints = ts.Alignment?.NbPoints is 0 ? null : ts.Alignment?.NbPoints,
                TimeSeriesMethod = ts.Alignment?.Method,
            };
        }

        if (privacy is not null)
        {
            p = p with
            {
                KnownVariables = privacy.KnownVariables,
                Target = privacy.Target,
                ClosestRatePercentageThreshold = privacy.ClosestRatePercentageThreshold?.Value,
                ClosestRateRatioThreshold = privacy.ClosestRateRatioThreshold?.Value,
                CategoricalHiddenRateVariables = privacy.CategoricalHiddenRateVariables,
                QuantileThreshold = privacy.QuantileThreshold?.Value,
            };
        }

        return p;
    }

    private static double? Falsy(ConfigNumber? number) => number is { Value: not 0.0 } n ? n.Value : null;
}
