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
}
