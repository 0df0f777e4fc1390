using Avatars.Config;
using Microsoft.Extensions.Logging;

namespace Avatars.Client.Tests.Runner;

public sealed class FromYamlTests
{
    public static TheoryData<string, string> Goldens => new()
    {
        { "single-table-1.0.8.yaml", "iris_k5" },
        { "multi-table-1.0.8.yaml", "tutorial_multitable" },
        { "single-table-dotnet.yaml", "iris_k5" },
        { "web-export-1.14.yaml", "iris" },
        { "time-series.yaml", "ts" },
    };

    [Fact]
    public void Python_1_0_8_single_table_loads_into_the_dotnet_golden_file()
    {
        var config = RunnerFixtures.New("iris_k5");
        config.FromYaml(RunnerFixtures.ReadGolden("single-table-1.0.8.yaml"));
        Assert.Equal(RunnerFixtures.ReadGolden("single-table-dotnet.yaml"), config.GetYaml());
    }

    [Fact]
    public void Python_1_0_8_multi_table_loads_verbatim_including_the_integer_epsilon()
    {
        var config = RunnerFixtures.New("tutorial_multitable");
        config.FromYaml(RunnerFixtures.ReadGolden("multi-table-1.0.8.yaml"));
        Assert.Equal(RunnerFixtures.DotnetFormOf(RunnerFixtures.ReadGolden("multi-table-1.0.8.yaml"), "tutorial_multitable"), config.GetYaml());
    }

    [Fact]
    public void Dotnet_output_loads_into_itself()
    {
        var config = RunnerFixtures.New("iris_k5");
        config.FromYaml(RunnerFixtures.ReadGolden("single-table-dotnet.yaml"));
        Assert.Equal(RunnerFixtures.ReadGolden("single-table-dotnet.yaml"), config.GetYaml());
    }

    [Fact]
    public void Web_export_1_14_keeps_every_1_1x_value_and_only_changes_volume_and_client_annotations()
    {
        var text = RunnerFixtures.ReadGolden("web-export-1.14.yaml");
        var config = RunnerFixtures.New("iris");
        config.FromYaml(text);
        var expected = text
            .Replace("  client_type: python\n  client_version: 1.14.0\n", "  client_type: dotnet\n  client_version: 1.0.0\n", StringComparison.Ordinal)
            .Replace("volume: output\n", "volume: results\n", StringComparison.Ordinal);
        Assert.Equal(expected, config.GetYaml());
    }

    [Theory]
    [MemberData(nameof(Goldens))]
    public void Every_document_of_a_golden_file_is_reproduced_modulo_volumes_and_metadata(string resource, string displayName)
    {
        var input = ResourceSetYaml.Parse(RunnerFixtures.ReadGolden(resource));
        var config = RunnerFixtures.New(displayName);
        config.FromYaml(RunnerFixtures.ReadGolden(resource));
        var output = ResourceSetYaml.Parse(config.GetYaml());
        foreach (var document in input.Documents.Where(d => d.Kind is not (ModelKind.AvatarVolume or ModelKind.AvatarMetadata)))
        {
            NormalizeResultsVolume(document);
            if (document is AvatarReportParameters report)
            {
                report.OutputFormat ??= OutputFormat.Pdf;
            }

            var produced = Assert.Single(output.Documents, d => d.Kind == document.Kind && d.Name == document.Name);
            if (document is ParametersDocument p && p.Spec.Seed is null && ((ParametersDocument)produced).Spec.Seed is not null)
            {
                p.Spec.Seed = ((ParametersDocument)produced).Spec.Seed; // a seed read from another document applies to all
            }

            Assert.Equal(ResourceSetYaml.Serialize(document), ResourceSetYaml.Serialize(produced));
        }

        Assert.Empty(output.OfType<AvatarVolume>());
        Assert.Equal(displayName, output.OfType<AvatarMetadata>().Single().DisplayName);
    }

    [Theory]
    [MemberData(nameof(Goldens))]
    public void Get_yaml_after_from_yaml_is_stable(string resource, string displayName)
    {
        var first = RunnerFixtures.New(displayName);
        first.FromYaml(RunnerFixtures.ReadGolden(resource));
        var yaml = first.GetYaml();
        var second = RunnerFixtures.New(displayName);
        second.FromYaml(yaml);
        Assert.Equal(yaml, second.GetYaml());
    }

