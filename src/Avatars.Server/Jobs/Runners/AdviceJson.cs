using System.Text;
using System.Text.Json;
using Avatars.Engine.Advice;
using Avatars.Engine.Preprocessing;

namespace Avatars.Server.Jobs.Runners;

/// <summary>
/// <c>advice.json</c> (api.md §19.1): a JSON array with one <c>{"table_name", "advice": {"k", "ncp",
/// "use_categorical_reduction", "imputation", "summary"}}</c> per table; <c>imputation</c> has the YAML's fields
/// (<c>method</c>, <c>k</c>, <c>training_fraction</c>) so the SDK can apply it as it is.
/// </summary>
internal static class AdviceJson
{
    /// <summary>The file's text for the advice of every table, in schema order (table names unescaped).</summary>
    public static string Write(IEnumerable<ParameterAdvice> advices)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            foreach (var advice in advices)
            {
                writer.WriteStartObject();
                writer.WriteString("table_name", advice.TableName);
                writer.WriteStartObject("advice");
                writer.WriteNumber("k", advice.K);
                writer.WriteNumber("ncp", advice.Ncp);
                writer.WriteBoolean("use_categorical_reduction", advice.UseCategoricalReduction);
                writer.WriteStartObject("imputation");
                writer.WriteString("method", MethodWire(advice.Imputation.Method));
                writer.WriteNumber("k", advice.Imputation.K);
                writer.WriteNumber("training_fraction", advice.Imputation.TrainingFraction);
                writer.WriteEndObject();
                writer.WriteString("summary", advice.Summary);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The YAML wire value of an imputation method (<c>fast_knn</c>, <c>knn</c>, …).</summary>
    private static string MethodWire(ImputationMethod method) => method switch
    {
        ImputationMethod.FastKnn => "fast_knn",
        ImputationMethod.Knn => "knn",
        ImputationMethod.Mean => "mean",
        ImputationMethod.Median => "median",
        ImputationMethod.Mode => "mode",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown imputation method."),
    };
}
