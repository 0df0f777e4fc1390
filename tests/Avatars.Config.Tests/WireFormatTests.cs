using Avatars.Data;

namespace Avatars.Config.Tests;

public sealed class WireFormatTests
{
    [Fact]
    public void Enumeration_wire_values()
    {
        Assert.Equal(["int", "bool", "category", "float", "datetime", "datetime_tz"], WireValues.All<ColumnType>());
        Assert.Equal(
            ["linear_sum_assignment", "minimum_distance_assignment", "sensitive_original_order_assignment", "time_series"],
            WireValues.All<LinkMethod>());
        Assert.Equal(["knn", "mode", "median", "mean", "fast_knn"], WireValues.All<ImputeMethod>());
        Assert.Equal(["fpca", "flatten"], WireValues.All<ProjectionType>());
        Assert.Equal(["row_order", "coordinate_similarity"], WireValues.All<ExcludeVariablesMethod>());
        Assert.Equal(["specified", "max", "min", "mean"], WireValues.All<AlignmentMethod>());
        Assert.Equal(["variables", "parameters", "tables_links"], WireValues.All<AdviceType>());
        Assert.Equal(["basic", "pia"], WireValues.All<ReportType>());
        Assert.Equal(["pdf", "docx", "html"], WireValues.All<OutputFormat>());
        Assert.Equal(
            [
                "AvatarVolume", "AvatarSchema", "AvatarParameters", "AvatarPrivacyMetricsParameters",
                "AvatarSignalMetricsParameters", "AvatarReportParameters", "AvatarAdviceParameters", "AvatarMetadata",
            ],
            WireValues.All<ModelKind>());
    }

    [Fact]
    public void Wire_values_round_trip_and_are_case_sensitive()
    {
        foreach (var m in Enum.GetValues<ImputeMethod>())
        {
            Assert.True(WireValues.TryParse<ImputeMethod>(WireValues.ToWire(m), out var back));
            Assert.Equal(m, back);
        }

        Assert.False(WireValues.TryParse<ImputeMethod>("KNN", out _));
        Assert.Equal(ColumnType.Float, WireValues.TryParse<ColumnType>("float", out var f) ? f : ColumnType.Int);
        Assert.Equal(
            "Expected one of ['row_order', 'coordinate_similarity'], got X as ExcludeVariablesMethod parameter",
            WireValues.InvalidValueMessage<ExcludeVariablesMethod>("X"));
    }

