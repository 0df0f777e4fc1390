using System.Text.Json.Nodes;
using Avatars.Engine.Metrics.Privacy;
using Avatars.Engine.Metrics.Signal;
using Avatars.Engine.Reporting.Evaluation;
using Avatars.Server.Jobs;
using Avatars.Server.Jobs.Runners;

namespace Avatars.Server.Tests.Jobs.Runners;

public sealed class MetricsJobRunnerTests
{
    private static async Task<(RunnerTestBed Bed, Avatars.Config.ResourceSet Set, ParentJob Standard)> StandardAsync(int rows = 200)
    {
        var bed = new RunnerTestBed();
        bed.Upload("patients.csv", RunnerTestBed.Csv(RunnerTestBed.Patients(rows)));
        var set = RunnerTestBed.Set();
        return (bed, set, await bed.RunStandardAsync(set));
    }

    [Fact]
    public async Task Privacy_metrics_of_a_standard_job_are_paired()
    {
        var (bed, set, standard) = await StandardAsync();
        var privacy = await bed.RunMetricsAsync(set, JobKind.PrivacyMetrics, standard);
        Assert.Equal(["patients.privacy.json", "run_metadata.json"], privacy.Files.Select(f => f.FileName));
        var file = privacy.Files[0];
        Assert.Equal(("privacy_metrics", "patients"), (file.ResultKey, file.TableName));

        var json = JsonNode.Parse(bed.Store.Get(file.StorageKey))!.AsObject();
        var hiddenRate = json["hidden_rate"]!.GetValue<double>();
        Assert.InRange(hiddenRate, 0, 100);
        Assert.NotNull(json["local_cloaking"]);
        Assert.NotNull(json["correlation_protection_rate"]);
        Assert.NotNull(json["inference_categorical"]);
        Assert.Equal("patients", json["metadata"]!["table_name"]!.GetValue<string>());
        Assert.Equal("standalone", json["metadata"]!["computation_type"]!.GetValue<string>());

        var run = JsonNode.Parse(bed.Store.Get(privacy.Files[1].StorageKey))!;
        Assert.Equal("privacy_metrics", run["kind"]!.GetValue<string>());
        Assert.Equal(42, run["seed"]!.GetValue<long>());
    }

    [Fact]
    public async Task Privacy_metrics_equal_the_engine_evaluation_of_the_same_tables()
    {
        var (bed, set, standard) = await StandardAsync();
        var privacy = await bed.RunMetricsAsync(set, JobKind.PrivacyMetrics, standard);
        var original = RunnerTestBed.Patients(200);
        var unshuffled = bed.Store.Get(standard.Files.Single(f => f.ResultKey == "unshuffled").StorageKey);
        var avatars = Avatars.Data.TableReader.ReadCsv(new MemoryStream(unshuffled), new Avatars.Data.TableReadOptions
        {
            TableName = "patients",
            Types = original.Columns.Where(c => c.Name != "id").ToDictionary(c => c.Name, c => c.Type),
        });
        var expected = AvatarEvaluator.Evaluate(original, avatars, new EvaluationOptions
        {
            Paired = true,
            Figures = false,
            Privacy = new PrivacyMetricsOptions { IgnoredColumns = ["id"], Seed = 42, KnownVariables = ["age", "sex"], Target = "treatment" },
        }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(expected.Privacy.ToJson(), System.Text.Encoding.UTF8.GetString(bed.Store.Get(privacy.Files[0].StorageKey)));
    }

    [Fact]
    public async Task Signal_metrics_are_written()
    {
        var (bed, set, standard) = await StandardAsync();
        var signal = await bed.RunMetricsAsync(set, JobKind.SignalMetrics, standard);
        Assert.Equal(["patients.signal.json", "run_metadata.json"], signal.Files.Select(f => f.FileName));
        Assert.Equal("signal_metrics", signal.Files[0].ResultKey);
        var json = JsonNode.Parse(bed.Store.Get(signal.Files[0].StorageKey))!.AsObject();
        Assert.InRange(json["hellinger_mean"]!.GetValue<double>(), 0, 1);
        Assert.NotNull(json["correlation_difference_ratio"]);
        Assert.DoesNotContain(json["details"]!["hellinger"]!.ToJsonString(), "\"id\"", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uploaded_avatars_without_a_parent_are_evaluated_unpaired()
    {
        var bed = new RunnerTestBed();
        var original = RunnerTestBed.Patients(150);
        bed.Upload("patients.csv", RunnerTestBed.Csv(original));
        bed.Upload("synthetic.csv", RunnerTestBed.Csv(RunnerTestBed.Synthetic(original, 120)));
        var set = RunnerTestBed.Set(avatarsFile: "synthetic.csv");
        var privacy = await bed.RunMetricsAsync(set, JobKind.PrivacyMetrics, standard: null);
        var json = JsonNode.Parse(bed.Store.Get(privacy.Files[0].StorageKey))!.AsObject();
        Assert.Null(json["hidden_rate"]);
        Assert.NotNull(json["distance_to_closest"]);
    }

    [Fact]
    public async Task Without_parent_nor_uploaded_avatars_the_job_fails_clearly()
    {
        var bed = new RunnerTestBed();
        bed.Upload("patients.csv", RunnerTestBed.Csv(RunnerTestBed.Patients(50)));
        var (context, _) = bed.Context(RunnerTestBed.Set(), "privacy_metrics", JobKind.PrivacyMetrics);
        var error = await Assert.ThrowsAsync<JobFailedException>(() => new MetricsJobRunner(JobKind.PrivacyMetrics).RunAsync(context, TestContext.Current.CancellationToken));
        Assert.Contains("depends_on", error.Message, StringComparison.Ordinal);
        Assert.Contains("avatars_data.file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_known_variable_fails_naming_it()
    {
        var bed = new RunnerTestBed();
        bed.Upload("patients.csv", RunnerTestBed.Csv(RunnerTestBed.Patients(100)));
        var standard = await bed.RunStandardAsync(RunnerTestBed.Set());
        var set = RunnerTestBed.Set(privacy: "known_variables: [no_such_column]\ntarget: treatment");
        var (context, _) = bed.Context(set, "privacy_metrics", JobKind.PrivacyMetrics, [standard]);
        var error = await Assert.ThrowsAsync<JobFailedException>(() => new MetricsJobRunner(JobKind.PrivacyMetrics).RunAsync(context, TestContext.Current.CancellationToken));
        Assert.Contains("no_such_column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Avatars_whose_row_count_differs_from_the_original_fail()
    {
        var (bed, set, standard) = await StandardAsync(rows: 80);
        bed.Upload("patients.csv", RunnerTestBed.Csv(RunnerTestBed.Patients(90)));
        var (context, _) = bed.Context(set, "privacy_metrics", JobKind.PrivacyMetrics, [standard]);
        var error = await Assert.ThrowsAsync<JobFailedException>(() => new MetricsJobRunner(JobKind.PrivacyMetrics).RunAsync(context, TestContext.Current.CancellationToken));
        Assert.Contains("80", error.Message, StringComparison.Ordinal);
        Assert.Contains("90", error.Message, StringComparison.Ordinal);
    }
}
