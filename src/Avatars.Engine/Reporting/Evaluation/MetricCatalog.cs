namespace Avatars.Engine.Reporting.Evaluation;

/// <summary>
/// The privacy and signal metrics in the order of the vendor's report, with targets and
/// plain-language explanations (method.md §6–7).
/// </summary>
public static class MetricCatalog
{
    private const string Privacy = "Privacy";
    private const string Signal = "Signal";
    private const string Vendor = "vendor parity";
    private const string Project = "project design";

    /// <summary>Every metric, privacy first.</summary>
    public static IReadOnlyList<MetricDescription> All { get; } =
    [
        new("hidden_rate", Privacy, "Hidden rate", "%", "> 90",
            "Probability that an attacker who holds the original and the avatars, and links each person to the avatar most similar to them, is wrong. "
            + "A value of 92 % does not mean that 8 % of people are exposed: it is how often this worst-case linkage attack succeeds.", Vendor),
        new("local_cloaking", Privacy, "Local cloaking (median)", "", "> 5",
            "Median number of avatars that resemble an individual at least as much as its own avatar: the crowd each person hides in.", Vendor),
        new("distance_to_closest", Privacy, "Distance to closest (median)", "", null,
            "Median distance from each avatar to the closest original individual in the projected space. 0 means that avatars copy some individuals "
            + "exactly, which happens for individuals that have exact duplicates in the data.", Vendor),
        new("closest_distances_ratio", Privacy, "Closest distances ratio (median)", "", "> 0.3",
            "Median ratio between the distances from an avatar to its closest and its second-closest original. Near 1, an avatar is not tied to one "
            + "individual more than to others; near 0, it sits next to a single person.", Vendor),
        new("closest_rate", Privacy, "Closest rate", "%", "> 90",
            "Share of avatars that are not both very close to one original (below the distance at which originals themselves are close) and "
            + "isolated from the others (closest distances ratio below the threshold).", Project),
        new("row_direct_match_protection", Privacy, "Row direct match protection", "%", "> 90",
            "Share of original individuals that do not appear verbatim among the avatars. Individuals that are duplicated in the original data "
            + "are expected to appear: they are indistinguishable from each other.", Vendor),
        new("column_direct_match_protection", Privacy, "Column direct match protection", "%", "> 50",
            "Lowest, over the columns, protection against one column acting as a direct identifier: exact avatar–individual matches beyond what "
            + "chance gives for that column. 0 signals a surviving identifier.", Project),
        new("categorical_hidden_rate", Privacy, "Categorical hidden rate", "%", null,
            "Hidden rate when the attacker also knows some categorical variables of the individual exactly and only considers avatars that share them.", Project),
        new("correlation_protection_rate", Privacy, "Correlation protection rate", "%", null,
            "Share of individuals who are not re-identified through a unique combination of the variables an attacker is assumed to know.", Vendor),
        new("inference_continuous", Privacy, "Inference error (continuous target)", "%", null,
            "Error (SMAPE) of an attacker who predicts a sensitive numeric variable of an individual from the variables they know, using the avatars. "
            + "Higher is safer.", Project),
        new("inference_categorical", Privacy, "Inference error (categorical target)", "%", null,
            "Share of wrong guesses of a sensitive categorical variable by an attacker who uses the avatars and known variables. Higher is safer.", Project),
        new("hellinger_mean", Signal, "Hellinger distance (mean)", "", "< 0.1",
            "Mean over the variables of the Hellinger distance between the original and the avatar distribution of each variable: 0 identical, 1 disjoint. "
            + "Numbers are compared on 20 equal-width bins, missing values as their own bin.", Project),
        new("hellinger_std", Signal, "Hellinger distance (standard deviation)", "", null,
            "How much the Hellinger distance varies between variables: a large value points at a few poorly kept variables (see the per-variable table).", Project),
        new("correlation_difference_ratio", Signal, "Correlation difference", "%", "< 10",
            "Mean absolute change, in percentage points, of the Pearson correlations between numeric variables from the original to the avatars.", Project),
    ];

    /// <summary>The description of a key, or null.</summary>
    public static MetricDescription? Find(string key) => All.FirstOrDefault(m => m.Key == key);

    /// <summary>The threat model and limits, in plain language, for reports.</summary>
    public const string ThreatModel =
        "The privacy metrics assume the worst case: an attacker who holds both the original table and the avatars and links each individual "
        + "to the synthetic record most similar to them. Individuals far from all others (outliers) are the most exposed. The metrics measure "
        + "singling out (hidden rate, local cloaking, distances to closest), linkability (direct matches) and inference (attribute inference). "
        + "They are evidence, not guarantees: published research shows reconstruction and membership attacks that succeed against small k "
        + "while the hidden rate still looks safe. Choose k with the data's sensitivity in mind and share only the shuffled avatars.";
}
