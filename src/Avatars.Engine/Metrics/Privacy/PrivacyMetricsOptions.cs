namespace Avatars.Engine.Metrics.Privacy;

/// <summary>
/// Parameters of <see cref="PrivacyEvaluator.EvaluateAll"/>: the projection and imputation settings of
/// <see cref="PrivacyEvaluationOptions"/> (<c>ncp</c>, <c>imputation</c>, ignored/identifier columns, seed) plus the
/// metric parameters of the vendor's <c>AvatarPrivacyMetricsParameters</c> (sdk.md: <c>known_variables</c>,
/// <c>target</c>, <c>closest_rate_percentage_threshold</c>, <c>closest_rate_ratio_threshold</c>,
/// <c>categorical_hidden_rate_variables</c>). A metric whose parameters are unset is not computed (null in the JSON).
/// </summary>
public sealed record PrivacyMetricsOptions : PrivacyEvaluationOptions
{
    /// <summary>
    /// Variables an attacker is assumed to know (<c>known_variables</c>): enables the correlation protection rate and,
    /// with <see cref="Target"/>, the inference metrics.
    /// </summary>
    public IReadOnlyList<string>? KnownVariables { get; init; }

    /// <summary>The sensitive variable the inference attack predicts (<c>target</c>); needs <see cref="KnownVariables"/>.</summary>
    public string? Target { get; init; }

    /// <summary>Variables of the categorical hidden rate (<c>categorical_hidden_rate_variables</c>); unset: not computed.</summary>
    public IReadOnlyList<string>? CategoricalHiddenRateVariables { get; init; }

    /// <summary>Percentile in [0, 100] of the originals' nearest-neighbour distances defining the closest rate's risk distance (<c>closest_rate_percentage_threshold</c>).</summary>
    public double ClosestRatePercentageThreshold { get; init; } = ClosestRate.DefaultPercentageThreshold;

    /// <summary>NNDR threshold in [0, 1] of the closest rate (<c>closest_rate_ratio_threshold</c>).</summary>
    public double ClosestRateRatioThreshold { get; init; } = ClosestRate.DefaultRatioThreshold;
}
