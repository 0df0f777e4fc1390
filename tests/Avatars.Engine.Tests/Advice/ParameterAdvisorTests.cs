using Avatars.Data;
using Avatars.Data.Generation;
using Avatars.Engine.Advice;
using Avatars.Engine.Avatarization;
using Avatars.Engine.Metrics.Privacy;
using Avatars.Engine.Tests.TestSupport;

namespace Avatars.Engine.Tests.Advice;

public sealed class ParameterAdvisorTests(ITestOutputHelper output)
{
    private const ulong OtherSeed = 20_260_127;

    [Fact]
    public void Wbcd_advice_gives_avatars_meeting_the_privacy_targets_with_another_seed()
    {
        // The SDK's quickstart file: 10 integer columns, Class included, as the server reads it without declared types.
        var wbcd = TableReader.ReadCsv(Avatars.Testing.SharedData.PathOf("avatar-python/wbcd.csv")).WithName("wbcd");
        AssertAdviceMeetsTargets(wbcd, []);
    }

    [Fact]
    public void Wbcd_with_its_identifier_and_a_categorical_class_gets_advice_meeting_the_privacy_targets()
    {
        var wbcd = Wbcd.ReadForMetrics("wbcd/breast_cancer_wisconsin.csv").WithName("wbcd");
        AssertAdviceMeetsTargets(wbcd, [Wbcd.Identifier]);
    }

    [Fact]
    public void Generated_table_advice_gives_avatars_meeting_the_privacy_targets_with_another_seed()
    {
        var patients = PatientTableGenerator.Generate(400, seed: 3);
        var options = new ParameterAdviceOptions { Seed = 5 };

        var advice = ParameterAdvisor.Advise(patients, options, cancellationToken: TestContext.Current.CancellationToken);
        output.WriteLine(advice.Summary);

        Assert.True(advice.MeetsTargets);
        Assert.True(advice.UseCategoricalReduction, "the generated table has more than 20 categorical modalities");
        Assert.True(advice.HasMissingValues);
        var (hiddenRate, cloaking) = Apply(patients, advice, [], OtherSeed);
        output.WriteLine($"seed {OtherSeed}: hidden rate {hiddenRate:0.00} %, local cloaking {cloaking}");
        Assert.True(hiddenRate > HiddenRate.Target, $"hidden rate {hiddenRate}");
        Assert.True(cloaking > LocalCloaking.Target, $"local cloaking {cloaking}");
    }

