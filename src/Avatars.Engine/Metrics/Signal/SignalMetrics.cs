using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Avatars.Data;

namespace Avatars.Engine.Metrics.Signal;

/// <summary>
/// The signal (utility) metrics of one table, serialisable as the vendor's <c>&lt;table&gt;.signal.json</c>
/// (sdk.md §8.7) with an extra <c>details</c> section.
/// </summary>
/// <param name="TableName">The original table's name (<c>metadata.table_name</c>).</param>
/// <param name="Hellinger">Per-variable Hellinger distances, their mean and (sample) standard deviation.</param>
/// <param name="CorrelationDifference">The correlation difference ratio of the continuous variables and its pairs.</param>
/// <param name="Bins">The equal-width bins used for continuous variables.</param>
/// <param name="WorstPairCount">How many worst correlation pairs <see cref="ToJson"/> lists.</param>
public sealed record SignalMetrics(
    string TableName,
    HellingerResult Hellinger,
    CorrelationDifferenceResult CorrelationDifference,
    int Bins = HellingerDistance.DefaultBins,
    int WorstPairCount = 10)
{
    /// <summary>The target notation of the vendor's JSON for <c>hellinger_mean</c>.</summary>
    public const string HellingerTarget = "< 0.1";

    /// <summary>The target notation of the vendor's JSON for <c>correlation_difference_ratio</c> (percent).</summary>
    public const string CorrelationDifferenceTarget = "< 10";

    // Relaxed escaping writes the targets as "< 0.1" (like the vendor's Python json) instead of "\u003C 0.1".
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>hellinger_mean: the mean Hellinger distance over variables.</summary>
    public double HellingerMean => Hellinger.Mean;

    /// <summary>hellinger_std: the sample standard deviation (n − 1) of the Hellinger distances over variables.</summary>
    public double HellingerStd => Hellinger.Std;

    /// <summary>correlation_difference_ratio, in percent (NaN with fewer than one comparable pair).</summary>
    public double CorrelationDifferenceRatio => CorrelationDifference.Ratio;

    /// <summary>True when the mean Hellinger distance is below its target (0.1).</summary>
    public bool MeetsHellingerTarget => HellingerMean < HellingerDistance.Target;

    /// <summary>True when the correlation difference ratio is below its target (10 %), or when there is no pair to compare.</summary>
    public bool MeetsCorrelationDifferenceTarget => double.IsNaN(CorrelationDifferenceRatio) || CorrelationDifferenceRatio < Signal.CorrelationDifference.Target;

    /// <summary>
    /// The vendor's object — <c>hellinger_mean</c>, <c>hellinger_std</c>, <c>correlation_difference_ratio</c>,
    /// <c>targets</c>, <c>metadata</c> {<c>table_name</c>, <c>computation_type</c>: <c>standalone</c>, <c>reference</c>: null}
    /// — followed by <c>details</c> (per-variable Hellinger distances, worst variable, worst correlation pairs, skipped
    /// pairs). Undefined values (NaN) are written as null.
    /// </summary>
    public JsonObject ToJsonObject()
    {
        var variables = new JsonArray();
        foreach (var v in Hellinger.Variables)
        {
            variables.Add(new JsonObject
            {
                ["name"] = v.Name,
                ["type"] = v.Type.ToYamlName(),
                ["distance"] = Number(v.Distance),
                ["bin_count"] = v.BinCount,
                ["original_missing_rate"] = Number(v.OriginalMissingRate),
                ["avatar_missing_rate"] = Number(v.AvatarMissingRate),
            });
        }

        var worstPairs = new JsonArray();
        foreach (var pair in CorrelationDifference.WorstPairs(WorstPairCount))
        {
            worstPairs.Add(PairJson(pair));
        }

        var skipped = new JsonArray();
        foreach (var pair in CorrelationDifference.SkippedPairs)
        {
            var json = PairJson(pair);
            json["reason"] = pair.SkipReason;
            skipped.Add(json);
        }

        return new JsonObject
        {
            ["hellinger_mean"] = Number(HellingerMean),
            ["hellinger_std"] = Number(HellingerStd),
            ["correlation_difference_ratio"] = Number(CorrelationDifferenceRatio),
            ["targets"] = new JsonObject
            {
                ["hellinger_mean"] = HellingerTarget,
                ["correlation_difference_ratio"] = CorrelationDifferenceTarget,
            },
            ["metadata"] = new JsonObject
            {
                ["table_name"] = TableName,
                ["computation_type"] = "standalone",
                ["reference"] = null,
            },
            ["details"] = new JsonObject
            {
                ["hellinger"] = new JsonObject
                {
                    ["bins"] = Bins,
                    ["std_convention"] = "sample",
                    ["worst_variable"] = Hellinger.Worst?.Name,
                    ["variables"] = variables,
                },
                ["correlation_difference"] = new JsonObject
                {
                    ["columns"] = new JsonArray(CorrelationDifference.Columns.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
                    ["pair_count"] = CorrelationDifference.Pairs.Count,
                    ["compared_pair_count"] = CorrelationDifference.ComparedPairCount,
                    ["worst_pairs"] = worstPairs,
                    ["skipped_pairs"] = skipped,
                },
            },
        };
    }

    /// <summary>The JSON text of <see cref="ToJsonObject"/> (UTF-8 friendly: <c>&lt;</c> and non-ASCII names are written as is).</summary>
    /// <param name="indented">Pretty-prints when true.</param>
    public string ToJson(bool indented = true) => ToJsonObject().ToJsonString(indented ? Indented : Compact);

    private static JsonObject PairJson(CorrelationPair pair) => new()
    {
        ["first"] = pair.First,
        ["second"] = pair.Second,
        ["original"] = Number(pair.Original),
        ["avatar"] = Number(pair.Avatar),
        ["absolute_difference"] = Number(pair.AbsoluteDifference),
        ["original_rows"] = pair.OriginalRows,
        ["avatar_rows"] = pair.AvatarRows,
    };

    private static JsonNode? Number(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;
}
