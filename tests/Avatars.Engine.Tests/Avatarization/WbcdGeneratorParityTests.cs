using Avatars.Engine.Avatarization;
using Avatars.Engine.Metrics.Privacy;
using Avatars.Engine.Tests.TestSupport;

namespace Avatars.Engine.Tests.Avatarization;

/// <summary>
/// Statistical parity of the generator with the paper's published WBCD avatars (method.md §9.3):
/// MCA on the 10 columns as categories, ncp = 2, k = 20; metrics with FAMD on the 9 features as
/// numbers and Class as a category, 2 components.
/// </summary>
public sealed class WbcdGeneratorParityTests
{
    [Fact]
    public void TenSeeds_MatchThePublishedPrivacyLevelsAndDuplicateBehaviour()
    {
        var categorical = Wbcd.ReadAllCategorical("wbcd/breast_cancer_wisconsin.csv");
        var forMetrics = Wbcd.ReadForMetrics("wbcd/breast_cancer_wisconsin.csv").Drop(Wbcd.Identifier);
        var duplicated = Wbcd.HasDuplicate(forMetrics);
        Assert.Equal(280, duplicated.Count(d => d));

        var hiddenRates = new List<double>();
        var cloakings = new List<double>();
        var identicalDuplicates = new List<int>();
        var identicalUniques = new List<int>();
        for (ulong seed = 1; seed <= 10; seed++)
        {
            var result = Avatarizer.Avatarize(
                categorical,
                new AvatarizationOptions { K = 20, Ncp = 2, Seed = seed, IdentifierColumns = [Wbcd.Identifier] },
                cancellationToken: TestContext.Current.CancellationToken);
            var avatars = Wbcd.WithFeaturesAsIntegers(result.SensitiveUnshuffled);
            var metrics = PrivacyEvaluator.Evaluate(forMetrics, avatars, new PrivacyEvaluationOptions { Ncp = 2 }, TestContext.Current.CancellationToken);
            hiddenRates.Add(metrics.HiddenRate.Value);
            cloakings.Add(metrics.LocalCloaking.Median);

            var same = Enumerable.Range(0, forMetrics.RowCount).Select(r => Wbcd.RowKey(forMetrics, r) == Wbcd.RowKey(avatars, r)).ToArray();
            identicalDuplicates.Add(Enumerable.Range(0, same.Length).Count(r => same[r] && duplicated[r]));
            identicalUniques.Add(Enumerable.Range(0, same.Length).Count(r => same[r] && !duplicated[r]));
        }

        var meanHiddenRate = hiddenRates.Average();
        var meanCloaking = cloakings.Average();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"hidden rate mean {meanHiddenRate:F2} ({string.Join(", ", hiddenRates.Select(h => h.ToString("F2")))}); "
            + $"median LC mean {meanCloaking:F1} ({string.Join(", ", cloakings)}); identical duplicates {string.Join(", ", identicalDuplicates)}; identical uniques {string.Join(", ", identicalUniques)}");
        Assert.InRange(meanHiddenRate, 92.5, 94.5);
        Assert.InRange(meanCloaking, 22, 28);
        Assert.True(identicalDuplicates.Average() >= 270, $"only {identicalDuplicates.Average():F1} of 280 duplicated individuals got an identical avatar");
        Assert.True(identicalUniques.Average() <= 3, $"{identicalUniques.Average():F1} unique individuals got an identical avatar (published: 0–2)");
    }
}
