using Avatars.Config;

namespace Avatars.Client;

/// <summary>
/// The parameters of one table, the keyword arguments of the vendor's <c>Runner.set_parameters</c> (sdk.md §4.5).
/// Every property is optional; as in Python, <c>0</c>, <c>false</c>, empty strings and empty lists mean "not set"
/// when deciding which YAML entries exist. Use <c>with</c> expressions with <see cref="RunnerConfiguration.UpdateParameters"/>.
/// </summary>
public sealed record TableParameters
{
    /// <summary>The vendor's message when both <see cref="K"/> and <see cref="DpEpsilon"/> are set.</summary>
    public const string KAndDpEpsilonMessage =
        "Expected either k or dp_epsilon to be set, not both. If you want to use differential privacy, set dp_epsilon and remove k.";

    /// <summary><c>k</c>: number of neighbours (<c>avatarization.&lt;t&gt;.k</c>); exclusive with <see cref="DpEpsilon"/>.</summary>
    public int? K { get; init; }

    /// <summary><c>ncp</c>: projection components (avatarization or DP, privacy and signal metrics).</summary>
    public int? Ncp { get; init; }

    /// <summary><c>use_categorical_reduction</c> (same four sections as <see cref="Ncp"/>).</summary>
    public bool? UseCategoricalReduction { get; init; }

    /// <summary><c>column_weights</c> (avatarization or DP), in enumeration order.</summary>
    public IReadOnlyDictionary<string, double>? ColumnWeights { get; init; }

    /// <summary><c>exclude_variables.variable_names</c> (avatarization or DP).</summary>
    public IReadOnlyList<string>? ExcludeVariableNames { get; init; }

    /// <summary><c>exclude_variables.replacement_strategy</c>; <c>row_order</c> when names are given without it.</summary>
    public ExcludeVariablesMethod? ExcludeReplacementStrategy { get; init; }

    /// <summary><c>imputation.method</c> (four sections).</summary>
    public ImputeMethod? ImputationMethod { get; init; }

    /// <summary><c>imputation.k</c>.</summary>
    public int? ImputationK { get; init; }

    /// <summary><c>imputation.training_fraction</c>.</summary>
    public double? ImputationTrainingFraction { get; init; }

    /// <summary><c>imputation.return_data_imputed</c> (1.1x; written inside an existing <c>imputation</c> only).</summary>
    public bool? ImputationReturnDataImputed { get; init; }

    /// <summary><c>dp_epsilon</c> → <c>avatarization_dp.&lt;t&gt;.epsilon</c>; exclusive with <see cref="K"/>.</summary>
    public double? DpEpsilon { get; init; }

    /// <summary><c>dp_preprocess_budget_ratio</c> → <c>avatarization_dp.&lt;t&gt;.preprocess_budget_ratio</c>.</summary>
    public double? DpPreprocessBudgetRatio { get; init; }

    /// <summary>
    /// <c>dp_bounds</c> → <c>avatarization_dp.&lt;t&gt;.bounds</c> (<b>project extension, not in the vendor's format</b>):
    /// public ranges of numeric columns, in enumeration order, used by the differentially private avatarization at no
    /// privacy cost instead of bounds estimated with part of ε (needed on small tables). Written only with
    /// <see cref="DpEpsilon"/> and when not empty; integral values are written as integers (<c>age: [18, 80]</c>).
    /// </summary>
    public IReadOnlyDictionary<string, DpColumnBounds>? DpBounds { get; init; }

    /// <summary><c>time_series_nf</c> → <c>time_series.&lt;t&gt;.projection.nf</c>.</summary>
    public int? TimeSeriesNf { get; init; }

    /// <summary><c>time_series_projection_type</c> → <c>time_series.&lt;t&gt;.projection.projection_type</c>.</summary>
    public ProjectionType? TimeSeriesProjectionType { get; init; }

    /// <summary><c>time_series_nb_points</c> → <c>time_series.&lt;t&gt;.alignment.nb_points</c>.</summary>
    public int? TimeSeriesNbPoints { get; init; }

    /// <summary><c>time_series_method</c> → <c>time_series.&lt;t&gt;.alignment.method</c>.</summary>
    public AlignmentMethod? TimeSeriesMethod { get; init; }

    /// <summary><c>known_variables</c> → <c>privacy_metrics.&lt;t&gt;.known_variables</c>.</summary>
    public IReadOnlyList<string>? KnownVariables { get; init; }

    /// <summary><c>target</c> → <c>privacy_metrics.&lt;t&gt;.target</c>.</summary>
    public string? Target { get; init; }

    /// <summary><c>closest_rate_percentage_threshold</c> (1.0.8; honoured by the project's engine, sdk.md §18).</summary>
    public double? ClosestRatePercentageThreshold { get; init; }

    /// <summary><c>closest_rate_ratio_threshold</c> (1.0.8; honoured by the project's engine).</summary>
    public double? ClosestRateRatioThreshold { get; init; }

    /// <summary><c>categorical_hidden_rate_variables</c> (1.0.8).</summary>
    public IReadOnlyList<string>? CategoricalHiddenRateVariables { get; init; }

    /// <summary><c>quantile_threshold</c> → <c>privacy_metrics.&lt;t&gt;.quantile_threshold</c> (1.1x).</summary>
    public double? QuantileThreshold { get; init; }

    /// <summary>True when any time-series value is truthy (the table then gets a <c>time_series</c> entry).</summary>
    internal bool HasTimeSeries =>
        TimeSeriesNf is not null and not 0 || TimeSeriesProjectionType is not null
        || TimeSeriesNbPoints is not null and not 0 || TimeSeriesMethod is not null;

    /// <summary>
    /// Checks ranges (fix of sdk.md §17 #26: <c>k=0</c> no longer silently means "not set") and the k/dp_epsilon conflict.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <see cref="K"/> is below 1, <see cref="DpEpsilon"/> is not positive, or a <see cref="DpBounds"/> entry is not finite
    /// with lower &lt; upper.
    /// </exception>
    /// <exception cref="ArgumentException">Both <see cref="K"/> and <see cref="DpEpsilon"/> are set (the vendor's message).</exception>
    public void Validate()
    {
        if (K is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(K), K, "k must be at least 1.");
        }

        if (DpEpsilon is { } epsilon && !(epsilon > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(DpEpsilon), DpEpsilon, "dp_epsilon must be positive.");
        }

        if (DpBounds?.FirstOrDefault(b => !(double.IsFinite(b.Value.Lower) && double.IsFinite(b.Value.Upper) && b.Value.Lower < b.Value.Upper)) is { Key: not null } bad)
        {
            throw new ArgumentOutOfRangeException(
                nameof(DpBounds), bad.Value, $"dp_bounds of '{bad.Key}' must be two finite numbers with lower < upper.");
        }

        if (K is not null && DpEpsilon is not null)
        {
            throw new ArgumentException(KAndDpEpsilonMessage);
        }
    }
}
