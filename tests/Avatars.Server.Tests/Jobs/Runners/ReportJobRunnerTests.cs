using System.Text;
using System.Text.Json.Nodes;
using Avatars.Server.Jobs;
using Avatars.Server.Jobs.Runners;

namespace Avatars.Server.Tests.Jobs.Runners;

public sealed class ReportJobRunnerTests
{
    [Fact]
    public async Task Report_of_a_standard_job_is_a_pdf_then_an_html_page()
    {
        var bed = new RunnerTestBed();
        bed.Upload("patients.csv", RunnerTestBed.Csv(RunnerTestBed.Patients(150)));
        var set = RunnerTestBed.Set();
        var standard = await bed.RunStandardAsync(set);
        var privacy = await bed.RunMetricsAsync(set, JobKind.PrivacyMetrics, standard);
        var signal = await bed.RunMetricsAsync(set, JobKind.SignalMetrics, standard);
        bed.ProgressReports.Clear();

        var (context, results) = bed.Context(set, "report", JobKind.Report, [privacy, signal]);
        await new ReportJobRunner().RunAsync(context, TestContext.Current.CancellationToken);

        Assert.Equal(["report.pdf", "report.html", "run_metadata.json"], results.Files.Select(f => f.FileName));
        Assert.Equal(["report", "report", "run_metadata"], results.Files.Select(f => f.ResultKey));
        Assert.All(results.Files, f => Assert.Null(f.TableName));
        Assert.Equal("%PDF", Encoding.ASCII.GetString(results.Bytes("report.pdf"), 0, 4));
        var html = results.Text("report.html");
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("patients", html, StringComparison.Ordinal);

        // The report shows the values of the privacy job (same inputs, settings and seed).
        var hiddenRate = JsonNode.Parse(bed.Store.Get(privacy.Files[0].StorageKey))!["hidden_rate"]!.GetValue<double>();
        Assert.InRange(hiddenRate, 0, 100);
        Assert.Equal("report", JsonNode.Parse(results.Text("run_metadata.json"))!["kind"]!.GetValue<string>());
        Assert.Equal(bed.ProgressReports.Order(), bed.ProgressReports);
        Assert.Equal(1.0, bed.ProgressReports[^1]);
    }

    [Fact]
    public async Task Report_of_uploaded_avatars_works_without_a_standard_job()
    {
        var bed = new RunnerTestBed();
        var original = RunnerTestBed.Patients(120);
        bed.Upload("patients.csv", RunnerTestBed.Csv(original));
        bed.Upload("synthetic.csv", RunnerTestBed.Csv(RunnerTestBed.Synthetic(original, 100)));
        var set = RunnerTestBed.Set(avatarsFile: "synthetic.csv");
        var privacy = await bed.RunMetricsAsync(set, JobKind.PrivacyMetrics, standard: null);
        var signal = await bed.RunMetricsAsync(set, JobKind.SignalMetrics, standard: null);
        var (context, results) = bed.Context(set, "report", JobKind.Report, [privacy, signal]);
        await new ReportJobRunner().RunAsync(context, TestContext.Current.CancellationToken);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(results.Bytes("report.pdf"), 0, 4));
        Assert.Contains("Evaluation report", results.Text("report.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docx_is_not_available()
    {
        var bed = new RunnerTestBed();
        var set = RunnerTestBed.Set(outputFormat: "docx");
        var (context, results) = bed.Context(set, "report", JobKind.Report);
        var error = await Assert.ThrowsAsync<JobFailedException>(() => new ReportJobRunner().RunAsync(context, TestContext.Current.CancellationToken));
        Assert.Contains("docx", error.Message, StringComparison.Ordinal);
        Assert.Empty(results.Files);
    }
}
