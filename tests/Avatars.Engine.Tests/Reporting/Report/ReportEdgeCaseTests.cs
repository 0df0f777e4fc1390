using System.Text.RegularExpressions;
using Avatars.Engine.Reporting.Report;
using UglyToad.PdfPig;

namespace Avatars.Engine.Tests.Reporting.Report;

public sealed class ReportEdgeCaseTests
{
    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"1\" height=\"1\"/></svg>", true)]
    [InlineData("<svg><text>&lt;script&gt;</text></svg>", true)]
    [InlineData("<svg><script>alert(1)</script></svg>", false)]
    [InlineData("<svg onload=\"alert(1)\"></svg>", false)]
    [InlineData("<svg><image href=\"https://example.org/x.png\"/></svg>", false)]
    [InlineData("<svg><a xlink:href=\"javascript:alert(1)\">x</a></svg>", false)]
    [InlineData("<svg><foreignObject><div/></foreignObject></svg>", false)]
    [InlineData("<svg><style>@import 'x.css';</style></svg>", false)]
    [InlineData("<div>not svg</div>", false)]
    public void Svg_safety_check(string svg, bool safe) => Assert.Equal(safe, HtmlReportWriter.IsSafeSvg(svg));

    [Fact]
    public void Unsafe_svg_is_omitted_from_html()
    {
        var content = SampleReport.Build() with
        {
            Figures = [new ReportFigure { Title = "Bad", Svg = "<svg><script>alert(2)</script></svg>" }],
        };
        string html = HtmlReportWriter.Render(content);
        Assert.DoesNotContain("alert(2)", html, StringComparison.Ordinal);
        Assert.Contains("figure was omitted", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_model_is_drawn_as_svg_when_figure_has_no_svg()
    {
        var sample = SampleReport.Build();
        var content = sample with { Figures = [.. sample.Figures.Select(f => f with { Svg = null })] };
        string html = HtmlReportWriter.Render(content);
        Assert.Equal(2, Regex.Matches(html, "<svg ").Count);
        Assert.Contains("<circle", html, StringComparison.Ordinal);
        Assert.Contains("stroke-dasharray", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        foreach (Match m in Regex.Matches(html, "<svg .*?</svg>", RegexOptions.Singleline))
        {
            Assert.True(HtmlReportWriter.IsSafeSvg(m.Value));
        }

        string dir = Path.Combine(Path.GetTempPath(), "avatars-report-sample");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "fallback.html"), html);
    }

    [Fact]
    public void Awkward_content_renders_without_error()
    {
        string longWord = new('W', 400);
        var content = new ReportContent
        {
            Title = "Report " + longWord,
            DatasetName = "Données — ñ ü ß € « » " + longWord,
            GeneratedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)),
            RowCount = 3,
            ColumnCount = 12,
            Metrics =
            [
                new ReportMetric { Group = "Privacy", Key = "hidden_rate", DisplayName = "Hidden rate", Value = double.NaN, Unit = "%", Target = "> 90 %" },
                new ReportMetric { Group = "Other", Key = "x", DisplayName = longWord, Value = -1.5, Explanation = longWord + " " + longWord },
            ],
            Figures =
            [
                new ReportFigure { Title = "Empty bars", Chart = new BarChart { Labels = [], Series = [] } },
                new ReportFigure
                {
                    Title = "Negative and missing bars",
                    Chart = new BarChart { Labels = ["a", "b", "c"], Series = [new BarSeries("s", [-0.5, double.NaN])], Threshold = double.PositiveInfinity },
                },
                new ReportFigure { Title = "One point", Chart = new ScatterChart { Series = [new ScatterSeries("p", [new ScatterPoint(1, 1)])] } },
                new ReportFigure { Title = "No points", Chart = new ScatterChart { Series = [new ScatterSeries("p", [new ScatterPoint(double.NaN, 0)])] } },
                new ReportFigure { Title = "No chart" },
            ],
            Tables =
            [
                new ReportTable { Title = "Empty", Headers = ["A"], Rows = [] },
                new ReportTable
                {
                    Title = "Wide",
                    Headers = [.. Enumerable.Range(0, 12).Select(i => "Column header " + i)],
                    Rows = [["short"], [.. Enumerable.Range(0, 12).Select(_ => longWord[..60])], [string.Join(' ', Enumerable.Repeat("very long cell", 800))]],
                },
            ],
            Warnings = [longWord],
        };

        byte[] pdf = PdfReportWriter.Render(content);
        string dir = Path.Combine(Path.GetTempPath(), "avatars-report-sample");
        Directory.CreateDirectory(dir);
        File.WriteAllBytes(Path.Combine(dir, "awkward.pdf"), pdf);
        using var doc = PdfDocument.Open(pdf);
        string text = Regex.Replace(string.Join(" ", doc.GetPages().Select(p => p.Text)), @"\s+", "");
        Assert.Contains("Données", text, StringComparison.Ordinal);
        Assert.Contains("n/a", text, StringComparison.Ordinal);
        Assert.Contains("-1.50", text, StringComparison.Ordinal);
        Assert.Contains("2026-01-0201:04UTC", text, StringComparison.Ordinal);
        Assert.Contains("Données", HtmlReportWriter.Render(content), StringComparison.Ordinal);
    }
}
