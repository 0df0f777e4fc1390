using Avatars.Data;
using Avatars.Data.Generation;

namespace Avatars.Cli.Tests;

public sealed class RunCommandTests
{
    private const string Yaml = """
        kind: AvatarSchema
        metadata:
          name: schema
        spec:
          tables:
          - name: patients
            data:
              volume: input
              file: patients.csv
        ---
        kind: AvatarSchema
        metadata:
          name: schema_avatarized
        spec:
          tables:
          - name: patients
            avatars_data:
              auto: true
          schema_ref: schema
        ---
        kind: AvatarParameters
        metadata:
          name: standard
        spec:
          schema: schema
          avatarization:
            patients:
              k: 10
          seed: 3
        ---
        kind: AvatarPrivacyMetricsParameters
        metadata:
          name: privacy_metrics
        spec:
          schema: schema_avatarized
          avatarization_ref: standard
          privacy_metrics:
            patients: {}
        ---
        kind: AvatarSignalMetricsParameters
        metadata:
          name: signal_metrics
        spec:
          schema: schema_avatarized
          avatarization_ref: standard
          signal_metrics:
            patients: {}
        """;

    [Fact]
    public async Task Run_executes_every_job_on_an_embedded_server_and_downloads_the_results()
    {
        var folder = CliRunner.TempFolder();
        await TableWriter.WriteCsvAsync(PatientTableGenerator.Generate(200, 5, "patients"), Path.Combine(folder, "patients.csv"), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "set.yaml"), Yaml, TestContext.Current.CancellationToken);
        var output = Path.Combine(folder, "out");

        var (code, text) = await CliRunner.RunAsync("run", Path.Combine(folder, "set.yaml"), "--output", output);

        Assert.True(code == 0, text);
        Assert.True(File.Exists(Path.Combine(output, "standard", "patients.shuffled-0.csv")), text);
        Assert.True(File.Exists(Path.Combine(output, "privacy_metrics", "patients.privacy.json")), text);
        Assert.True(File.Exists(Path.Combine(output, "signal_metrics", "patients.signal.json")), text);
    }

    [Fact]
    public async Task A_missing_data_file_is_reported_before_anything_runs()
    {
        var folder = CliRunner.TempFolder();
        await File.WriteAllTextAsync(Path.Combine(folder, "set.yaml"), Yaml, TestContext.Current.CancellationToken);
        var (code, text) = await CliRunner.RunAsync("run", Path.Combine(folder, "set.yaml"));
        Assert.Equal(1, code);
        Assert.Contains("'patients.csv'", text, StringComparison.Ordinal);
        Assert.Contains("--data", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_job_is_reported_with_the_server_message_and_exit_code_1()
    {
        var folder = CliRunner.TempFolder();
        await TableWriter.WriteCsvAsync(PatientTableGenerator.Generate(50, 5, "patients"), Path.Combine(folder, "patients.csv"), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "set.yaml"), Yaml.Replace("k: 10", "k: 80", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        var (code, text) = await CliRunner.RunAsync("run", Path.Combine(folder, "set.yaml"), "--output", Path.Combine(folder, "out"));
        Assert.Equal(1, code);
        Assert.Contains("error", text, StringComparison.Ordinal);
        Assert.Contains("k", text, StringComparison.Ordinal);
        Assert.Contains("parent_error", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_vendor_clients_single_table_yaml_runs_unchanged()
    {
        var iris = Avatars.Testing.SharedData.PathOf("avatar-python/iris.csv");
        var yaml = VendorYaml("single-table-1.0.8.yaml");
        var output = Path.Combine(CliRunner.TempFolder(), "out");
        var (code, text) = await CliRunner.RunAsync("run", yaml, "--data", Path.GetDirectoryName(iris)!, "--output", output);
        Assert.True(code == 0, text);
        Assert.True(File.Exists(Path.Combine(output, "standard", "iris.shuffled-0.csv")), text);
        Assert.True(File.Exists(Path.Combine(output, "report", "report.pdf")), text);
    }

    /// <summary>sdk.md §9.7 (patient k = 5, doctor with differential privacy ε = 3, visit k = 5, two LSA links), over HTTP.</summary>
    [Fact]
    public async Task The_vendor_clients_multi_table_yaml_runs_unchanged()
    {
        var data = Path.GetDirectoryName(Avatars.Testing.SharedData.PathOf("avatar-python/visit.csv"))!;
        var output = Path.Combine(CliRunner.TempFolder(), "out");
        var (code, text) = await CliRunner.RunAsync("run", VendorYaml("multi-table-1.0.8.yaml"), "--data", data, "--output", output);
        Assert.True(code == 0, text);
        foreach (var table in new[] { "patient", "doctor", "visit" })
        {
            Assert.True(File.Exists(Path.Combine(output, "standard", $"{table}.shuffled-0.csv")), text);
        }

        Assert.True(File.Exists(Path.Combine(output, "privacy_metrics", "visit.to_bottom_id_propagated.doctor.privacy.json")), text);
        Assert.True(File.Exists(Path.Combine(output, "report", "report.pdf")), text);
    }

    private static string VendorYaml(string name)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Avatars.slnx")))
        {
            root = root.Parent!;
        }

        return Path.Combine(root.FullName, "tests", "Avatars.Config.Tests", "Resources", name);
    }
}
