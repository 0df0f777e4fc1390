using System.Net;
using System.Text.RegularExpressions;
using Avatars.Engine.Reporting.Report;

namespace Avatars.Engine.Tests.Reporting.Report;

public sealed class HtmlReportWriterTests
{
    private static readonly string Html = HtmlReportWriter.Render(SampleReport.Build());

    [Fact]
    public void User_text_is_escaped()
    {
        Assert.DoesNotContain("<script", Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Has_no_external_resource()
    {
        Assert.DoesNotMatch(new Regex(@"(src|href|action)\s*=\s*[""']?\s*(https?:)?//", RegexOptions.IgnoreCase), Html);
        Assert.DoesNotMatch(new Regex(@"url\(\s*[""']?\s*(https?:)?//", RegexOptions.IgnoreCase), Html);
        Assert.DoesNotContain("@import", Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("default-src 'none'", Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Contains_every_metric_name_key_and_value()
    {
        var content = SampleReport.Build();
        Assert.Equal(14, content.Metrics.Count);
        foreach (var m in content.Metrics)
        {
            Assert.Contains(WebUtility.HtmlEncode(m.DisplayName), Html, StringComparison.Ordinal);
            Assert.Contains(m.Key, Html, StringComparison.Ordinal);
            Assert.Contains(WebUtility.HtmlEncode(ReportText.FormatValue(m.Value, m.Unit)), Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Has_sections_figures_tables_and_print_css()
    {
        foreach (string s in new[] { "Summary of metrics", "How to read this report", "Threat model", "Privacy metrics", "Signal metrics", "Figures", "Run metadata", "<svg", "variable_50", "break-before: page" })
        {
            Assert.Contains(s, Html, StringComparison.Ordinal);
        }

        Assert.Equal(2, Regex.Matches(Html, "<figure>").Count);
        Assert.Equal(2, Regex.Matches(Html, "class=\"badge fail\"").Count); // summary + privacy section
    }

    [Fact]
    public void Output_is_deterministic() =>
        Assert.Equal(Html, HtmlReportWriter.Render(SampleReport.Build()));

    [Theory]
    [InlineData(92.68, "%", "92.68 %")]
    [InlineData(0.0298, "", "0.0298")]
    [InlineData(24.0, "", "24.00")]
    [InlineData(null, "%", "n/a")]
    [InlineData(double.NaN, "", "n/a")]
    public void Values_are_formatted_invariantly(double? value, string unit, string expected) =>
        Assert.Equal(expected, ReportText.FormatValue(value, unit));
}
