using Avatars.Data.Generation;
using Avatars.Engine.Avatarization;
using Avatars.Engine.Metrics.Privacy;
using Avatars.Engine.Reporting.Evaluation;
using Avatars.Engine.Reporting.Report;

namespace Avatars.Engine.Tests.Reporting.Evaluation;

public sealed class EvaluationTests
{
    private static readonly Lazy<AvatarEvaluation> Evaluation = new(() =>
    {
        var table = PatientTableGenerator.Generate(400, seed: 8);
        var result = Avatarizer.Avatarize(table, new AvatarizationOptions { K = 10, Seed = 3 });
        return AvatarEvaluator.Evaluate(table, result.SensitiveUnshuffled, new EvaluationOptions
        {
            Paired = true,
            Privacy = new PrivacyMetricsOptions { Ncp = result.Ncp, Seed = result.Seed, KnownVariables = ["age", "sex"], Target = "diabetes" },
        });
    });

    [Fact]
    public void PairedEvaluation_HasEveryMetricOfTheCatalogue_InReportOrder()
    {
        var metrics = Evaluation.Value.Metrics();
        Assert.Equal(ReportMetricCatalog.All.Select(m => m.Key), metrics.Select(m => m.Key));
        foreach (var key in new[] { "hidden_rate", "local_cloaking", "distance_to_closest", "closest_distances_ratio", "closest_rate", "row_direct_match_protection",
                     "column_direct_match_protection", "correlation_protection_rate", "inference_categorical", "hellinger_mean", "hellinger_std", "correlation_difference_ratio" })
        {
            Assert.True(metrics.Single(m => m.Key == key).Value is not null, $"{key} should be computed");
        }

        Assert.Null(metrics.Single(m => m.Key == "categorical_hidden_rate").Value); // its variables were not given
        Assert.Null(metrics.Single(m => m.Key == "inference_continuous").Value);    // the target is categorical
        Assert.Equal(metrics.Single(m => m.Key == "hidden_rate").Value!.Value > 90, metrics.Single(m => m.Key == "hidden_rate").Passed);
    }

    [Fact]
    public void ReportContent_HasFiguresWithChartsTablesAndRunFacts()
    {
        var content = ReportContentBuilder.Build(Evaluation.Value, new ReportContext { Parameters = [new("k", "10")], GeneratedAt = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero) });

        Assert.Equal("patients", content.DatasetName);
        Assert.Equal(400, content.RowCount);
        Assert.Contains(content.Figures, f => f.Chart is ScatterChart scatter && scatter.Series.Count == 2 && scatter.Series.All(s => s.Points.Count > 0));
        Assert.Contains(content.Figures, f => f.Title == "Hellinger distance per variable" && f.Chart is BarChart bars && bars.Labels.Count == 20);
        Assert.Contains(content.Figures, f => f.Svg is not null && HtmlReportWriter.IsSafeSvg(f.Svg));
        Assert.Contains(content.Tables, t => t.Title == "Signal per variable" && t.Rows.Count == 20);
        Assert.Contains(content.RunMetadata, m => m.Key == "Time: privacy metrics");

        var html = HtmlReportWriter.Render(content);
        Assert.Contains("Hidden rate", html);
        Assert.DoesNotContain("https://", html);
        var pdf = PdfReportWriter.Render(content);
        Assert.True(pdf.Length > 10_000);
    }

    [Fact]
    public async Task Writer_UsesTheApiFileNames()
    {
        var folder = Path.Combine(Path.GetTempPath(), "avatars-evaluation-tests", Guid.NewGuid().ToString("N"));
        var written = await EvaluationWriter.WriteMetricsAsync(Evaluation.Value, folder, TestContext.Current.CancellationToken);

        Assert.Equal(Path.Combine(folder, "patients.privacy.json"), written[0]);
        Assert.Equal(Path.Combine(folder, "patients.signal.json"), written[1]);
        Assert.Contains(Path.Combine(folder, "figures_metadata.json"), written);
        Assert.Contains(Path.Combine(folder, "patients.distribution-0.html"), written);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
    }
}
