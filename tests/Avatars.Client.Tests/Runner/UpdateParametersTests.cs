using Avatars.Config;

namespace Avatars.Client.Tests.Runner;

public sealed class UpdateParametersTests
{
    [Fact]
    public void Basic_overlay_keeps_the_unspecified_values()
    {
        var config = RunnerFixtures.Iris();
        config.SetParameters("iris", RunnerFixtures.IrisParameters());
        config.UpdateParameters("iris", p => p with { K = 10 });
        var a = config.Config.GetAvatarization("iris")!;
        Assert.Equal(10, a.K);
        Assert.Equal(4, a.Ncp);
        Assert.True(a.UseCategoricalReduction);
        Assert.Equal(3.0, a.ColumnWeights!["variety"].Value);
        Assert.Equal(ExcludeVariablesMethod.CoordinateSimilarity, a.ExcludeVariables!.ReplacementStrategy);
        Assert.Equal(ImputeMethod.Mean, a.Imputation!.Method);
        Assert.Equal("variety", config.Config.GetPrivacyMetrics("iris")!.Target);
        Assert.Equal(["sepal.length"], config.Config.GetPrivacyMetrics("iris")!.KnownVariables!);
    }

    [Fact]
    public void Standard_to_dp_carries_ncp_over()
    {
        var config = RunnerFixtures.Iris();
        config.SetParameters("iris", new TableParameters { K = 5, Ncp = 4 });
        config.UpdateParameters("iris", p => p with { K = null, DpEpsilon = 3 });
        Assert.Null(config.Config.GetAvatarization("iris"));
        var dp = config.Config.GetAvatarizationDp("iris")!;
        Assert.Equal(3.0, dp.Epsilon!.Value.Value);
        Assert.Equal(4, dp.Ncp);
    }

    [Fact]
    public void Adding_exclude_names_yields_row_order()
    {
        var config = RunnerFixtures.Iris();
        config.SetParameters("iris", new TableParameters { K = 5 });
        config.UpdateParameters("iris", p => p with { ExcludeVariableNames = ["variety"] });
        var e = config.Config.GetAvatarization("iris")!.ExcludeVariables!;
        Assert.Equal(["variety"], e.VariableNames!);
        Assert.Equal(ExcludeVariablesMethod.RowOrder, e.ReplacementStrategy);
    }

    [Fact]
    public void Imputation_update_yields_knn_and_k()
    {
        var config = RunnerFixtures.Iris();
        config.SetParameters("iris", new TableParameters { K = 5, ImputationMethod = ImputeMethod.Mean });
        config.UpdateParameters("iris", p => p with { ImputationMethod = ImputeMethod.Knn, ImputationK = 5 });
        var i = config.Config.GetAvatarization("iris")!.Imputation!;
        Assert.Equal(ImputeMethod.Knn, i.Method);
        Assert.Equal(5, i.K);
        Assert.Null(i.TrainingFraction);
        Assert.Equal(ImputeMethod.Knn, config.Config.GetSignalMetrics("iris")!.Imputation!.Method);
    }

    [Fact]
    public void Time_series_merge_keeps_the_projection_and_updates_the_alignment()
    {
        var config = RunnerFixtures.Iris();
        config.SetParameters("iris", new TableParameters
        {
            TimeSeriesNf = 10, TimeSeriesProjectionType = ProjectionType.Flatten, TimeSeriesNbPoints = 5, TimeSeriesMethod = AlignmentMethod.Max,
        });
        config.UpdateParameters("iris", p => p with { TimeSeriesMethod = AlignmentMethod.Mean, TimeSeriesNbPoints = 20 });
        var ts = config.Config.GetTimeSeries("iris")!;
        Assert.Equal(10, ts.Projection!.Nf);
        Assert.Equal(ProjectionType.Flatten, ts.Projection.ProjectionType);
        Assert.Equal(20, ts.Alignment!.NbPoints);
        Assert.Equal(AlignmentMethod.Mean, ts.Alignment.Method);
    }

    [Fact]
    public void Privacy_fields_are_updated()
    {
        var config = RunnerFixtures.Iris();
        config.SetParameters("iris", new TableParameters { K = 5, KnownVariables = ["sepal.length"], Target = "variety" });
        config.UpdateParameters("iris", p => p with { KnownVariables = ["petal.width"], Target = null });
        var privacy = config.Config.GetPrivacyMetrics("iris")!;
        Assert.Equal(["petal.width"], privacy.KnownVariables!);
        Assert.Null(privacy.Target);
        Assert.Equal(5, config.Config.GetAvatarization("iris")!.K);
    }

