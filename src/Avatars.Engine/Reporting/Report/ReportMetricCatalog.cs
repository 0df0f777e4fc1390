namespace Avatars.Engine.Reporting.Report;

/// <summary>How a metric value is compared with its target threshold.</summary>
public enum TargetComparison
{
    /// <summary>The metric has no target (informative).</summary>
    None,

    /// <summary>The target is met when the value is strictly greater than the threshold.</summary>
    GreaterThan,

    /// <summary>The target is met when the value is strictly less than the threshold.</summary>
    LessThan,
}

/// <summary>Standard wording, unit and target of one metric (method.md §6 and §7).</summary>
/// <param name="Key">Stable key, e.g. "hidden_rate".</param>
/// <param name="Group">Metric group (<see cref="ReportMetricGroups"/>).</param>
/// <param name="DisplayName">Human-readable name.</param>
/// <param name="Unit">"%" or "".</param>
/// <param name="Comparison">How the value is compared with <paramref name="Threshold"/>.</param>
/// <param name="Threshold">Target threshold, in the metric's unit.</param>
/// <param name="Design">"vendor parity" or "project design".</param>
/// <param name="Explanation">Plain-language explanation.</param>
public sealed record ReportMetricDefinition(
    string Key,
    string Group,
    string DisplayName,
    string Unit,
    TargetComparison Comparison,
    double Threshold,
    string Design,
    string Explanation)
{
    /// <summary>Target as text, e.g. "&gt; 90 %"; empty when there is no target.</summary>
    public string Target => Comparison switch
    {
        TargetComparison.None => "",
        _ => (Comparison == TargetComparison.GreaterThan ? "> " : "< ")
            + Threshold.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)
            + (string.IsNullOrEmpty(Unit) ? "" : " " + Unit),
    };

    /// <summary>Whether <paramref name="value"/> meets the target; <c>null</c> without target or finite value.</summary>
    /// <param name="value">Metric value.</param>
    /// <returns>The verdict.</returns>
    public bool? Evaluate(double? value) => value is not { } v || !double.IsFinite(v) ? null : Comparison switch
    {
        TargetComparison.GreaterThan => v > Threshold,
        TargetComparison.LessThan => v < Threshold,
        _ => null,
    };

    /// <summary>Builds the report metric for a measured value.</summary>
    /// <param name="value">Metric value, or <c>null</c> when not computed.</param>
    /// <returns>The metric with its target verdict.</returns>
    public ReportMetric ToMetric(double? value) => new()
    {
        Group = Group,
        Key = Key,
        DisplayName = DisplayName,
        Value = value,
        Unit = Unit,
        Target = Target,
        Passed = Evaluate(value),
        Design = Design,
        Explanation = Explanation,
    };
}

/// <summary>
/// The standard privacy and signal metrics of the report with their names, units, targets (vendor report
/// targets, method.md §6–§7) and plain-language explanations, so that the integrator only supplies values.
/// </summary>
public static class ReportMetricCatalog
{
    private const string Vendor = "vendor parity";
    private const string Project = "project design";

