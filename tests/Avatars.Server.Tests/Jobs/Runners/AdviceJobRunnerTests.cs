using System.Text.Json.Nodes;
using Avatars.Server.Jobs;
using Avatars.Server.Jobs.Runners;

namespace Avatars.Server.Tests.Jobs.Runners;

public sealed class AdviceJobRunnerTests
{
    private static (RunnerTestBed Bed, Avatars.Config.ResourceSet Set) Bed(int rows = 200, string seed = "42")
    {
        var bed = new RunnerTestBed();
        bed.Upload("patients.csv", RunnerTestBed.Csv(RunnerTestBed.Patients(rows)));
        return (bed, RunnerTestBed.Set(seed: seed));
    }

    private static async Task<(JobRunContext Context, InMemoryResultWriter Results)> RunAdviceAsync(RunnerTestBed bed, Avatars.Config.ResourceSet set, long? seed = 7)
    {
        var (context, results) = bed.Context(set, "advice", JobKind.Advice, seed: seed);
        await new AdviceJobRunner().RunAsync(context, TestContext.Current.CancellationToken);
        return (context, results);
    }

    [Fact]
    public async Task Advice_writes_one_entry_per_table_and_the_run_metadata()
    {
        var (bed, set) = Bed();
        var (_, results) = await RunAdviceAsync(bed, set);

        Assert.Equal(["advice.json", "run_metadata.json"], results.Files.Select(f => f.FileName));
        Assert.Equal(("advice", null), (results.Files[0].ResultKey, results.Files[0].TableName));
        var entry = Assert.Single(JsonNode.Parse(results.Text("advice.json"))!.AsArray())!.AsObject();
        Assert.Equal(["table_name", "advice"], entry.Select(p => p.Key));
        Assert.Equal("patients", entry["table_name"]!.GetValue<string>());
        var advice = entry["advice"]!.AsObject();
        Assert.Equal(["k", "ncp", "use_categorical_reduction", "imputation", "summary"], advice.Select(p => p.Key));
        Assert.InRange(advice["k"]!.GetValue<int>(), 1, 199);
        Assert.InRange(advice["ncp"]!.GetValue<int>(), 1, 10);
        Assert.False(advice["use_categorical_reduction"]!.GetValue<bool>());
        Assert.Equal("fast_knn", advice["imputation"]!["method"]!.GetValue<string>());
        Assert.Equal(5, advice["imputation"]!["k"]!.GetValue<int>());
        Assert.Equal(1.0, advice["imputation"]!["training_fraction"]!.GetValue<double>());
        var summary = advice["summary"]!.GetValue<string>();
        Assert.StartsWith("Project design", summary, StringComparison.Ordinal);
        Assert.Contains($"k = {advice["k"]!.GetValue<int>()} is the smallest candidate", summary, StringComparison.Ordinal);

        var run = JsonNode.Parse(results.Text("run_metadata.json"))!;
        Assert.Equal("advice", run["kind"]!.GetValue<string>());
        Assert.Equal(7, run["seed"]!.GetValue<long>());
        Assert.Equal(1, bed.ProgressReports[^1]);
        Assert.Equal(bed.ProgressReports.Order(), bed.ProgressReports);
    }

    [Fact]
    public async Task The_identifier_is_left_out_and_the_advice_is_deterministic()
    {
        var (bed, set) = Bed(120);
        var (_, first) = await RunAdviceAsync(bed, set);
        var (_, second) = await RunAdviceAsync(bed, set);

        Assert.Equal(first.Text("advice.json"), second.Text("advice.json"));
        Assert.Contains("categorical modalities", first.Text("advice.json"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_advised_parameters_meet_the_privacy_targets_in_the_standard_and_privacy_jobs()
    {
        // Advice with one seed, then the standard and privacy metrics jobs with another, as a user would run them.
        var (bed, adviceSet) = Bed(300);
        var (_, results) = await RunAdviceAsync(bed, adviceSet, seed: 3);
        var advice = JsonNode.Parse(results.Text("advice.json"))![0]!["advice"]!;
        var avatarization = $"k: {advice["k"]}\nncp: {advice["ncp"]}\nuse_categorical_reduction: {advice["use_categorical_reduction"]!.GetValue<bool>().ToString().ToLowerInvariant()}";
        var set = RunnerTestBed.Set(avatarization: avatarization, seed: "1234");

        var standard = await bed.RunStandardAsync(set);
        var privacy = await bed.RunMetricsAsync(set, JobKind.PrivacyMetrics, standard);

        var metrics = JsonNode.Parse(bed.Store.Get(privacy.Files[0].StorageKey))!;
        Assert.True(metrics["hidden_rate"]!.GetValue<double>() > 90, metrics["hidden_rate"]!.ToJsonString());
        Assert.True(metrics["local_cloaking"]!.GetValue<double>() > 5, metrics["local_cloaking"]!.ToJsonString());
    }

    [Fact]
    public async Task A_missing_data_file_fails_with_a_clear_message_and_writes_nothing()
    {
        var bed = new RunnerTestBed();
        var (context, results) = bed.Context(RunnerTestBed.Set(), "advice", JobKind.Advice);
        var error = await Assert.ThrowsAsync<JobFailedException>(() => new AdviceJobRunner().RunAsync(context, TestContext.Current.CancellationToken));
        Assert.Contains("patients.csv", error.Message, StringComparison.Ordinal);
        Assert.Empty(results.Files);
    }

    [Fact]
    public async Task A_table_over_the_dimension_limit_fails_before_any_trial()
    {
        var (bed, set) = Bed(60);
        bed.Limits = new Avatars.Server.Hosting.LimitsOptions { MaxDimensions = 5 };
        var (context, results) = bed.Context(set, "advice", JobKind.Advice);
        var error = await Assert.ThrowsAsync<JobFailedException>(() => new AdviceJobRunner().RunAsync(context, TestContext.Current.CancellationToken));
        Assert.Contains("the limit is 5", error.Message, StringComparison.Ordinal);
        Assert.Empty(results.Files);
    }

    [Fact]
    public async Task Cancellation_stops_the_job_without_results()
    {
        var (bed, set) = Bed(60);
        var (context, results) = bed.Context(set, "advice", JobKind.Advice);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new AdviceJobRunner().RunAsync(context, cancelled.Token));
        Assert.Empty(results.Files);
    }
}
