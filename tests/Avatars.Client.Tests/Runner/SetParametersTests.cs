using Avatars.Config;

namespace Avatars.Client.Tests.Runner;

public sealed class SetParametersTests
{
    [Fact]
    public void Calls_of_section_9_6_give_the_dotnet_golden_file_byte_for_byte()
    {
        var config = RunnerFixtures.Iris();
        config.SetParameters("iris", RunnerFixtures.IrisParameters());
        Assert.Equal(RunnerFixtures.ReadGolden("single-table-dotnet.yaml"), config.GetYaml());
    }

    [Fact]
    public void Calls_of_section_9_7_give_the_python_documents_in_the_dotnet_form()
    {
        // The only value difference: a double epsilon is written 3.0 (Python wrote the int 3).
        var expected = RunnerFixtures.DotnetFormOf(RunnerFixtures.ReadGolden("multi-table-1.0.8.yaml"), "tutorial_multitable", "3.0");
        Assert.Equal(expected, RunnerFixtures.PatientDoctorVisit().GetYaml());
    }

    [Fact]
    public void With_k_only_the_table_gets_an_avatarization_entry_and_no_metrics_entries()
    {
        var config = RunnerFixtures.Iris();
        config.SetParameters("iris", new TableParameters { K = 5 });
        var set = config.Config.Build();
        Assert.Equal(5, set.OfType<AvatarParameters>().Single().Spec.Avatarization!["iris"].K);
        Assert.Null(set.OfType<AvatarPrivacyMetricsParameters>().Single().Spec.PrivacyMetrics);
        Assert.Null(set.OfType<AvatarSignalMetricsParameters>().Single().Spec.SignalMetrics);
        Assert.Equal("standard", set.OfType<AvatarSignalMetricsParameters>().Single().Spec.AvatarizationRef);
    }

    [Fact]
    public void Without_k_there_is_no_standard_document_and_metrics_have_no_avatarization_ref()
    {
        var config = RunnerFixtures.Iris();
        config.SetParameters("iris", new TableParameters { Ncp = 3 });
        var set = config.Config.Build();
        Assert.Empty(set.OfType<AvatarParameters>());
        var privacy = set.OfType<AvatarPrivacyMetricsParameters>().Single();
        Assert.Null(privacy.Spec.AvatarizationRef);
        Assert.Equal(3, privacy.Spec.PrivacyMetrics!["iris"].Ncp);
        Assert.Equal(3, set.OfType<AvatarSignalMetricsParameters>().Single().Spec.SignalMetrics!["iris"].Ncp);
        Assert.Contains("kind: AvatarReportParameters", config.GetYaml(), StringComparison.Ordinal);
    }

    [Fact]
    public void Dp_epsilon_gives_an_avatarization_dp_entry()
    {
        var config = RunnerFixtures.Iris();
        config.SetParameters("iris", new TableParameters { DpEpsilon = 1.5, DpPreprocessBudgetRatio = 0.25, Ncp = 2 });
        var standard = config.Config.Build().OfType<AvatarParameters>().Single().Spec;
        Assert.Null(standard.Avatarization);
        var dp = standard.AvatarizationDp!["iris"];
        Assert.Equal(1.5, dp.Epsilon!.Value.Value);
        Assert.Equal(0.25, dp.PreprocessBudgetRatio!.Value.Value);
        Assert.Equal(2, dp.Ncp);
    }

    [Fact]
    public void K_and_dp_epsilon_together_is_the_vendor_error()
    {
        var config = RunnerFixtures.Iris();
        var ex = Assert.Throws<ArgumentException>(() => config.SetParameters("iris", new TableParameters { K = 5, DpEpsilon = 3 }));
        Assert.Equal(
            "Expected either k or dp_epsilon to be set, not both. If you want to use differential privacy, set dp_epsilon and remove k.",
            ex.Message);
    }

