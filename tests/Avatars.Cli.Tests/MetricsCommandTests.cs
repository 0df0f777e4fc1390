using System.Text.Json.Nodes;
using Avatars.Data;
using Avatars.Data.Generation;

namespace Avatars.Cli.Tests;

public sealed class MetricsCommandTests
{
    [Fact]
    public async Task AvatarizeWithReport_WritesMetricsFiguresAndReport()
    {
        var folder = CliRunner.TempFolder();
        var input = Path.Combine(folder, "patients.csv");
        await TableWriter.WriteCsvAsync(PatientTableGenerator.Generate(300, seed: 5), input, TestContext.Current.CancellationToken);
        var output = Path.Combine(folder, "out");

        var (code, text) = await CliRunner.RunAsync("avatarize", input, "--k", "10", "--seed", "2", "--report", "--output", output);

        Assert.True(code == 0, text);
        var privacy = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "patients.privacy.json"), TestContext.Current.CancellationToken))!;
        Assert.InRange(privacy["hidden_rate"]!.GetValue<double>(), 0, 100);
        Assert.Equal("standalone", privacy["metadata"]!["computation_type"]!.GetValue<string>());
        var signal = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "patients.signal.json"), TestContext.Current.CancellationToken))!;
        Assert.NotNull(signal["hellinger_mean"]);
        Assert.True(File.Exists(Path.Combine(output, "figures_metadata.json")));
        Assert.True(File.Exists(Path.Combine(output, "patients.2d_projection.html")));
        Assert.StartsWith("%PDF", await File.ReadAllTextAsync(Path.Combine(output, "report.pdf"), TestContext.Current.CancellationToken));
        Assert.Contains("Hellinger distance (mean)", text);
        Assert.Contains("Report:", text);
    }

    [Fact]
    public async Task Metrics_EvaluatesAnySyntheticTable_UnpairedByDefault()
    {
        var folder = CliRunner.TempFolder();
        var original = Path.Combine(folder, "original.csv");
        var synthetic = Path.Combine(folder, "synthetic.csv");
        await TableWriter.WriteCsvAsync(PatientTableGenerator.Generate(250, seed: 1, name: "original"), original, TestContext.Current.CancellationToken);
        await TableWriter.WriteCsvAsync(PatientTableGenerator.Generate(200, seed: 9, name: "synthetic"), synthetic, TestContext.Current.CancellationToken);

        var (code, text) = await CliRunner.RunAsync("metrics", "--original", original, "--avatars", synthetic, "--output", Path.Combine(folder, "m"));

        Assert.True(code == 0, text);
        var privacy = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "m", "original.privacy.json"), TestContext.Current.CancellationToken))!;
        Assert.Null(privacy["hidden_rate"]);
        Assert.NotNull(privacy["distance_to_closest"]);
        Assert.Contains("not computed", text);
    }

    [Fact]
    public async Task Metrics_PairedWithDifferentRowCounts_IsExplained()
    {
        var folder = CliRunner.TempFolder();
        var original = Path.Combine(folder, "original.csv");
        var synthetic = Path.Combine(folder, "synthetic.csv");
        await TableWriter.WriteCsvAsync(PatientTableGenerator.Generate(50, seed: 1, name: "original"), original, TestContext.Current.CancellationToken);
        await TableWriter.WriteCsvAsync(PatientTableGenerator.Generate(40, seed: 9, name: "synthetic"), synthetic, TestContext.Current.CancellationToken);

        var (code, text) = await CliRunner.RunAsync("metrics", "--original", original, "--avatars", synthetic, "--paired");

        Assert.Equal(1, code);
        Assert.Contains("--paired needs one avatar per original: 'original' has 50 rows and 'synthetic' has 40", text);
    }

    [Fact]
    public async Task Metrics_OnThePublishedWbcdAvatars_ReproducesThePaper()
    {
        var original = Avatars.Testing.SharedData.PathOf("wbcd/breast_cancer_wisconsin.csv");
        var avatars = Avatars.Testing.SharedData.PathOf("wbcd/breast_cancer_wisconsin_avatarized_k20.csv");
        var folder = CliRunner.TempFolder();

        var (code, text) = await CliRunner.RunAsync("metrics", "--original", original, "--avatars", avatars, "--paired", "--ncp", "2", "--id", "Sample_code_number", "--type", "Class=category", "--output", folder);

        Assert.True(code == 0, text);
        var privacy = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "breast_cancer_wisconsin.privacy.json"), TestContext.Current.CancellationToken))!;
        Assert.Equal(92.68, Math.Round(privacy["hidden_rate"]!.GetValue<double>(), 2));
        Assert.Equal(24, privacy["local_cloaking"]!.GetValue<double>());
        Assert.Equal(52.42, Math.Round(privacy["row_direct_match_protection"]!.GetValue<double>(), 2));
        var signal = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "breast_cancer_wisconsin.signal.json"), TestContext.Current.CancellationToken))!;
        Assert.Equal(2.34, Math.Round(signal["correlation_difference_ratio"]!.GetValue<double>(), 2));
    }
}