    /// <summary>All standard metrics in report order: 11 privacy metrics, then 3 signal metrics.</summary>
    public static IReadOnlyList<ReportMetricDefinition> All { get; } =
    [
        new("hidden_rate", ReportMetricGroups.Privacy, "Hidden rate", "%", TargetComparison.GreaterThan, 90, Vendor,
            "Probability that an attacker who links each individual to the most similar avatar picks the wrong one. " +
            "Higher is better. A value below 90 % does not mean that 10 % of individuals are unprotected, and a value " +
            "above 90 % does not mean that nobody can be re-identified."),
        new("local_cloaking", ReportMetricGroups.Privacy, "Local cloaking", "", TargetComparison.GreaterThan, 5, Vendor,
            "Median number of avatars that resemble an individual more than its own avatar does. The larger, the " +
            "better the individual is hidden in a crowd of look-alikes."),
        new("distance_to_closest", ReportMetricGroups.Privacy, "Distance to closest (DCR)", "", TargetComparison.None, 0, Vendor,
            "Median distance from each avatar to the closest original individual in the factorial space. Informative: " +
            "small values flag avatars that sit very close to a real record."),
        new("closest_distances_ratio", ReportMetricGroups.Privacy, "Closest distances ratio (NNDR)", "", TargetComparison.GreaterThan, 0.3, Vendor,
            "Median ratio between the distances from an avatar to its closest and to its second-closest original " +
            "individual. Close to 1 means the avatar is not specifically close to one person; close to 0 means it " +
            "points at one person."),
        new("closest_rate", ReportMetricGroups.Privacy, "Closest rate", "%", TargetComparison.GreaterThan, 90, Project,
            "Share of avatars that are not both unusually close to one original individual and isolated from the " +
            "others (low distance to closest and low closest distances ratio)."),
        new("row_direct_match_protection", ReportMetricGroups.Privacy, "Row direct match protection", "%", TargetComparison.GreaterThan, 90, Vendor,
            "Share of original individuals that do not appear verbatim, on all variables, among the avatars. " +
            "Duplicated original rows are often reproduced exactly and lower this value."),
        new("column_direct_match_protection", ReportMetricGroups.Privacy, "Column direct match protection", "%", TargetComparison.GreaterThan, 50, Project,
            "For each variable, how much more often than chance an avatar keeps its own individual's value; the " +
            "report shows the weakest variable. 0 means a variable still works as a direct identifier."),
        new("categorical_hidden_rate", ReportMetricGroups.Privacy, "Categorical hidden rate", "%", TargetComparison.None, 0, Project,
            "Hidden rate when the attacker already knows the individual's values on selected categorical variables " +
            "and only compares the avatars that share them."),
        new("correlation_protection_rate", ReportMetricGroups.Privacy, "Correlation protection rate", "%", TargetComparison.None, 0, Vendor,
            "Share of individuals that cannot be re-identified by an attacker who knows a combination of their " +
            "variables that is unique in the original data."),
        new("inference_continuous", ReportMetricGroups.Privacy, "Inference (continuous target)", "%", TargetComparison.None, 0, Project,
            "Prediction error (SMAPE) of an attacker who guesses a sensitive numeric variable from known variables " +
            "using the closest avatar. Higher means the guess is worse, that is, better protection."),
        new("inference_categorical", ReportMetricGroups.Privacy, "Inference (categorical target)", "%", TargetComparison.None, 0, Project,
            "Share of wrong guesses of a sensitive categorical variable made by an attacker who uses the closest " +
            "avatar. Higher means better protection."),
        new("hellinger_mean", ReportMetricGroups.Signal, "Hellinger distance (mean)", "", TargetComparison.LessThan, 0.1, Project,
            "Average over variables of the Hellinger distance between the original and the avatar distribution of " +
            "each variable: 0 means identical, 1 means disjoint. Continuous variables are cut into 20 bins, so " +
            "compare with vendor figures only qualitatively."),
        new("hellinger_std", ReportMetricGroups.Signal, "Hellinger distance (standard deviation)", "", TargetComparison.None, 0, Project,
            "Spread of the per-variable Hellinger distances; a large value points to a few badly preserved variables " +
            "(see the per-variable table)."),
        new("correlation_difference_ratio", ReportMetricGroups.Signal, "Correlation difference ratio", "%", TargetComparison.LessThan, 10, Project,
            "Average absolute change of the Pearson correlations between pairs of continuous variables, in percent. " +
            "Low values mean the relations between variables are preserved."),
    ];

    /// <summary>Looks a standard metric up by key.</summary>
    /// <param name="key">Metric key.</param>
    /// <param name="definition">The definition when found.</param>
    /// <returns><c>true</c> when the key is a standard metric.</returns>
    public static bool TryGet(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ReportMetricDefinition? definition)
    {
        definition = All.FirstOrDefault(d => d.Key == key);
        return definition is not null;
    }

    /// <summary>Builds the report metric of a standard key for a measured value.</summary>
    /// <param name="key">Metric key, e.g. "hidden_rate".</param>
    /// <param name="value">Value, or <c>null</c> when not computed.</param>
    /// <returns>The metric with its target verdict.</returns>
    /// <exception cref="ArgumentException">The key is not a standard metric.</exception>
    public static ReportMetric Create(string key, double? value) =>
        TryGet(key, out var d) ? d.ToMetric(value) : throw new ArgumentException("Unknown report metric key: " + key, nameof(key));
}
