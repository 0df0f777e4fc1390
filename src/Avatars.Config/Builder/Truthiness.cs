namespace Avatars.Config.Builder;

/// <summary>
/// Python truthiness of the metrics entries: avatar_yaml creates an entry only when one of its values is truthy
/// (<c>0</c>, <c>0.0</c>, <c>False</c>, <c>""</c> and empty lists are "not set", sdk.md §4.5).
/// </summary>
internal static class Truthiness
{
    /// <summary>True when a value of the privacy entry is truthy.</summary>
    public static bool Any(PrivacyMetricsParameters p) =>
        Common(p)
        || p.KnownVariables is { Count: > 0 }
        || !string.IsNullOrEmpty(p.Target)
        || p.ClosestRatePercentageThreshold is { Value: not 0.0 }
        || p.ClosestRateRatioThreshold is { Value: not 0.0 }
        || p.CategoricalHiddenRateVariables is { Count: > 0 }
        || p.QuantileThreshold is { Value: not 0.0 };

    /// <summary>True when a value of the signal entry is truthy.</summary>
    public static bool Any(SignalMetricsParameters p) => Common(p);

    /// <summary>True when the loaded entry holds any value at all (an empty mapping <c>{}</c> holds none).</summary>
    public static bool AnyValue(PrivacyMetricsParameters p) =>
        AnyCommonValue(p) || p.KnownVariables is not null || p.Target is not null || p.ClosestRatePercentageThreshold is not null
        || p.ClosestRateRatioThreshold is not null || p.CategoricalHiddenRateVariables is not null || p.QuantileThreshold is not null;

    /// <summary>True when the loaded entry holds any value at all.</summary>
    public static bool AnyValue(SignalMetricsParameters p) => AnyCommonValue(p);

    private static bool Common(TableParametersBase p) =>
        p.Ncp is not null and not 0
        || p.UseCategoricalReduction == true
        || p.ColumnWeights is { Count: > 0 }
        || p.ExcludeVariables is not null
        || p.Imputation is not null;

    private static bool AnyCommonValue(TableParametersBase p) =>
        p.Ncp is not null || p.UseCategoricalReduction is not null || p.ColumnWeights is not null
        || p.ExcludeVariables is not null || p.Imputation is not null;
}
