using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Avatars.Data;
using Avatars.Engine.Metrics.Signal;

namespace Avatars.Engine.TimeSeries;

/// <summary>
/// Time-series signal metrics of long tables (<c>TimeSeriesSignalMetricsPerDataset</c>): the original series are
/// aligned with the table's settings, the avatar series are aligned on the same grid size (and the same variables),
/// and <see cref="TimeSeriesSignalMetrics.Compute"/> compares the two sets of curves.
/// </summary>
public static class TimeSeriesEvaluation
{
    // Relaxed escaping writes "<= 0.2" as is (like the vendor's Python json) instead of "\u003C= 0.2".
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The target notation written for <c>pointwise_hellinger_mean</c> (the project's acceptance target, <see cref="TimeSeriesSignalMetrics.PointwiseTarget"/>).</summary>
    public static string PointwiseTargetNotation { get; } = string.Create(CultureInfo.InvariantCulture, $"<= {TimeSeriesSignalMetrics.PointwiseTarget}");

    /// <summary>Compares original and avatar series tables.</summary>
    /// <param name="originalSeries">The original long table.</param>
    /// <param name="avatarSeries">The avatar long table (e.g. from <see cref="TimeSeriesEncoding.Decode"/>), same id, time and value column names.</param>
    /// <param name="idColumn">The id column of both tables.</param>
    /// <param name="timeColumn">The time column of both tables.</param>
    /// <param name="excludedColumns">Columns that are not series values (e.g. the primary key).</param>
    /// <param name="settings">The alignment settings (the grid of the originals is used for both tables; projection settings are ignored).</param>
    /// <param name="bins">Equal-width bins of the Hellinger histograms.</param>
    /// <exception cref="TimeSeriesException">A table cannot be aligned (unknown or non-numeric column, missing values…).</exception>
    public static TimeSeriesSignalResult Evaluate(
        Table originalSeries,
        Table avatarSeries,
        string idColumn,
        string timeColumn,
        IReadOnlyList<string> excludedColumns,
        TimeSeriesSettings settings,
        int bins = HellingerDistance.DefaultBins)
    {
        ArgumentNullException.ThrowIfNull(originalSeries);
        ArgumentNullException.ThrowIfNull(avatarSeries);
        ArgumentNullException.ThrowIfNull(excludedColumns);
        ArgumentNullException.ThrowIfNull(settings);
        var original = SeriesAlignment.Align(originalSeries, idColumn, timeColumn, null, settings.Method, settings.NbPoints, excludedColumns.ToArray());
        var avatars = SeriesAlignment.Align(
            avatarSeries, idColumn, timeColumn, original.Curves.VariableNames, AlignmentMethod.Specified, original.Curves.GridSize, excludedColumns.ToArray());
        return TimeSeriesSignalMetrics.Compute(original.Curves, avatars.Curves, bins);
    }

    /// <summary>
    /// The metrics as one JSON object: <c>pointwise_hellinger_mean</c>, <c>pointwise_hellinger_std</c>,
    /// <c>density_hellinger_mean</c>, <c>density_hellinger_std</c>, <c>targets</c> {<c>pointwise_hellinger_mean</c>:
    /// <see cref="PointwiseTargetNotation"/>} and <c>metadata</c> {<c>table_name</c>, <c>computation_type</c>:
    /// <c>standalone</c>, <c>reference</c>: null}. Undefined values (NaN, e.g. a standard deviation over one variable)
    /// are written as null.
    /// </summary>
    /// <param name="result">The metrics.</param>
    /// <param name="tableName">The time-series table's name.</param>
    public static JsonObject ToJsonObject(TimeSeriesSignalResult result, string tableName)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(tableName);
        return new JsonObject
        {
            ["pointwise_hellinger_mean"] = Number(result.PointwiseHellingerMean),
            ["pointwise_hellinger_std"] = Number(result.PointwiseHellingerStd),
            ["density_hellinger_mean"] = Number(result.DensityHellingerMean),
            ["density_hellinger_std"] = Number(result.DensityHellingerStd),
            ["targets"] = new JsonObject { ["pointwise_hellinger_mean"] = PointwiseTargetNotation },
            ["metadata"] = new JsonObject
            {
                ["table_name"] = tableName,
                ["computation_type"] = "standalone",
                ["reference"] = null,
            },
        };
    }

    /// <summary>The JSON text of <see cref="ToJsonObject"/>.</summary>
    /// <param name="result">The metrics.</param>
    /// <param name="tableName">The time-series table's name.</param>
    /// <param name="indented">Pretty-prints when true.</param>
    public static string ToJson(TimeSeriesSignalResult result, string tableName, bool indented = true) =>
        ToJsonObject(result, tableName).ToJsonString(indented ? Indented : Compact);

    private static JsonNode? Number(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;
}
