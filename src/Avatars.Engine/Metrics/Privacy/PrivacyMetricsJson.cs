using System.Text.Json.Nodes;

namespace Avatars.Engine.Metrics.Privacy;

/// <summary>
/// The JSON shape of the vendor's <c>&lt;table&gt;.privacy.json</c> (sdk.md §8.7): one object whose snake_case keys
/// hold the metric values (null when not computed), a <c>targets</c> object with the report targets (method.md §6),
/// <c>metadata</c> = <c>{table_name, computation_type: "standalone", reference: null}</c>, and — an extension of this
/// project — a <c>details</c> object (local cloaking records median and empty rate, DCR/NNDR quantiles, per-column
/// matches, …). Non-finite numbers are written as null.
/// </summary>
public static class PrivacyMetricsJson
{
    /// <summary>The report targets per metric key (metrics without a target are absent).</summary>
    public static IReadOnlyDictionary<string, string> Targets { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["hidden_rate"] = "> 90",
        ["local_cloaking"] = "> 5",
        ["closest_distances_ratio"] = "> 0.3",
        ["closest_rate"] = "> 90",
        ["column_direct_match_protection"] = "> 50",
        ["row_direct_match_protection"] = "> 90",
    };

    /// <summary>Builds the JSON object of a report.</summary>
    /// <param name="report">The computed metrics.</param>
    public static JsonObject ToJsonObject(PrivacyMetricsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var inference = report.Inference;
        var json = new JsonObject
        {
            ["hidden_rate"] = Number(report.HiddenRate?.Value),
            ["local_cloaking"] = Number(report.LocalCloaking?.Median),
            ["distance_to_closest"] = Number(report.ClosestDistances.DcrSummary.Median),
            ["closest_distances_ratio"] = Number(report.ClosestDistances.NndrSummary.Median),
            ["column_direct_match_protection"] = Number(report.ColumnDirectMatch?.Value),
            ["categorical_hidden_rate"] = Number(report.CategoricalHiddenRate?.Value),
            ["row_direct_match_protection"] = Number(report.RowDirectMatch.Value),
            ["correlation_protection_rate"] = Number(report.CorrelationProtection?.Value),
            ["inference_continuous"] = Number(inference is { IsContinuous: true } ? inference.Value : null),
            ["inference_categorical"] = Number(inference is { IsContinuous: false } ? inference.Value : null),
            ["closest_rate"] = Number(report.ClosestRate.Value),
        };

        var targets = new JsonObject();
        foreach (var (key, target) in Targets)
        {
            targets[key] = target;
        }

        json["targets"] = targets;
        json["metadata"] = new JsonObject
        {
            ["table_name"] = report.TableName,
            ["computation_type"] = "standalone",
            ["reference"] = null,
        };
        json["details"] = Details(report);
        return json;
    }

    private static JsonObject Details(PrivacyMetricsReport report)
    {
        var details = new JsonObject
        {
            ["paired"] = report.Paired,
            ["ncp"] = report.Ncp,
            ["distance_to_closest"] = Summary(report.ClosestDistances.DcrSummary),
            ["closest_distances_ratio"] = Summary(report.ClosestDistances.NndrSummary),
            ["closest_rate"] = new JsonObject
            {
                ["risk_distance"] = Number(report.ClosestRate.RiskDistance),
                ["at_risk_count"] = report.ClosestRate.AtRiskCount,
                ["reference"] = "project design, not vendor parity",
            },
            ["row_direct_match_protection"] = new JsonObject { ["matched_count"] = report.RowDirectMatch.MatchedCount },
        };
        if (report.HiddenRate is { } hidden)
        {
            details["hidden_rate"] = new JsonObject { ["hit_count"] = hidden.HitCount };
        }

        if (report.LocalCloaking is { } cloaking)
        {
            details["local_cloaking"] = new JsonObject { ["records_median"] = Number(cloaking.RecordsMedian), ["empty_rate"] = Number(cloaking.EmptyRate) };
        }

        if (report.ColumnDirectMatch is { } columns)
        {
            var perColumn = new JsonObject();
            foreach (var (name, match) in columns.Columns)
            {
                perColumn[name] = new JsonObject
                {
                    ["match_rate"] = Number(match.MatchRate),
                    ["chance_rate"] = Number(match.ChanceRate),
                    ["protection"] = Number(match.Protection),
                };
            }

            details["column_direct_match_protection"] = new JsonObject { ["columns"] = perColumn, ["reference"] = "project design, not vendor parity" };
        }

        if (report.CategoricalHiddenRate is { } categorical)
        {
            details["categorical_hidden_rate"] = new JsonObject { ["hit_count"] = categorical.HitCount, ["reference"] = "project design, not vendor parity" };
        }

        if (report.CorrelationProtection is { } correlation)
        {
            details["correlation_protection_rate"] = new JsonObject { ["unique_count"] = correlation.UniqueCount, ["single_match_count"] = correlation.SingleMatchCount };
        }

        if (report.Inference is { } inference)
        {
            details[inference.IsContinuous ? "inference_continuous" : "inference_categorical"] = new JsonObject
            {
                ["target"] = inference.Target,
                ["accuracy"] = Number(inference.Accuracy),
                ["mean_squared_error"] = Number(inference.MeanSquaredError),
                ["r_squared"] = Number(inference.RSquared),
                ["ncp"] = inference.Ncp,
                ["reference"] = "project design, not vendor parity",
            };
        }

        return details;
    }

    private static JsonObject Summary(DistributionSummary summary) => new()
    {
        ["median"] = Number(summary.Median),
        ["q05"] = Number(summary.Q05),
        ["q95"] = Number(summary.Q95),
    };

    private static JsonNode? Number(double? value) => value is { } v && double.IsFinite(v) ? JsonValue.Create(v) : null;
}