    [Fact]
    public void Time_series_yaml_gets_the_metrics_and_report_documents_of_the_dotnet_mode_with_the_loaded_seed()
    {
        var config = RunnerFixtures.New("ts");
        config.FromYaml(RunnerFixtures.ReadGolden("time-series.yaml"));
        var set = config.Config.Build();
        Assert.Equal(
            [
                ModelKind.AvatarMetadata, ModelKind.AvatarSchema, ModelKind.AvatarSchema, ModelKind.AvatarParameters,
                ModelKind.AvatarPrivacyMetricsParameters, ModelKind.AvatarSignalMetricsParameters, ModelKind.AvatarReportParameters,
            ],
            set.Documents.Select(d => d.Kind));
        Assert.Equal(42, config.Seed);
        Assert.All(set.OfType<ParametersDocument>(), d => Assert.Equal(42, d.Spec.Seed));
        var link = Assert.Single(config.Config.GetTable("vanilla")!.Links!);
        Assert.Equal(LinkMethod.TimeSeries, link.Method);
    }

    [Fact]
    public void The_runner_seed_wins_over_the_yaml_seed()
    {
        var config = RunnerFixtures.New("ts", seed: 7);
        config.FromYaml(RunnerFixtures.ReadGolden("time-series.yaml"));
        Assert.Equal(7, config.Seed);
    }

    [Fact]
    public void Loaded_parameters_can_be_updated()
    {
        var config = RunnerFixtures.New("tutorial_multitable");
        config.FromYaml(RunnerFixtures.ReadGolden("multi-table-1.0.8.yaml"));
        config.UpdateParameters("patient", p => p with { KnownVariables = ["gender"] });
        Assert.Equal(["gender"], config.Config.GetPrivacyMetrics("patient")!.KnownVariables!);
        Assert.Equal(5, config.Config.GetAvatarization("patient")!.K);
        Assert.Equal(3.0, config.ExtractCurrentParameters("doctor").DpEpsilon);
    }

    [Fact]
    public void All_links_are_kept_in_order_with_their_method()
    {
        var config = RunnerFixtures.New("links");
        config.FromYaml("""
            kind: AvatarSchema
            metadata:
              name: schema
            spec:
              tables:
              - name: parent
                data:
                  volume: input
                  file: parent.csv
                columns:
                - field: id
                  type: int
                  primary_key: true
                links:
                - field: id
                  to:
                    table: child
                    field: a
                  method: minimum_distance_assignment
                - field: id
                  to:
                    table: child
                    field: b
                  method: sensitive_original_order_assignment
              - name: child
                data:
                  volume: input
                  file: child.csv
                columns:
                - field: a
                  type: int
                  identifier: true
                - field: b
                  type: int
                  identifier: true
                - field: note
            """);
        var links = config.Config.GetTable("parent")!.Links!;
        Assert.Equal(["a", "b"], links.Select(l => l.ToField));
        Assert.Equal([LinkMethod.MinimumDistanceAssignment, LinkMethod.SensitiveOriginalOrderAssignment], links.Select(l => l.Method));
        // An untyped non-key column is skipped (Python raised KeyError).
        Assert.Equal(["a", "b"], config.Config.GetTable("child")!.Columns!.Select(c => c.Field));
    }

