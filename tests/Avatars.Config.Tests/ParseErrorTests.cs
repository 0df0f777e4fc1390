namespace Avatars.Config.Tests;

public sealed class ParseErrorTests
{
    private const string Header = "kind: AvatarParameters\nmetadata:\n  name: standard\nspec:\n  schema: schema\n";

    private static ConfigError SingleError(string yaml)
    {
        var ex = Assert.Throws<ConfigValidationException>(() => ResourceSetYaml.Parse(yaml));
        return Assert.Single(ex.Errors);
    }

    [Fact]
    public void Wrong_integer_gives_the_path_document_and_line()
    {
        var error = SingleError(Header + "  avatarization:\n    iris:\n      k: abc\n");
        Assert.Equal("spec.avatarization.iris.k", error.Path);
        Assert.Equal(0, error.DocumentIndex);
        Assert.Equal(8, error.Line);
        Assert.Equal(
            "AvatarParameters 'standard' (document 1) › spec.avatarization.iris.k: expected an integer, got \"abc\" (line 8, column 10)",
            error.ToString());
    }

    [Fact]
    public void Quoted_number_is_not_an_integer()
    {
        var error = SingleError(Header + "  avatarization:\n    iris:\n      k: '5'\n");
        Assert.Equal("expected an integer, got \"5\"", error.Message);
    }

    [Fact]
    public void Float_for_integer_is_rejected() =>
        Assert.Equal("expected an integer, got \"5.5\"", SingleError(Header + "  avatarization:\n    iris:\n      ncp: 5.5\n").Message);

    [Fact]
    public void Wrong_boolean() =>
        Assert.Equal(
            "spec.avatarization.iris.use_categorical_reduction",
            SingleError(Header + "  avatarization:\n    iris:\n      use_categorical_reduction: maybe\n").Path);

    [Fact]
    public void Wrong_number() =>
        Assert.Equal(
            "expected a number, got \"three\"",
            SingleError(Header + "  avatarization_dp:\n    iris:\n      epsilon: three\n").Message);

    [Fact]
    public void Unknown_field_is_reported_with_the_known_fields()
    {
        var error = SingleError(Header + "  avatarization:\n    iris:\n      kk: 5\n");
        Assert.Equal("spec.avatarization.iris.kk", error.Path);
        Assert.StartsWith("unknown field; expected one of k, ncp,", error.Message, StringComparison.Ordinal);
        Assert.Equal(8, error.Line);
    }

    [Fact]
    public void Unknown_kind()
    {
        var error = SingleError("kind: AvatarNope\nmetadata:\n  name: x\nspec: {}\n");
        Assert.Equal("kind", error.Path);
        Assert.StartsWith("unknown kind \"AvatarNope\"", error.Message, StringComparison.Ordinal);
        Assert.Equal("document 1 › kind: " + error.Message + " (line 1, column 7)", error.ToString());
    }

    [Fact]
    public void Missing_kind_and_missing_required_fields()
    {
        Assert.Equal("kind", SingleError("metadata:\n  name: x\n").Path);
        var volume = Assert.Throws<ConfigValidationException>(() => ResourceSetYaml.Parse("kind: AvatarVolume\nmetadata:\n  name: v\nspec:\n  other: 1\n"));
        Assert.Equal(["spec.other", "spec.url"], volume.Errors.Select(e => e.Path));
        var ex = Assert.Throws<ConfigValidationException>(() => ResourceSetYaml.Parse("kind: AvatarVolume\nmetadata: {}\n"));
        Assert.Equal(["metadata.name", "spec"], ex.Errors.Select(e => e.Path));
        Assert.All(ex.Errors, e => Assert.Equal("required field is missing", e.Message));
    }

    [Fact]
    public void Invalid_enumeration_uses_the_avatar_yaml_message()
    {
        var error = SingleError(Header + "  avatarization:\n    iris:\n      imputation:\n        method: magic\n");
        Assert.Equal("spec.avatarization.iris.imputation.method", error.Path);
        Assert.Equal("Expected one of ['knn', 'mode', 'median', 'mean', 'fast_knn'], got magic as ImputeMethod parameter", error.Message);
    }

