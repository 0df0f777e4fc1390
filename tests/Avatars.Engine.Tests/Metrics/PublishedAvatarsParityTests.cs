using Avatars.Data;
using Avatars.Engine.Metrics.Privacy;
using Avatars.Engine.Tests.TestSupport;

namespace Avatars.Engine.Tests.Metrics;

/// <summary>Parity of hidden rate and local cloaking with the Avatar paper (method.md §9.2).</summary>
public sealed class PublishedAvatarsParityTests
{
    [Fact]
    public void PublishedWbcdAvatars_HaveThePapersHiddenRateAndLocalCloaking()
    {
        var original = Wbcd.ReadForMetrics("wbcd/breast_cancer_wisconsin.csv").Drop(Wbcd.Identifier);
        var avatars = Wbcd.ReadForMetrics("wbcd/breast_cancer_wisconsin_avatarized_k20.csv");

        var metrics = PrivacyEvaluator.Evaluate(original, avatars, new PrivacyEvaluationOptions { Ncp = 2 }, TestContext.Current.CancellationToken);

        Assert.Equal(683, metrics.HiddenRate.Hits.Count);
        Assert.Equal(92.68, Math.Round(metrics.HiddenRate.Value, 2));
        Assert.Equal(24, metrics.LocalCloaking.Median);
        Assert.Equal(22, metrics.LocalCloaking.RecordsMedian);
        Assert.Equal(0.006, Math.Round(metrics.LocalCloaking.EmptyRate, 3));
    }

    [Theory]
    [InlineData("wbcd/wbcd_avatarized_25time_k20_nf_2.csv", 25, 93.53, 0.43, 24.9, 22, 28)]
    [InlineData("wbcd/WBCD_base_100times.csv", 100, 93.62, 0.45, 24.76, 22, 27)]
    public void PublishedRepetitions_HaveThePapersHiddenRateAndLocalCloaking(string file, int repetitions, double hiddenRateMean, double hiddenRateSd, double cloakingMean, double cloakingMin, double cloakingMax)
    {
        var original = Wbcd.ReadForMetrics("wbcd/breast_cancer_wisconsin.csv").Drop(Wbcd.Identifier);
        var all = Wbcd.ReadForMetrics(file);
        var iteration = (IntColumn)all["iter"];
        var hiddenRates = new List<double>();
        var cloakings = new List<double>();
        for (var iter = 0; iter < repetitions; iter++)
        {
            var rows = Enumerable.Range(0, all.RowCount).Where(r => iteration[r] == iter).ToArray();
            Assert.Equal(original.RowCount, rows.Length);
            var avatars = all.TakeRows(rows).Drop("iter");
            var metrics = PrivacyEvaluator.Evaluate(original, avatars, new PrivacyEvaluationOptions { Ncp = 2 }, TestContext.Current.CancellationToken);
            hiddenRates.Add(metrics.HiddenRate.Value);
            cloakings.Add(metrics.LocalCloaking.Median);
        }

        var mean = hiddenRates.Average();
        var sd = Math.Sqrt(hiddenRates.Sum(h => (h - mean) * (h - mean)) / (hiddenRates.Count - 1));
        Assert.Equal(hiddenRateMean, mean, 0.01);
        Assert.Equal(hiddenRateSd, sd, 0.01);
        Assert.Equal(cloakingMean, cloakings.Average(), 0.05); // published to one decimal (24.9) or two (24.76)
        Assert.Equal(cloakingMin, cloakings.Min());
        Assert.Equal(cloakingMax, cloakings.Max());
    }
}
