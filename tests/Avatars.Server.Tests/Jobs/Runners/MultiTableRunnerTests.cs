using System.Text;
using System.Text.Json.Nodes;
using Avatars.Config;
using Avatars.Data;
using Avatars.Server.Jobs;
using Avatars.Server.Jobs.Runners;
using Avatars.Testing;

namespace Avatars.Server.Tests.Jobs.Runners;

/// <summary>
/// The runners on multi-table schemas with the vendor's data (../shared/data; skipped when absent): the vendor's
/// multi-table YAML (sdk.md §9.7, doctor with differential privacy) runs unchanged, and the Tutorial 4 time series.
/// </summary>
public sealed class MultiTableRunnerTests
{
    /// <summary>A test bed holding the Tutorial 3 tables (skips when the shared data is absent).</summary>
    internal static RunnerTestBed VendorBed()
    {
        var bed = new RunnerTestBed();
        foreach (var table in new[] { "patient", "doctor", "visit" })
        {
            bed.Upload($"{table}.csv", File.ReadAllBytes(SharedData.PathOf($"avatar-python/{table}.csv")));
        }

        return bed;
    }

    /// <summary>The vendor's multi-table YAML (sdk.md §9.7) as copied to the test output.</summary>
    internal static string VendorYaml() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "VendorYaml", "multi-table-1.0.8.yaml"));

    [Fact]
    public async Task The_vendor_multi_table_yaml_runs_unchanged()
    {
        var bed = VendorBed();
        var set = ResourceSetYaml.Parse(VendorYaml());
        var (standardContext, standardResults) = bed.Context(set, "standard", JobKind.Standard, seed: 11);
        await new StandardJobRunner().RunAsync(standardContext, TestContext.Current.CancellationToken);
        var standard = new ParentJob(standardContext.Job, JobKind.Standard, set, standardContext.Parameters, standardResults.Files);

        var patients = RunnerTestBed.ReadCsv(standardResults.Bytes("patient.shuffled-0.csv"));
        var doctors = RunnerTestBed.ReadCsv(standardResults.Bytes("doctor.shuffled-0.csv"));
        var visits = RunnerTestBed.ReadCsv(standardResults.Bytes("visit.shuffled-0.csv"));
        Assert.Equal(["p_id", "gender", "height", "age", "weight"], patients.ColumnNames);
        Assert.Equal(["d_id", "job", "age"], doctors.ColumnNames);
        Assert.Equal(["visit_id", "patient_id", "doctor_id", "day_visit", "exam"], visits.ColumnNames);
        Assert.Equal((130, 50, 300), (patients.RowCount, doctors.RowCount, visits.RowCount));
        AssertReferences(visits, "patient_id", patients, "p_id");
        AssertReferences(visits, "doctor_id", doctors, "d_id");

        var privacy = await bed.RunMetricsAsync(set, JobKind.PrivacyMetrics, standard);
        var signal = await bed.RunMetricsAsync(set, JobKind.SignalMetrics, standard);
        var privacyFiles = privacy.Files.Where(f => f.ResultKey == "privacy_metrics").Select(f => f.FileName).ToList();
        Assert.Equal(
            [
                "patient.privacy.json", "patient.to_top_enriched.privacy.json",
                "doctor.privacy.json", "doctor.to_top_enriched.privacy.json",
                "visit.privacy.json", "visit.to_bottom_id_propagated.patient.privacy.json", "visit.to_bottom_id_propagated.doctor.privacy.json",
            ],
            privacyFiles);
        var patientPrivacy = Json(bed, privacy, "patient.privacy.json");
        Assert.True(patientPrivacy["hidden_rate"]!.GetValue<double>() >= 90);
        var doctorPrivacy = Json(bed, privacy, "doctor.privacy.json");
        Assert.Null(doctorPrivacy["hidden_rate"]);   // differential privacy: no pairing, no hidden rate
        Assert.Contains("visit.to_bottom_information_propagated.patient.signal.json", signal.Files.Select(f => f.FileName));

        var (reportContext, reportResults) = bed.Context(set, "report", JobKind.Report, [privacy, signal]);
        reportContext.Job.DependsOn.Add(new Persistence.Entities.JobDependencyEntity { JobName = reportContext.Job.Name, ParentName = privacy.Job.Name, Position = 0 });
        await new ReportJobRunner().RunAsync(reportContext, TestContext.Current.CancellationToken);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(reportResults.Bytes("report.pdf"), 0, 4));
        Assert.Contains("to_bottom_id_propagated", reportResults.Text("report.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Time_series_tables_are_rebuilt_from_their_parent_and_evaluated()
    {
        var bed = new RunnerTestBed();
        bed.Upload("vanilla.csv", File.ReadAllBytes(SharedData.PathOf("avatar-python/sensors_vanilla.csv")));
        bed.Upload("sensor1.csv", File.ReadAllBytes(SharedData.PathOf("avatar-python/sensors_timeseries1.csv")));
        var set = ResourceSetYaml.Parse("""
            kind: AvatarSchema
            metadata:
              name: schema
            spec:
              tables:
              - name: vanilla
                data:
                  file: vanilla.csv
                individual_level: true
                columns:
                - field: id
                  type: int
                  primary_key: true
                links:
                - field: id
                  to:
                    table: sensor1
                    field: id
                  method: time_series
              - name: sensor1
                data:
                  file: sensor1.csv
                columns:
                - field: t
                  type: int
                  time_series_time: true
                - field: primary_key
                  type: int
                  primary_key: true
                - field: id
                  type: int
                  identifier: true
            ---
            kind: AvatarParameters
            metadata:
              name: standard
            spec:
              schema: schema
              avatarization:
                vanilla:
                  k: 5
              time_series:
                sensor1:
                  projection:
                    projection_type: flatten
                    nf: 10
            ---
            kind: AvatarPrivacyMetricsParameters
            metadata:
              name: privacy_metrics
            spec:
              schema: schema
            ---
            kind: AvatarSignalMetricsParameters
            metadata:
              name: signal_metrics
            spec:
              schema: schema
            """);
        var standard = await bed.RunStandardAsync(set);
        var series = RunnerTestBed.ReadCsv(bed.Store.Get(standard.Files.Single(f => f.FileName == "sensor1.shuffled-0.csv").StorageKey));
        var vanilla = RunnerTestBed.ReadCsv(bed.Store.Get(standard.Files.Single(f => f.FileName == "vanilla.shuffled-0.csv").StorageKey));
        Assert.Equal(["primary_key", "id", "t", "sensor1", "sensor2"], series.ColumnNames);
        AssertReferences(series, "id", vanilla, "id");

        var signal = await bed.RunMetricsAsync(set, JobKind.SignalMetrics, standard);
        var json = Json(bed, signal, "sensor1.signal.json");
        Assert.True(json["pointwise_hellinger_mean"]!.GetValue<double>() <= 0.2, json.ToJsonString());
        var privacy = await bed.RunMetricsAsync(set, JobKind.PrivacyMetrics, standard);
        var seriesPrivacy = Json(bed, privacy, "sensor1.privacy.json");
        Assert.Equal("sensor1", seriesPrivacy["metadata"]!["table_name"]!.GetValue<string>());
        Assert.NotNull(seriesPrivacy["hidden_rate"]);
    }

    private static JsonNode Json(RunnerTestBed bed, ParentJob job, string fileName) =>
        JsonNode.Parse(Encoding.UTF8.GetString(bed.Store.Get(job.Files.Single(f => f.FileName == fileName).StorageKey)))!;

    private static void AssertReferences(Table child, string foreignKey, Table parent, string primaryKey)
    {
        var keys = Enumerable.Range(0, parent.RowCount).Select(i => parent[primaryKey].FormatValue(i)).ToHashSet(StringComparer.Ordinal);
        Assert.All(Enumerable.Range(0, child.RowCount), i => Assert.Contains(child[foreignKey].FormatValue(i), keys));
    }
}
