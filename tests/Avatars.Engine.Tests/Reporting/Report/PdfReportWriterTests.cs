using System.Text;
using System.Text.RegularExpressions;
using Avatars.Engine.Reporting.Report;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace Avatars.Engine.Tests.Reporting.Report;

public sealed class PdfReportWriterTests
{
    private static readonly byte[] Pdf = PdfReportWriter.Render(SampleReport.Build());

    private static List<string> PageTexts()
    {
        using var doc = PdfDocument.Open(Pdf);
        return [.. doc.GetPages().Select(p => Regex.Replace(p.Text, @"\s+", " "))];
    }

    private static string Compact(string s) => Regex.Replace(s, @"\s+", "");

    [Fact]
    public void Contains_every_metric_name_and_value()
    {
        var content = SampleReport.Build();
        string all = Compact(string.Join(" ", PageTexts()));
        foreach (var m in content.Metrics)
        {
            Assert.Contains(Compact(m.DisplayName), all, StringComparison.Ordinal);
            Assert.Contains(Compact(ReportText.FormatValue(m.Value, m.Unit)), all, StringComparison.Ordinal);
        }

        Assert.Contains(Compact(SampleReport.Malicious), all, StringComparison.Ordinal);
    }

    [Fact]
    public void Has_at_least_one_page_per_section()
    {
        var pages = PageTexts();
        string[] sections = ["Summary of metrics", "How to read this report", "Privacy metrics", "Signal metrics", "Figures", "Hellinger distance per variable", "Run metadata"];
        using var doc = PdfDocument.Open(Pdf);
        Assert.True(doc.TryGetBookmarks(out var bookmarks));
        var nodes = bookmarks.Roots.OfType<DocumentBookmarkNode>().ToList();
        Assert.Equal(sections, nodes.Select(n => n.Title));
        var starts = nodes.Select(n => n.PageNumber).ToList();
        Assert.True(starts[0] > 1, "the title page comes first");
        for (int i = 1; i < starts.Count; i++)
        {
            Assert.True(starts[i] > starts[i - 1], "each section starts on a new page");
        }

        for (int i = 0; i < sections.Length; i++)
        {
            Assert.Contains(Compact(sections[i]), Compact(pages[starts[i] - 1]), StringComparison.Ordinal);
        }

        Assert.Contains("Page 1 of " + pages.Count, pages[0], StringComparison.Ordinal);
        Assert.Contains("Page " + pages.Count + " of " + pages.Count, pages[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Long_table_breaks_across_pages_with_repeated_header()
    {
        var pages = PageTexts();
        var withRows = pages.Select((p, i) => (p, i)).Where(t => t.p.Contains("variable_", StringComparison.Ordinal) && t.p.Contains("Missing values", StringComparison.Ordinal)).ToList();
        Assert.True(withRows.Count >= 2, "the 50-row table should span at least two pages");
        Assert.Contains("(continued)", withRows[^1].p, StringComparison.Ordinal);
        string all = string.Join(" ", pages);
        for (int i = 1; i <= 50; i++)
        {
            if (i != 7)
            {
                Assert.Contains("variable_" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture), all, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Fonts_are_embedded_liberation_sans()
    {
        using var doc = PdfDocument.Open(Pdf);
        var fonts = doc.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().ToList();
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.Contains("Liberation Sans", f, StringComparison.Ordinal));

        string raw = Encoding.Latin1.GetString(Pdf);
        int descriptors = Regex.Matches(raw, @"/Type\s*/FontDescriptor").Count;
        int files = Regex.Matches(raw, @"/FontFile2\s").Count;
        Assert.True(descriptors >= 2);
        Assert.Equal(descriptors, files);
    }

    [Fact]
    public void Output_is_deterministic_and_dated_from_content()
    {
        Assert.Equal(Pdf, PdfReportWriter.Render(SampleReport.Build()));
        using var doc = PdfDocument.Open(Pdf);
        Assert.True(doc.Information.GetCreatedDateTimeOffset() is { } created && created.UtcDateTime == new DateTime(2026, 11, 27, 9, 30, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void Xmp_metadata_stays_well_formed_with_markup_in_the_data_set_name()
    {
        byte[] pdf = PdfReportWriter.Render(SampleReport.Build() with { DatasetName = "A & B <unclosed " + SampleReport.Malicious });
        string raw = Encoding.UTF8.GetString(pdf);
        int start = raw.IndexOf("<x:xmpmeta", StringComparison.Ordinal);
        int end = raw.IndexOf("</x:xmpmeta>", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start);
        var xmp = System.Xml.Linq.XDocument.Parse(raw[start..(end + "</x:xmpmeta>".Length)]);
        Assert.Contains("alert(1)", xmp.ToString(), StringComparison.Ordinal);
        using var doc = PdfDocument.Open(pdf);
        Assert.Contains("A \uFF06 B \uFF1Cunclosed", doc.Information.Title, StringComparison.Ordinal);
        Assert.Contains("A&B<unclosed", Compact(string.Join(" ", doc.GetPages().Select(p => p.Text))), StringComparison.Ordinal);
    }

    [Fact]
    public void Concurrent_renders_give_identical_bytes()
    {
        var content = SampleReport.Build();
        var results = new byte[4][];
        Parallel.For(0, results.Length, i => results[i] = PdfReportWriter.Render(content));
        Assert.All(results, r => Assert.Equal(Pdf, r));
    }

    [Fact]
    public void Font_resolver_install_is_thread_safe_and_idempotent()
    {
        Parallel.For(0, 16, _ => ReportFontResolver.EnsureInstalled());
        Assert.NotNull(PdfSharp.Fonts.GlobalFontSettings.FontResolver);
        var resolver = new ReportFontResolver();
        Assert.NotNull(resolver.GetFont(resolver.ResolveTypeface("Anything", true, false)!.FaceName));
        Assert.Null(resolver.GetFont("Unknown"));
    }

    [Fact]
    public void Minimal_content_renders()
    {
        var content = new ReportContent { Title = "T", DatasetName = "D", GeneratedAt = DateTimeOffset.UnixEpoch, RowCount = 0, ColumnCount = 0 };
        byte[] pdf = PdfReportWriter.Render(content);
        using var doc = PdfDocument.Open(pdf);
        Assert.True(doc.NumberOfPages >= 2);
        Assert.Contains("<!DOCTYPE html>", HtmlReportWriter.Render(content), StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_files_for_visual_inspection()
    {
        string dir = Path.Combine(Path.GetTempPath(), "avatars-report-sample");
        Directory.CreateDirectory(dir);
        var content = SampleReport.Build();
        PdfReportWriter.WriteFile(content, Path.Combine(dir, "report.pdf"));
        HtmlReportWriter.WriteFile(content, Path.Combine(dir, "report.html"));
        Assert.True(new FileInfo(Path.Combine(dir, "report.pdf")).Length > 10_000);
    }
}