    [Fact]
    public void Advice_is_deterministic_for_a_seed()
    {
        var patients = PatientTableGenerator.Generate(150, seed: 11);
        var options = new ParameterAdviceOptions { Seed = 9, Candidates = [5, 10, 20] };

        var first = ParameterAdvisor.Advise(patients, options, cancellationToken: TestContext.Current.CancellationToken);
        var second = ParameterAdvisor.Advise(patients, options with { MaxDegreeOfParallelism = 1 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(first.Summary, second.Summary);
        Assert.Equal(first.Trials, second.Trials);
        Assert.Equal((first.K, first.Ncp, first.UseCategoricalReduction), (second.K, second.Ncp, second.UseCategoricalReduction));
    }

    [Fact]
    public void A_large_table_is_searched_on_a_seeded_sample()
    {
        var patients = PatientTableGenerator.Generate(300, seed: 4);
        var reports = new List<double>();

        var advice = ParameterAdvisor.Advise(patients, new ParameterAdviceOptions { SampleSize = 120, Candidates = [5, 10] }, new InlineProgress(reports.Add), TestContext.Current.CancellationToken);

        Assert.Equal(120, advice.SampleRows);
        Assert.Contains("seeded sample of 120 of the 300 rows", advice.Summary, StringComparison.Ordinal);
        Assert.Equal(1, reports[^1]);
        Assert.Equal(reports.Order(), reports);
    }

    [Fact]
    public void A_tiny_table_gets_a_k_below_its_row_count_and_an_explanation()
    {
        var tiny = PatientTableGenerator.Generate(12, seed: 2).Select("age", "bmi", "systolic_bp", "sex");

        var advice = ParameterAdvisor.Advise(tiny, cancellationToken: TestContext.Current.CancellationToken);
        output.WriteLine(advice.Summary);

        Assert.InRange(advice.K, 1, 11);
        // The grid stops at 10 below 12 rows, so 11 (rows − 1) is the last candidate; the search stops at the first k meeting the thresholds.
        int[] grid = [5, 10, 11];
        Assert.Equal(grid[..advice.Trials.Count], advice.Trials.Select(t => t.K));
        Assert.Contains("all 12 rows", advice.Summary, StringComparison.Ordinal);
        Assert.False(advice.MeetsTargets);
        Assert.Contains("No candidate reached", advice.Summary, StringComparison.Ordinal);
        Assert.Contains($"k = {advice.K}", advice.Summary, StringComparison.Ordinal);
        Assert.InRange(advice.Ncp, 1, 5);
    }

    [Fact]
    public void Too_few_rows_or_no_columns_are_refused_with_a_reason()
    {
        var two = PatientTableGenerator.Generate(2, seed: 1).Select("age", "bmi");
        Assert.Contains("at least 3", Assert.Throws<AvatarizationException>(() => ParameterAdvisor.Advise(two, cancellationToken: TestContext.Current.CancellationToken)).Message, StringComparison.Ordinal);
        var onlyId = new Table([new IntColumn("id", [1, 2, 3, 4])], "ids");
        Assert.Throws<AvatarizationException>(() => ParameterAdvisor.Advise(onlyId, new ParameterAdviceOptions { IdentifierColumns = ["id"] }, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Cancellation_stops_the_search()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => ParameterAdvisor.Advise(PatientTableGenerator.Generate(60, seed: 1), cancellationToken: cancelled.Token));
    }

    private void AssertAdviceMeetsTargets(Table wbcd, IReadOnlyList<string> identifiers)
    {
        var advice = ParameterAdvisor.Advise(wbcd, new ParameterAdviceOptions { IdentifierColumns = identifiers }, cancellationToken: TestContext.Current.CancellationToken);
        output.WriteLine(advice.Summary);

        Assert.True(advice.MeetsTargets);
        Assert.False(advice.UseCategoricalReduction);
        Assert.InRange(advice.K, 1, wbcd.RowCount - 1);
        Assert.StartsWith(ParameterAdvisor.ProjectDesignLabel, advice.Summary, StringComparison.Ordinal);
        var (hiddenRate, cloaking) = Apply(wbcd, advice, identifiers, OtherSeed);
        output.WriteLine($"seed {OtherSeed}: hidden rate {hiddenRate:0.00} %, local cloaking {cloaking}");
        Assert.True(hiddenRate > HiddenRate.Target, $"hidden rate {hiddenRate}");
        Assert.True(cloaking > LocalCloaking.Target, $"local cloaking {cloaking}");
    }

    /// <summary>Avatarizes with the advice and a seed the advisor never used, and measures as the privacy metrics job does.</summary>
    private static (double HiddenRate, double LocalCloaking) Apply(Table table, ParameterAdvice advice, IReadOnlyList<string> identifiers, ulong seed)
    {
        var result = Avatarizer.Avatarize(table, new AvatarizationOptions
        {
            K = advice.K,
            Ncp = advice.Ncp,
            UseCategoricalReduction = advice.UseCategoricalReduction,
            Imputation = advice.Imputation,
            IdentifierColumns = identifiers,
            Seed = seed,
        }, cancellationToken: TestContext.Current.CancellationToken);
        var metrics = PrivacyEvaluator.Evaluate(table, result.SensitiveUnshuffled, new PrivacyEvaluationOptions
        {
            Ncp = advice.Ncp,
            Imputation = advice.Imputation,
            IgnoredColumns = identifiers,
            Seed = seed,
        }, TestContext.Current.CancellationToken);
        return (metrics.HiddenRate.Value, metrics.LocalCloaking.Median);
    }

    private sealed class InlineProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
