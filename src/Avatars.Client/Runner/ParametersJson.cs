using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Avatars.Config;

namespace Avatars.Client;

/// <summary>
/// Parameter entries as indented JSON for <see cref="RunnerConfiguration.PrintParameters"/>: every 1.0.8 field with its
/// avatar_yaml name (nulls included, as the vendor's dataclass dict), 1.1x fields and the project extension <c>bounds</c> only when set.
/// </summary>
internal static class ParametersJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Of(AvatarizationParameters? p) => Write(p is null ? null : Common(new JsonObject
    {
        ["k"] = p.K,
    }, p).AddIfSet("data_augmentation", p.DataAugmentation is null ? null : Augmentation(p.DataAugmentation)));

    public static string Of(AvatarizationDpParameters? p) => Write(p is null ? null : Common(new JsonObject
    {
        ["epsilon"] = Number(p.Epsilon),
        ["preprocess_budget_ratio"] = Number(p.PreprocessBudgetRatio),
    }, p).AddIfSet("data_augmentation", p.DataAugmentation is null ? null : Augmentation(p.DataAugmentation))
        .AddIfSet("bounds", p.Bounds is null ? null : new JsonObject(p.Bounds.Select(b =>
            KeyValuePair.Create(b.Key, (JsonNode?)new JsonArray(Number(b.Value.Lower), Number(b.Value.Upper)))))));

    public static string Of(TimeSeriesParameters? p) => Write(p is null ? null : new JsonObject
    {
        ["projection"] = p.Projection is { } pr
            ? new JsonObject { ["projection_type"] = Wire(pr.ProjectionType), ["nf"] = pr.Nf }
            : null,
        ["alignment"] = p.Alignment is { } a
            ? new JsonObject { ["nb_points"] = a.NbPoints, ["method"] = Wire(a.Method) }
            : null,
    });

    public static string Of(PrivacyMetricsParameters? p) => Write(p is null ? null : new JsonObject
    {
        ["ncp"] = p.Ncp,
        ["use_categorical_reduction"] = p.UseCategoricalReduction,
        ["known_variables"] = Strings(p.KnownVariables),
        ["target"] = p.Target,
        ["closest_rate_percentage_threshold"] = Number(p.ClosestRatePercentageThreshold),
        ["closest_rate_ratio_threshold"] = Number(p.ClosestRateRatioThreshold),
        ["categorical_hidden_rate_variables"] = Strings(p.CategoricalHiddenRateVariables),
        ["imputation"] = Imputation(p.Imputation),
    }.AddIfSet("quantile_threshold", Number(p.QuantileThreshold)));

    public static string Of(SignalMetricsParameters? p) => Write(p is null ? null : new JsonObject
    {
        ["ncp"] = p.Ncp,
        ["use_categorical_reduction"] = p.UseCategoricalReduction,
        ["imputation"] = Imputation(p.Imputation),
    });

    private static JsonObject Common(JsonObject o, TableParametersBase p)
    {
        o["ncp"] = p.Ncp;
        o["use_categorical_reduction"] = p.UseCategoricalReduction;
        if (p.ColumnWeights is { } weights)
        {
            var w = new JsonObject();
            foreach (var (column, weight) in weights)
            {
                w[column] = Number(weight);
            }

            o["column_weights"] = w;
        }
        else
        {
            o["column_weights"] = null;
        }

        o["exclude_variables"] = p.ExcludeVariables is { } e
            ? new JsonObject { ["variable_names"] = Strings(e.VariableNames), ["replacement_strategy"] = Wire(e.ReplacementStrategy) }
            : null;
        o["imputation"] = Imputation(p.Imputation);
        return o;
    }

    private static JsonObject AddIfSet(this JsonObject o, string key, JsonNode? value)
    {
        if (value is not null)
        {
            o[key] = value;
        }

        return o;
    }

    private static JsonObject? Imputation(Imputation? i)
    {
        if (i is null)
        {
            return null;
        }

        var o = new JsonObject { ["method"] = Wire(i.Method), ["k"] = i.K, ["training_fraction"] = Number(i.TrainingFraction) };
        return i.ReturnDataImputed is { } r ? o.AddIfSet("return_data_imputed", r) : o;
    }

    private static JsonObject Augmentation(DataAugmentation d)
    {
        JsonNode? strategy = d.StrategyRatios is { } ratios
            ? new JsonObject(ratios.Select(r => KeyValuePair.Create(r.Key, Number(r.Value))))
            : d.StrategyRatio is { } ratio ? Number(ratio) : d.Strategy;
        return new JsonObject
        {
            ["augmentation_strategy"] = strategy,
            ["target_column"] = d.TargetColumn,
            ["should_anonymize_original_table"] = d.ShouldAnonymizeOriginalTable,
        };
    }

    private static JsonNode? Number(ConfigNumber? n) =>
        n is not { } v ? null : v.IsInteger ? JsonValue.Create((long)v.Value) : JsonValue.Create(v.Value);

    private static JsonArray? Strings(List<string>? values) =>
        values is null ? null : new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    private static string? Wire<T>(T? value)
        where T : struct, Enum => value is { } v ? WireValues.ToWire(v) : null;

    private static string Write(JsonObject? o) => (o ?? []).ToJsonString(Options);
}