    [Theory]
    [InlineData("  avatarization:\n    t:\n      exclude_variables:\n        variable_names: [a]\n        replacement_strategy: nope\n", "spec.avatarization.t.exclude_variables.replacement_strategy", "ExcludeVariablesMethod")]
    [InlineData("  time_series:\n    t:\n      projection:\n        projection_type: pca\n", "spec.time_series.t.projection.projection_type", "ProjectionType")]
    [InlineData("  time_series:\n    t:\n      alignment:\n        method: median\n", "spec.time_series.t.alignment.method", "AlignmentMethod")]
    public void Invalid_parameter_enumerations(string body, string path, string enumName)
    {
        var error = SingleError(Header + body);
        Assert.Equal(path, error.Path);
        Assert.EndsWith($"as {enumName} parameter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_schema_enumerations_use_the_table_name_in_the_path()
    {
        const string yaml = """
            kind: AvatarSchema
            metadata:
              name: schema
            spec:
              tables:
              - name: iris
                columns:
                - field: a
                  type: string
                links:
                - field: a
                  to:
                    table: b
                    field: c
                  method: closest
            """;
        var ex = Assert.Throws<ConfigValidationException>(() => ResourceSetYaml.Parse(yaml));
        Assert.Equal(["spec.tables[iris].columns[0].type", "spec.tables[iris].links[0].method"], ex.Errors.Select(e => e.Path));
        Assert.Equal("AvatarSchema", ex.Errors[0].Kind);
        Assert.Equal("schema", ex.Errors[0].Name);
        Assert.Equal(9, ex.Errors[0].Line);
    }

    [Fact]
    public void Report_and_advice_enumerations()
    {
        Assert.Equal("spec.report_type", SingleError("kind: AvatarReportParameters\nmetadata:\n  name: report\nspec:\n  report_type: fancy\n").Path);
        Assert.Equal("spec.output_format", SingleError("kind: AvatarReportParameters\nmetadata:\n  name: report\nspec:\n  report_type: basic\n  output_format: odt\n").Path);
        Assert.Equal("spec.advice.advisor_type[1]", SingleError("kind: AvatarAdviceParameters\nmetadata:\n  name: a\nspec:\n  schema: schema\n  advice:\n    advisor_type:\n    - variables\n    - magic\n").Path);
    }

    [Fact]
    public void Wrong_shapes()
    {
        Assert.Equal("expected a sequence, got a mapping", SingleError("kind: AvatarSchema\nmetadata:\n  name: s\nspec:\n  tables:\n    a: 1\n").Message);
        Assert.Equal("expected a mapping, got \"5\"", SingleError(Header + "  avatarization: 5\n").Message);
        Assert.Equal("expected a mapping (a document with kind, metadata and spec), got a sequence", SingleError("- a\n- b\n").Message);
        Assert.Equal("expected a string, got a sequence", SingleError(Header + "  privacy_metrics:\n    t:\n      target: [a]\n").Message);
    }

    [Fact]
    public void Duplicate_key_is_rejected_by_the_yaml_parser_with_its_line()
    {
        var error = SingleError(Header + "  avatarization:\n    t:\n      k: 5\n    t:\n      k: 6\n");
        Assert.Equal("invalid YAML: Duplicate key t", error.Message);
        Assert.Equal(9, error.Line);
    }

    [Fact]
    public void Invalid_yaml_syntax_gives_the_line()
    {
        var error = SingleError("kind: AvatarVolume\nmetadata:\n  name: [unclosed\n");
        Assert.StartsWith("invalid YAML: ", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Line);
        Assert.Equal(-1, error.DocumentIndex);
    }

    [Fact]
    public void Every_error_is_collected_across_documents()
    {
        var yaml = Header + "  avatarization:\n    t:\n      k: x\n      ncp: y\n---\nkind: AvatarVolume\nmetadata:\n  name: v\nspec:\n  url: u\n  extra: 1\n";
        var ex = Assert.Throws<ConfigValidationException>(() => ResourceSetYaml.Parse(yaml));
        Assert.Equal([(0, "spec.avatarization.t.k"), (0, "spec.avatarization.t.ncp"), (1, "spec.extra")], ex.Errors.Select(e => (e.DocumentIndex, e.Path)));
        Assert.Equal(16, ex.Errors[2].Line);
        Assert.StartsWith("Invalid resource set (3 errors):", ex.Message, StringComparison.Ordinal);
    }
}

public sealed class LenientParseTests
{
    [Fact]
    public void Lenient_mode_skips_unknown_kinds_and_fields()
    {
        const string yaml = "kind: AvatarFuture\nmetadata:\n  name: f\nspec: {}\n---\nkind: AvatarVolume\nmetadata:\n  name: v\n  labels: x\nspec:\n  url: u\n  region: eu\n";
        Assert.Throws<ConfigValidationException>(() => ResourceSetYaml.Parse(yaml));
        var set = ResourceSetYaml.Parse(yaml, ResourceSetParseOptions.Lenient);
        var volume = Assert.IsType<AvatarVolume>(Assert.Single(set.Documents));
        Assert.Equal("u", volume.Url);
        Assert.Equal("kind: AvatarVolume\nmetadata:\n  name: v\nspec:\n  url: u\n", ResourceSetYaml.Serialize(set));
    }

    [Fact]
    public void Lenient_mode_still_reports_wrong_types()
    {
        var ex = Assert.Throws<ConfigValidationException>(() => ResourceSetYaml.Parse(
            "kind: AvatarParameters\nmetadata:\n  name: standard\nspec:\n  schema: schema\n  seed: abc\n", ResourceSetParseOptions.Lenient));
        Assert.Equal("spec.seed", Assert.Single(ex.Errors).Path);
    }
}