    [Fact]
    public void Ncp_on_a_table_without_parameters_goes_to_both_metrics_entries_only()
    {
        var config = RunnerFixtures.Iris();
        config.UpdateParameters("iris", p => p with { Ncp = 5 });
        Assert.Null(config.Config.GetAvatarization("iris"));
        Assert.Null(config.Config.GetAvatarizationDp("iris"));
        Assert.Equal(5, config.Config.GetPrivacyMetrics("iris")!.Ncp);
        Assert.Equal(5, config.Config.GetSignalMetrics("iris")!.Ncp);
    }

    [Fact]
    public void Update_of_an_unknown_table_is_the_vendor_error()
    {
        var config = RunnerFixtures.Iris();
        var ex = Assert.Throws<ArgumentException>(() => config.UpdateParameters("nope", p => p with { K = 5 }));
        Assert.Equal("Expected table `nope` to be created before setting parameters", ex.Message);
    }

    [Fact]
    public void Update_to_both_k_and_dp_is_the_vendor_error_and_leaves_the_table_unchanged()
    {
        var config = RunnerFixtures.Iris();
        config.SetParameters("iris", new TableParameters { K = 5 });
        Assert.Throws<ArgumentException>(() => config.UpdateParameters("iris", p => p with { DpEpsilon = 2 }));
        Assert.Equal(5, config.Config.GetAvatarization("iris")!.K);
    }

    [Fact]
    public void Extract_reads_a_standard_table()
    {
        var config = RunnerFixtures.Iris();
        config.SetParameters("iris", RunnerFixtures.IrisParameters() with { ImputationK = 3, ImputationTrainingFraction = 0.5 });
        var p = config.ExtractCurrentParameters("iris");
        Assert.Equal(5, p.K);
        Assert.Null(p.DpEpsilon);
        Assert.Equal(4, p.Ncp);
        Assert.True(p.UseCategoricalReduction);
        Assert.Equal(3.0, p.ColumnWeights!["variety"]);
        Assert.Equal(["variety"], p.ExcludeVariableNames!);
        Assert.Equal(ExcludeVariablesMethod.CoordinateSimilarity, p.ExcludeReplacementStrategy);
        Assert.Equal(ImputeMethod.Mean, p.ImputationMethod);
        Assert.Equal(3, p.ImputationK);
        Assert.Equal(0.5, p.ImputationTrainingFraction);
        Assert.Equal(["sepal.length"], p.KnownVariables!);
        Assert.Equal("variety", p.Target);
    }

    [Fact]
    public void Extract_reads_a_dp_table_without_k()
    {
        var config = RunnerFixtures.Iris();
        config.SetParameters("iris", new TableParameters
        {
            DpEpsilon = 3, DpPreprocessBudgetRatio = 0.2, Ncp = 2, ColumnWeights = new Dictionary<string, double> { ["variety"] = 2 },
        });
        var p = config.ExtractCurrentParameters("iris");
        Assert.Null(p.K);
        Assert.Equal(3.0, p.DpEpsilon);
        Assert.Equal(0.2, p.DpPreprocessBudgetRatio);
        Assert.Equal(2, p.Ncp);
        Assert.Equal(2.0, p.ColumnWeights!["variety"]);
    }

    [Fact]
    public void Extract_reads_a_time_series_table()
    {
        var config = RunnerFixtures.Iris();
        config.SetParameters("iris", new TableParameters { TimeSeriesNf = 10, TimeSeriesProjectionType = ProjectionType.Fpca, TimeSeriesNbPoints = 30, TimeSeriesMethod = AlignmentMethod.Specified });
        var p = config.ExtractCurrentParameters("iris");
        Assert.Null(p.K);
        Assert.Equal(10, p.TimeSeriesNf);
        Assert.Equal(ProjectionType.Fpca, p.TimeSeriesProjectionType);
        Assert.Equal(30, p.TimeSeriesNbPoints);
        Assert.Equal(AlignmentMethod.Specified, p.TimeSeriesMethod);
    }

    [Fact]
    public void Extract_of_a_metrics_only_table_reads_ncp_reduction_and_imputation_from_privacy()
    {
        var config = RunnerFixtures.Iris();
        config.SetParameters("iris", new TableParameters { Ncp = 3, UseCategoricalReduction = true, ImputationMethod = ImputeMethod.Median });
        var p = config.ExtractCurrentParameters("iris");
        Assert.Equal(3, p.Ncp);
        Assert.True(p.UseCategoricalReduction);
        Assert.Equal(ImputeMethod.Median, p.ImputationMethod);
        Assert.Null(p.ColumnWeights);
    }
}
