using Avatars.Engine.Reporting.Report;

namespace Avatars.Engine.Tests.Reporting.Report;

public sealed class ReportMetricCatalogTests
{
    [Fact]
    public void Has_the_eleven_privacy_and_three_signal_metrics()
    {
        string[] privacy =
        [
            "hidden_rate", "local_cloaking", "distance_to_closest", "closest_distances_ratio", "closest_rate",
            "row_direct_match_protection", "column_direct_match_protection", "categorical_hidden_rate",
            "correlation_protection_rate", "inference_continuous", "inference_categorical",
        ];
        Assert.Equal(privacy, ReportMetricCatalog.All.Where(d => d.Group == ReportMetricGroups.Privacy).Select(d => d.Key));
        Assert.Equal(["hellinger_mean", "hellinger_std", "correlation_difference_ratio"], ReportMetricCatalog.All.Where(d => d.Group == ReportMetricGroups.Signal).Select(d => d.Key));
        Assert.All(ReportMetricCatalog.All, d => Assert.False(string.IsNullOrWhiteSpace(d.Explanation)));
    }

    [Theory]
    [InlineData("hidden_rate", "> 90 %")]
    [InlineData("local_cloaking", "> 5")]
    [InlineData("closest_distances_ratio", "> 0.3")]
    [InlineData("closest_rate", "> 90 %")]
    [InlineData("row_direct_match_protection", "> 90 %")]
    [InlineData("column_direct_match_protection", "> 50 %")]
    [InlineData("hellinger_mean", "< 0.1")]
    [InlineData("correlation_difference_ratio", "< 10 %")]
    [InlineData("distance_to_closest", "")]
    [InlineData("inference_categorical", "")]
    public void Targets_follow_the_vendor_report(string key, string target)
    {
        Assert.True(ReportMetricCatalog.TryGet(key, out var d));
        Assert.Equal(target, d.Target);
    }

    [Fact]
    public void Verdicts_are_strict_and_null_without_target_or_value()
    {
        Assert.Equal(true, ReportMetricCatalog.Create("hidden_rate", 90.01).Passed);
        Assert.Equal(false, ReportMetricCatalog.Create("hidden_rate", 90).Passed);
        Assert.Equal(true, ReportMetricCatalog.Create("hellinger_mean", 0.0999).Passed);
        Assert.Equal(false, ReportMetricCatalog.Create("hellinger_mean", 0.1).Passed);
        Assert.Null(ReportMetricCatalog.Create("hidden_rate", null).Passed);
        Assert.Null(ReportMetricCatalog.Create("hidden_rate", double.NaN).Passed);
        Assert.Null(ReportMetricCatalog.Create("distance_to_closest", 0.5).Passed);
        Assert.Throws<ArgumentException>(() => ReportMetricCatalog.Create("nope", 1));
    }
}
