using System.Text.Json;
using System.Text.Json.Nodes;

namespace Avatars.Engine.Metrics.Privacy;

/// <summary>
/// All the privacy metrics of one table (<see cref="PrivacyEvaluator.EvaluateAll"/>). A metric is null when it was
/// not computed: paired metrics without pairing, parameterised metrics without their parameters.
/// </summary>
public sealed record PrivacyMetricsReport
{
    /// <summary>The evaluated table's name (<c>metadata.table_name</c>).</summary>
    public required string TableName { get; init; }

    /// <summary>Whether row i of the avatars was the avatar of original i.</summary>
    public required bool Paired { get; init; }

    /// <summary>The number of projected dimensions the distances were measured in.</summary>
    public required int Ncp { get; init; }

    /// <summary>Hidden rate (paired).</summary>
    public HiddenRateResult? HiddenRate { get; init; }

    /// <summary>Local cloaking (paired).</summary>
    public LocalCloakingResult? LocalCloaking { get; init; }

    /// <summary>DCR and NNDR of the avatars against the originals.</summary>
    public required ClosestDistancesResult ClosestDistances { get; init; }

    /// <summary>Closest rate (project design).</summary>
    public required ClosestRateResult ClosestRate { get; init; }

    /// <summary>Row direct match protection.</summary>
    public required RowDirectMatchResult RowDirectMatch { get; init; }

    /// <summary>Column direct match protection (paired; project design).</summary>
    public ColumnDirectMatchResult? ColumnDirectMatch { get; init; }

    /// <summary>Categorical hidden rate (paired, needs <c>categorical_hidden_rate_variables</c>; project design).</summary>
    public HiddenRateResult? CategoricalHiddenRate { get; init; }

    /// <summary>Correlation protection rate (paired, needs <c>known_variables</c>).</summary>
    public CorrelationProtectionResult? CorrelationProtection { get; init; }

    /// <summary>Inference attack (paired, needs <c>known_variables</c> and <c>target</c>).</summary>
    public InferenceResult? Inference { get; init; }

    /// <summary>The vendor's <c>&lt;table&gt;.privacy.json</c> object (<see cref="PrivacyMetricsJson"/>).</summary>
    public JsonObject ToJsonObject() => PrivacyMetricsJson.ToJsonObject(this);

    /// <summary>The vendor's <c>&lt;table&gt;.privacy.json</c> text, indented.</summary>
    public string ToJson() => ToJsonObject().ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