    [Fact]
    public void Out_of_range_k_and_epsilon_are_rejected_instead_of_meaning_not_set()
    {
        var config = RunnerFixtures.Iris();
        Assert.Throws<ArgumentOutOfRangeException>(() => config.SetParameters("iris", new TableParameters { K = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => config.SetParameters("iris", new TableParameters { DpEpsilon = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => config.SetParameters("iris", new TableParameters { DpEpsilon = -1 }));
    }

    [Fact]
    public void Unknown_table_is_the_vendor_error()
    {
        var config = RunnerFixtures.Iris();
        var ex = Assert.Throws<ArgumentException>(() => config.SetParameters("nope", new TableParameters { K = 5 }));
        Assert.Equal("Expected table `nope` to be created before setting parameters", ex.Message);
    }

    [Fact]
    public void Set_parameters_replaces_everything_and_moves_the_entry_last()
    {
        var config = RunnerFixtures.PatientDoctorVisit();
        config.SetParameters("patient", new TableParameters { K = 7 });
        var set = config.Config.Build();
        Assert.Equal(["visit", "patient"], set.OfType<AvatarParameters>().Single().Spec.Avatarization!.Keys);
        Assert.Equal(["doctor"], set.OfType<AvatarPrivacyMetricsParameters>().Single().Spec.PrivacyMetrics!.Keys);
    }

    [Fact]
    public void Exclude_names_without_strategy_default_to_row_order_and_empty_names_write_nothing()
    {
        var config = RunnerFixtures.Iris();
        config.SetParameters("iris", new TableParameters { K = 5, ExcludeVariableNames = ["variety"] });
        Assert.Equal(ExcludeVariablesMethod.RowOrder, config.Config.GetAvatarization("iris")!.ExcludeVariables!.ReplacementStrategy);
        config.SetParameters("iris", new TableParameters { K = 5, ExcludeVariableNames = [], ExcludeReplacementStrategy = ExcludeVariablesMethod.CoordinateSimilarity });
        Assert.Null(config.Config.GetAvatarization("iris")!.ExcludeVariables);
    }

    [Fact]
    public void Imputation_is_written_only_when_a_value_is_truthy_with_nulls_for_the_others()
    {
        var config = RunnerFixtures.Iris();
        config.SetParameters("iris", new TableParameters { K = 5, ImputationK = 0, ImputationTrainingFraction = 0.0 });
        Assert.Null(config.Config.GetAvatarization("iris")!.Imputation);
        Assert.Null(config.Config.GetPrivacyMetrics("iris"));

        config.SetParameters("iris", new TableParameters { K = 5, ImputationTrainingFraction = 0.5 });
        Assert.Contains("      imputation:\n        method: null\n        k: null\n        training_fraction: 0.5\n", config.GetYaml(), StringComparison.Ordinal);
    }

    [Fact]
    public void Time_series_values_give_projection_and_alignment_sub_objects()
    {
        var config = RunnerFixtures.Iris();
        config.SetParameters("iris", new TableParameters { TimeSeriesProjectionType = ProjectionType.Flatten, TimeSeriesNf = 10 });
        var ts = config.Config.GetTimeSeries("iris")!;
        Assert.Equal(ProjectionType.Flatten, ts.Projection!.ProjectionType);
        Assert.Equal(10, ts.Projection.Nf);
        Assert.Null(ts.Alignment);
        Assert.Contains("  time_series:\n    iris:\n      projection:\n        projection_type: flatten\n        nf: 10\n", config.GetYaml(), StringComparison.Ordinal);

        config.SetParameters("iris", new TableParameters { TimeSeriesNbPoints = 20 });
        ts = config.Config.GetTimeSeries("iris")!;
        Assert.Null(ts.Projection);
        Assert.Equal(20, ts.Alignment!.NbPoints);
        Assert.Null(ts.Alignment.Method);
    }

    [Fact]
    public void Privacy_only_values_go_to_the_privacy_entry_only()
    {
        var config = RunnerFixtures.Iris();
        config.SetParameters("iris", new TableParameters
        {
            ClosestRatePercentageThreshold = 0.3, ClosestRateRatioThreshold = 0.5, CategoricalHiddenRateVariables = ["variety"], QuantileThreshold = 0.05,
        });
        var privacy = config.Config.GetPrivacyMetrics("iris")!;
        Assert.Equal(0.3, privacy.ClosestRatePercentageThreshold!.Value.Value);
        Assert.Equal(0.5, privacy.ClosestRateRatioThreshold!.Value.Value);
        Assert.Equal(["variety"], privacy.CategoricalHiddenRateVariables!);
        Assert.Equal(0.05, privacy.QuantileThreshold!.Value.Value);
        Assert.Null(config.Config.GetSignalMetrics("iris"));
    }

    [Fact]
    public void Seed_is_written_in_the_three_parameters_documents_when_truthy()
    {
        var config = RunnerFixtures.New("iris_k5", seed: 42);
        config.AddTable("iris", "iris.csv", types: RunnerFixtures.IrisTypes());
        config.SetParameters("iris", RunnerFixtures.IrisParameters());
        Assert.Equal(3, config.GetYaml().Split("\n  seed: 42\n").Length - 1);
        config.Seed = 0;
        Assert.DoesNotContain("seed:", config.GetYaml(), StringComparison.Ordinal);
    }

    [Fact]
    public void Get_yaml_writes_the_file_when_a_path_is_given()
    {
        var config = RunnerFixtures.Iris();
        var path = Path.Combine(Path.GetTempPath(), $"avatars-runner-{Guid.NewGuid():N}.yaml");
        try
        {
            var yaml = config.GetYaml(path);
            Assert.Equal(yaml, File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Advice_yaml_adds_the_advice_parameters_document_after_the_schemas()
    {
        var config = RunnerFixtures.Iris();
        config.SetParameters("iris", new TableParameters { K = 5 });
        var set = ResourceSetYaml.Parse(config.GetAdviceYaml());
        Assert.Equal(ModelKind.AvatarAdviceParameters, set.Documents[3].Kind);
        var advice = (AvatarAdviceParameters)set.Documents[3];
        Assert.Equal("advice_parameters", advice.Name);
        Assert.Equal([AdviceType.Parameters], advice.AdvisorType);
        Assert.Equal("advice", advice.Results!.Path);
        Assert.DoesNotContain("AvatarAdviceParameters", config.GetYaml(), StringComparison.Ordinal);
    }
}