    [Theory]
    [InlineData(3.0, "3.0")]
    [InlineData(0.5, "0.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(-2.25, "-2.25")]
    [InlineData(1e-5, "1.0e-05")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(1.5e-7, "1.5e-07")]
    [InlineData(1e16, "1.0e+16")]
    [InlineData(123456789012345.0, "123456789012345.0")]
    [InlineData(0.0, "0.0")]
    [InlineData(double.PositiveInfinity, ".inf")]
    [InlineData(double.NegativeInfinity, "-.inf")]
    [InlineData(double.NaN, ".nan")]
    public void Floats_are_written_like_python_repr_through_pyyaml(double value, string expected) =>
        Assert.Equal(expected, PythonFloat.Format(value));

    [Theory]
    [InlineData("iris", "iris")]
    [InlineData("sepal.length", "sepal.length")]
    [InlineData("s3://bucket/a", "s3://bucket/a")]
    [InlineData("", "''")]
    [InlineData("{root:uri}/../", "'{root:uri}/../'")]
    [InlineData("true", "'true'")]
    [InlineData("yes", "'yes'")]
    [InlineData("y", "y")]
    [InlineData("null", "'null'")]
    [InlineData("5", "'5'")]
    [InlineData("3.0", "'3.0'")]
    [InlineData("2024-01-02", "'2024-01-02'")]
    [InlineData("a: b", "'a: b'")]
    [InlineData("- x", "'- x'")]
    [InlineData("it's", "it's")]
    [InlineData("'q'", "'''q'''")]
    [InlineData("café", "\"caf\\xE9\"")]
    [InlineData("日本", "\"\\u65E5\\u672C\"")]
    [InlineData(" lead", "' lead'")]
    public void Strings_are_quoted_like_pyyaml(string value, string expected) =>
        Assert.Equal(expected, YamlText.QuoteIfNeeded(value));

    [Fact]
    public void Quoted_strings_round_trip_through_the_parser()
    {
        var set = new ResourceSet();
        set.Documents.Add(new AvatarVolume { Name = "true", Url = "{root:uri}/../" });
        set.Documents.Add(new AvatarMetadata { Name = "m", DisplayName = "café 5", Annotations = new() { ["client_version"] = "1.0" } });
        var text = ResourceSetYaml.Serialize(set);
        Assert.Equal(
            "kind: AvatarVolume\nmetadata:\n  name: 'true'\nspec:\n  url: '{root:uri}/../'\n\n---\nkind: AvatarMetadata\nmetadata:\n  name: m\nspec:\n  display_name: \"caf\\xE9 5\"\nannotations:\n  client_version: '1.0'\n",
            text);
        var back = ResourceSetYaml.Parse(text);
        Assert.Equal("true", back.Documents[0].Name);
        Assert.Equal("{root:uri}/../", ((AvatarVolume)back.Documents[0]).Url);
        Assert.Equal("café 5", ((AvatarMetadata)back.Documents[1]).DisplayName);
        Assert.Equal(text, ResourceSetYaml.Serialize(back));
    }

    [Fact]
    public void Every_field_round_trips()
    {
        const string yaml = """
            kind: AvatarParameters
            metadata:
              name: standard
            spec:
              schema: schema
              avatarization:
                a:
                  k: 3
                  ncp: 2
                  use_categorical_reduction: false
                  column_weights:
                    x: 1
                    y: 0.25
                  exclude_variables:
                    variable_names: null
                    replacement_strategy: row_order
                  imputation:
                    method: fast_knn
                    k: 4
                    training_fraction: 0.8
                  data_augmentation:
                    augmentation_strategy:
                      m: 0.5
                    target_column: y
                    should_anonymize_original_table: null
              avatarization_dp:
                b:
                  epsilon: 1.5
                  preprocess_budget_ratio: 0.3
                  data_augmentation:
                    augmentation_strategy: 0.4
                    target_column: null
                    should_anonymize_original_table: false
              avatarization_ref: standard
              time_series:
                c:
                  alignment:
                    nb_points: 7
                    method: specified
              time_series_ref: standard
              privacy_metrics:
                a:
                  known_variables:
                  - x
                  closest_rate_percentage_threshold: 0.3
                  closest_rate_ratio_threshold: 0.1
                  categorical_hidden_rate_variables:
                  - y
                  imputation:
                    method: null
                    k: null
                    training_fraction: null
                  exclude_variables:
                    variable_names:
                    - x
                    replacement_strategy: null
                  column_weights:
                    x: 2.0
              signal_metrics:
                a:
                  imputation:
                    method: knn
                    k: 2
                    training_fraction: 1
                  column_weights:
                    x: 2.0
                  exclude_variables:
                    variable_names: []
                    replacement_strategy: coordinate_similarity
              results:
                volume: results
                path: standard
                format: csv
                name_template: '{table}.csv'
                max_distribution_plots: 5
              seed: 7

            ---
            kind: AvatarAdviceParameters
            metadata:
              name: advice_parameters
            spec:
              schema: schema
              advice:
                advisor_type:
                - variables
                - parameters
                - tables_links
              results:
                volume: results
                path: advice

            """;
        var text = yaml.Replace("\r\n", "\n", StringComparison.Ordinal);
        var set = ResourceSetYaml.Parse(text);
        Assert.Equal(text, ResourceSetYaml.Serialize(set));
        var a = set.OfType<AvatarParameters>().Single().Spec.Avatarization!["a"];
        Assert.Equal(new ConfigNumber(0.5, false), a.DataAugmentation!.StrategyRatios!["m"]);
        Assert.Equal(ImputeMethod.FastKnn, a.Imputation!.Method);
        Assert.Equal([AdviceType.Variables, AdviceType.Parameters, AdviceType.TablesLinks], set.OfType<AvatarAdviceParameters>().Single().AdvisorType);
    }
}
