using System.Text;
using System.Text.Json.Nodes;
using Avatars.Client.Tests.Fakes;
using Avatars.Data;

namespace Avatars.Client.Tests.Results;

/// <summary>The vendor's tests/unit/test_file_downloader.py, adapted (sdk.md §6.2, §6.3).</summary>
public sealed class ResultFileParserTests
{
    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void Files_are_parsed_by_extension()
    {
        var table = Assert.IsType<Table>(ResultFileParser.Parse("t.shuffled-0.csv", Utf8("a,b,c\n1,2.5,x\n4,NA,y\n")));
        Assert.Equal([ColumnType.Int, ColumnType.Float, ColumnType.Category], table.Columns.Select(c => c.Type));
        var metrics = Assert.IsAssignableFrom<IReadOnlyList<JsonObject>>(ResultFileParser.Parse("t.privacy.json", Utf8(""" {"hidden_rate": 90} """)));
        Assert.Equal(90, Assert.Single(metrics)["hidden_rate"]!.GetValue<int>());
        Assert.Equal(2, Assert.IsAssignableFrom<IReadOnlyList<JsonObject>>(ResultFileParser.Parse("advice.json", Utf8("[{}, {}]"))).Count);
        Assert.Equal("<div>Test</div>", Assert.IsType<HtmlFigure>(ResultFileParser.Parse("t.2d_projection.html", Utf8("<div>Test</div>"))).Html);
        Assert.Equal(ResultFileParser.PdfWithoutPathMessage, Assert.Throws<InvalidOperationException>(() => ResultFileParser.Parse("report.pdf", [1])).Message);
        Assert.Null(ResultFileParser.Parse("report.md", Utf8("# report")));
    }

    [Fact]
    public void Known_types_apply_to_present_columns_and_fall_back_to_inference()
    {
        var types = new Dictionary<string, ColumnType> { ["a"] = ColumnType.Category, ["absent"] = ColumnType.Int };
        var typed = ResultFileParser.ReadCsv([Utf8("a,b\n1,2\n")], types, "t");
        Assert.Equal([ColumnType.Category, ColumnType.Int], typed.Columns.Select(c => c.Type));
        var fallback = ResultFileParser.ReadCsv([Utf8("a,b\n1.5,2\n")], new Dictionary<string, ColumnType> { ["a"] = ColumnType.Int, ["b"] = ColumnType.Category }, "t");
        Assert.Equal([ColumnType.Float, ColumnType.Category], fallback.Columns.Select(c => c.Type));
    }

    [Fact]
    public void Csv_chunks_are_concatenated_in_order()
    {
        var table = ResultFileParser.ReadCsv([Utf8("a,b\n1,x\n"), Utf8("a,b\n2,y"), Utf8("a,b\n3,z\n")], null, "t");
        Assert.Equal(["1", "2", "3"], Enumerable.Range(0, 3).Select(r => table["a"].FormatValue(r)));
    }

    [Fact]
    public async Task The_downloader_writes_a_pdf_to_its_path_and_parses_the_rest()
    {
        var fake = new FakeApiClient();
        var downloader = new ResultFileDownloader(fake);
        fake.Files["report.pdf"] = "%PDF-1.4 content";
        fake.Files["t.signal.json"] = """{"hellinger_mean": 0.1}""";
        var ct = TestContext.Current.CancellationToken;
        await Assert.ThrowsAsync<InvalidOperationException>(() => downloader.DownloadFileAsync("https://storage.test/report-1/report.pdf?sig=1", cancellationToken: ct));
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".pdf");
        try
        {
            Assert.Equal($"Report saved successfully {path}", await downloader.DownloadFileAsync("https://storage.test/report-1/report.pdf?sig=1", path, cancellationToken: ct));
            Assert.Equal("%PDF-1.4 content", await File.ReadAllTextAsync(path, ct));
        }
        finally
        {
            File.Delete(path);
        }

        Assert.IsAssignableFrom<IReadOnlyList<JsonObject>>(await downloader.DownloadFileAsync("https://storage.test/signal-1/t.signal.json?sig=1", cancellationToken: ct));
    }

    [Fact]
    public void The_console_reporter_writes_status_changes_and_ten_percent_steps()
    {
        var writer = new StringWriter();
        var reporter = new ConsoleJobProgress(writer);
        foreach (var (status, progress) in new (string, double?)[] { ("pending", null), ("pending", null), ("running", 0.01), ("running", 0.05), ("running", 0.12), ("finished", 1.0) })
        {
            reporter.Report(new JobProgress(Avatars.Client.Models.JobKind.SignalMetrics, "j", status, progress));
        }

        Assert.Equal(["signal_metrics job j: pending", "signal_metrics job j: running 0%", "signal_metrics job j: running 10%", "signal_metrics job j: finished 100%"], writer.ToString().TrimEnd('\n').Split('\n'));
    }
}