    [Fact]
    public void Files_on_other_volumes_move_to_input_with_a_warning_and_avatar_files_are_read_from_file()
    {
        var logger = new CapturingLogger();
        var config = RunnerFixtures.New("vol", logger: logger);
        config.FromYaml("""
            kind: AvatarVolume
            metadata:
              name: my-volume
            spec:
              url: s3://bucket/path
            ---
            kind: AvatarSchema
            metadata:
              name: schema
            spec:
              tables:
              - name: iris
                data:
                  volume: my-volume
                  file: iris.csv
            ---
            kind: AvatarSchema
            metadata:
              name: schema_avatarized
            spec:
              tables:
              - name: iris
                avatars_data:
                  volume: my-volume
                  file: iris_avatars.csv
              schema_ref: schema
            ---
            kind: AvatarSomethingNew
            metadata:
              name: future
            spec: {}
            """);
        Assert.Equal("input", config.Config.GetTable("iris")!.Data!.Volume);
        Assert.Equal("iris_avatars.csv", config.Config.GetAvatarData("iris")!.File);
        Assert.Equal("input", config.Config.GetAvatarData("iris")!.Volume);
        Assert.Equal(
            [
                "Error downloading file iris.csv",
                "File is not available in the server, upload it with runner.UploadFileAsync(\"iris\", TableSource.FromFile(\"iris.csv\"))",
                "Error downloading file iris_avatars.csv",
                "File is not available in the server, upload it with runner.UploadFileAsync(\"iris\", <data>, TableSource.FromFile(\"iris_avatars.csv\"))",
            ],
            logger.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message));
        Assert.Single(logger.Entries, e => e.Level == LogLevel.Debug); // the unknown kind
        Assert.DoesNotContain("my-volume", config.GetYaml(), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_kinds_and_keys_are_ignored_and_logged_at_debug()
    {
        var logger = new CapturingLogger();
        var config = RunnerFixtures.New("iris_k5", logger: logger);
        var text = RunnerFixtures.ReadGolden("single-table-1.0.8.yaml")
            .Replace("      target: variety\n", "      target: variety\n      future_option: 3\n", StringComparison.Ordinal)
            + "\n---\nkind: AvatarFuture\nmetadata:\n  name: f\nspec: {}\n";
        config.FromYaml(text);
        Assert.Equal(RunnerFixtures.ReadGolden("single-table-dotnet.yaml"), config.GetYaml());
        Assert.True(config.HasTable("iris"));
        Assert.Equal(2, logger.Entries.Count(e => e.Level == LogLevel.Debug));
        Assert.Contains(logger.Entries, e => e.Message.Contains("spec.privacy_metrics.iris.future_option", StringComparison.Ordinal));
        Assert.Contains(logger.Entries, e => e.Message.Contains("AvatarFuture", StringComparison.Ordinal));
    }

    [Fact]
    public void Empty_metrics_entries_are_accepted_and_not_re_emitted()
    {
        var text = RunnerFixtures.ReadGolden("multi-table-1.0.8.yaml")
            .Replace("    doctor:\n      use_categorical_reduction: true\n  results:\n    volume: user-volume-0b7d6c7e-2f3a-4c61-9a0e-5d7c1f2b8e11\n    path: privacy_metrics",
                "    doctor:\n      use_categorical_reduction: true\n    visit: {}\n  results:\n    volume: user-volume-0b7d6c7e-2f3a-4c61-9a0e-5d7c1f2b8e11\n    path: privacy_metrics", StringComparison.Ordinal);
        Assert.Contains("visit: {}", text, StringComparison.Ordinal);
        var config = RunnerFixtures.New("tutorial_multitable");
        config.FromYaml(text);
        Assert.Null(config.Config.GetPrivacyMetrics("visit"));
        Assert.DoesNotContain("visit: {}", config.GetYaml(), StringComparison.Ordinal);
    }

    [Fact]
    public void Legacy_projection_type_key_is_read()
    {
        var text = RunnerFixtures.ReadGolden("time-series.yaml").Replace("projection_type: flatten", "type: flatten", StringComparison.Ordinal);
        var config = RunnerFixtures.New("ts");
        config.FromYaml(text);
        Assert.Equal(ProjectionType.Flatten, config.Config.GetTimeSeries("sensor1")!.Projection!.ProjectionType);
    }

    [Fact]
    public void Invalid_enum_value_is_an_argument_exception_with_the_avatar_yaml_message()
    {
        var text = RunnerFixtures.ReadGolden("single-table-1.0.8.yaml").Replace("method: mean", "method: average", StringComparison.Ordinal);
        var config = RunnerFixtures.New("iris_k5");
        var ex = Assert.Throws<ArgumentException>(() => config.FromYaml(text));
        Assert.Equal("Expected one of ['knn', 'mode', 'median', 'mean', 'fast_knn'], got average as ImputeMethod parameter", ex.Message);
    }

    [Fact]
    public void Malformed_yaml_is_a_config_validation_exception()
    {
        var config = RunnerFixtures.New("bad");
        Assert.Throws<ConfigValidationException>(() => config.FromYaml("kind: [unclosed"));
    }

    [Fact]
    public void Parameters_for_a_table_missing_from_the_schema_are_the_vendor_error()
    {
        var config = RunnerFixtures.New("bad");
        var ex = Assert.Throws<ArgumentException>(() => config.FromYaml("""
            kind: AvatarParameters
            metadata:
              name: standard
            spec:
              schema: schema
              avatarization:
                ghost:
                  k: 5
            """));
        Assert.Equal("Expected table `ghost` to be created before setting parameters", ex.Message);
    }

    [Fact]
    public async Task From_yaml_file_reads_the_file_and_a_missing_file_is_file_not_found()
    {
        var path = Path.Combine(Path.GetTempPath(), $"avatars-from-yaml-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, RunnerFixtures.ReadGolden("single-table-1.0.8.yaml"), TestContext.Current.CancellationToken);
        try
        {
            var config = RunnerFixtures.New("iris_k5");
            await config.FromYamlFileAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(RunnerFixtures.ReadGolden("single-table-dotnet.yaml"), config.GetYaml());
        }
        finally
        {
            File.Delete(path);
        }

        await Assert.ThrowsAsync<FileNotFoundException>(() => RunnerFixtures.New("x").FromYamlFileAsync(path, TestContext.Current.CancellationToken));
    }

    private static void NormalizeResultsVolume(ResourceDocument document)
    {
        var results = document switch
        {
            ParametersDocument p => p.Spec.Results,
            AvatarReportParameters r => r.Results,
            AvatarAdviceParameters a => a.Results,
            _ => null,
        };
        if (results is not null)
        {
            results.Volume = "results";
        }
    }
}
