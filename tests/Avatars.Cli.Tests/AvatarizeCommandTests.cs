using Avatars.Data;
using Avatars.Data.Generation;

namespace Avatars.Cli.Tests;

public sealed class AvatarizeCommandTests
{
    [Fact]
    public async Task Avatarize_WritesShuffledAvatarsAndPrintsMetrics()
    {
        var folder = CliRunner.TempFolder();
        var input = Path.Combine(folder, "patients.csv");
        await TableWriter.WriteCsvAsync(PatientTableGenerator.Generate(400, seed: 1), input, TestContext.Current.CancellationToken);

        var (code, output) = await CliRunner.RunAsync("avatarize", input, "--k", "10", "--seed", "3", "--output", Path.Combine(folder, "out"), "--keep-unshuffled");

        Assert.True(code == 0, output);
        Assert.Contains("Hidden rate", output);
        Assert.Contains("│ Local cloaking ", output);
        var avatars = TableReader.ReadCsv(Path.Combine(folder, "out", "patients.avatars.csv"));
        Assert.Equal(400, avatars.RowCount);
        Assert.Equal(20, avatars.ColumnCount);
        Assert.True(File.Exists(Path.Combine(folder, "out", "patients.SENSITIVE-unshuffled-avatars.csv")));
        Assert.Contains("SENSITIVE", output);
    }

    [Fact]
    public async Task Avatarize_WithTypeOverrideWeightsAndExclusion_Runs()
    {
        var folder = CliRunner.TempFolder();
        var input = Path.Combine(folder, "patients.csv");
        await TableWriter.WriteCsvAsync(PatientTableGenerator.Generate(300, seed: 2), input, TestContext.Current.CancellationToken);

        var (code, output) = await CliRunner.RunAsync(
            "avatarize", input, "--k", "8", "--ncp", "3", "--seed", "1", "--type", "visits_last_year=category",
            "--column-weight", "age=2", "--exclude", "region", "--output", Path.Combine(folder, "out"));

        Assert.True(code == 0, output);
        var avatars = TableReader.ReadCsv(Path.Combine(folder, "out", "patients.avatars.csv"));
        Assert.Equal(300, avatars.RowCount);
    }

    [Fact]
    public async Task KTooLarge_PrintsThePreciseMessageAndFails()
    {
        var folder = CliRunner.TempFolder();
        var input = Path.Combine(folder, "small.csv");
        await TableWriter.WriteCsvAsync(PatientTableGenerator.Generate(50, seed: 2, name: "small"), input, TestContext.Current.CancellationToken);

        var (code, output) = await CliRunner.RunAsync("avatarize", input, "--k", "50", "--output", Path.Combine(folder, "out"));

        Assert.Equal(1, code);
        Assert.Contains("error: k = 50 must be smaller than the number of rows of table 'small' (50)", output);
        Assert.False(File.Exists(Path.Combine(folder, "out", "small.avatars.csv")));
    }

    [Fact]
    public async Task MissingFile_PrintsThePath()
    {
        var (code, output) = await CliRunner.RunAsync("avatarize", "/nonexistent/table.csv", "--k", "5");
        Assert.Equal(1, code);
        Assert.Contains("/nonexistent/table.csv", output);
    }

    [Fact]
    public async Task BadTypeOverride_IsAUsageError()
    {
        var folder = CliRunner.TempFolder();
        var input = Path.Combine(folder, "p.csv");
        await TableWriter.WriteCsvAsync(PatientTableGenerator.Generate(30, seed: 2), input, TestContext.Current.CancellationToken);
        var (code, output) = await CliRunner.RunAsync("avatarize", input, "--k", "5", "--type", "age=number");
        Assert.Equal(1, code);
        Assert.Contains("--type age=number: unknown type 'number'", output);
    }
}

public sealed class ParquetInputTests
{
    [Fact]
    public async Task Avatarize_ReadsParquet()
    {
        var folder = CliRunner.TempFolder();
        var input = Path.Combine(folder, "patients.parquet");
        await TableWriter.WriteParquetAsync(PatientTableGenerator.Generate(200, seed: 4), input, TestContext.Current.CancellationToken);

        var (code, output) = await CliRunner.RunAsync("avatarize", input, "--k", "5", "--output", Path.Combine(folder, "out"));

        Assert.True(code == 0, output);
        var avatars = TableReader.ReadCsv(Path.Combine(folder, "out", "patients.avatars.csv"));
        Assert.Equal(200, avatars.RowCount);
        Assert.DoesNotContain("Seed", output);
    }
}

public sealed class DelimiterOptionTests
{
    [Fact]
    public async Task ForcedDelimiter_IsUsedAndAWrongOneIsExplained()
    {
        var folder = CliRunner.TempFolder();
        var input = Path.Combine(folder, "semi.csv");
        await File.WriteAllTextAsync(input, "a;b;c\n1;2;x\n3;4;y\n5;6;x\n7;8;y\n9;1;x\n", TestContext.Current.CancellationToken);

        var (ok, okOutput) = await CliRunner.RunAsync("avatarize", input, "--k", "2", "--delimiter", ";", "--output", Path.Combine(folder, "out"));
        Assert.True(ok == 0, okOutput);

        var (wrong, wrongOutput) = await CliRunner.RunAsync("avatarize", input, "--k", "2", "--delimiter", ",", "--output", Path.Combine(folder, "out2"));
        Assert.Equal(1, wrong);
        Assert.Contains("seems to use ';'", wrongOutput);

        var (bad, badOutput) = await CliRunner.RunAsync("avatarize", input, "--k", "2", "--delimiter", ";;");
        Assert.Equal(1, bad);
        Assert.Contains("--delimiter ';;': give a single character", badOutput);
    }
}
