using System.Text.Json;
using System.Text.RegularExpressions;
using Avatars.Data;
using Avatars.Engine.Reporting.Plots;

namespace Avatars.Engine.Tests.Reporting;

public sealed partial class FigureTests
{
    [Fact]
    public void BuildAll_GivesEveryKind_WithTheResultFileNames()
    {
        var figures = PlotTestData.Figures;
        var columns = PlotTestData.Original.ColumnCount;
        Assert.Equal(6 + columns, figures.Count);
        foreach (var kind in PlotKindNames.All.Where(k => k != PlotKind.Distribution))
        {
            var figure = Assert.Single(figures, f => f.Kind == kind.ToWireName());
            Assert.Equal($"patients.{kind.ToWireName()}.html", figure.FileName);
        }

        var distributions = figures.Where(f => f.Kind == "distribution").ToArray();
        Assert.Equal(columns, distributions.Length);
        Assert.Equal(Enumerable.Range(0, columns).Select(i => $"patients.distribution-{i}.html"), distributions.Select(f => f.FileName));
        for (var i = 0; i < columns; i++)
        {
            Assert.Contains(Markup.Escape(PlotTestData.Original[i].Name), distributions[i].Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryFigure_IsWellFormed_AndSelfContained()
    {
        foreach (var figure in PlotTestData.Figures)
        {
            var document = PlotTestData.ParsePage(figure.Html);
            Assert.Equal("html", document.Root!.Name.LocalName);
            Assert.DoesNotContain("http://", figure.Html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("https://", figure.Html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch(RemoteReference(), figure.Html);
            Assert.DoesNotContain("<link", figure.Html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("@import", figure.Html, StringComparison.OrdinalIgnoreCase);
            Assert.StartsWith("<!DOCTYPE html>", figure.Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Charts_HaveSvgContent_WithTooltips()
    {
        var byKind = PlotTestData.Figures.ToLookup(f => f.Kind);
        var correlation = PlotTestData.Svgs(byKind["correlation"].Single().Html);
        Assert.Equal(2, correlation.Count);
        Assert.All(correlation, svg => Assert.Contains(svg.Descendants("rect"), r => (string?)r.Attribute("class") == "cell"));
        Assert.Contains(correlation[0].Descendants("title"), t => t.Value.Contains("age × bmi", StringComparison.Ordinal) || t.Value.Contains(" × ", StringComparison.Ordinal));
        var difference = Assert.Single(PlotTestData.Svgs(byKind["correlation_difference"].Single().Html));
        Assert.Contains(difference.Descendants("title"), t => t.Value.Contains("|Δ| =", StringComparison.Ordinal));
        var contribution = PlotTestData.Svgs(byKind["contribution"].Single().Html);
        Assert.Equal(2, contribution.Count);
        Assert.Contains(contribution[0].Descendants("rect"), r => (string?)r.Attribute("fill") == HtmlPage.OriginalColor);
        var scatter = Assert.Single(PlotTestData.Svgs(byKind["2d_projection"].Single().Html));
        Assert.Equal(2, scatter.Descendants("path").Count());
        Assert.Contains("<canvas", byKind["3d_projection"].Single().Html, StringComparison.Ordinal);
        Assert.Contains("<table class=\"stats\">", byKind["aggregate_stats"].Single().Html, StringComparison.Ordinal);
    }

    [Fact]
    public void AggregateStats_ShowsTheFirstTenNumericColumns()
    {
        var html = PlotTestData.Figures.Single(f => f.Kind == "aggregate_stats").Html;
        var rows = PlotTestData.ParsePage(html).Descendants("tbody").Single().Elements("tr").ToArray();
        var numeric = PlotTestData.Original.Columns.Where(c => c.Type.IsNumeric()).Take(10).Select(c => c.Name).ToArray();
        Assert.Equal(numeric, rows.Select(r => r.Elements("td").First().Value));
        Assert.All(rows, r => Assert.Equal(6, r.Elements("td").Count()));
    }

    [Fact]
    public void Distribution_ShowsMissingValues_AsTheirOwnBar()
    {
        var index = PlotTestData.Original.Columns.ToList().FindIndex(c => c.MissingCount > 0);
        Assert.True(index >= 0, "The patient table has a column with missing values.");
        var html = PlotTestData.Figures.Where(f => f.Kind == "distribution").ElementAt(index).Html;
        Assert.Contains("(missing)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Figures_AreDeterministic()
    {
        var again = FigureSet.BuildAll(PlotTestData.Original, PlotTestData.Avatars, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(PlotTestData.Figures.Select(f => f.Html), again.Select(f => f.Html));
    }

    [Fact]
    public void MaliciousNames_AreEscapedEverywhere()
    {
        const string Evil = "<script>alert(1)</script>";
        const string EvilAttribute = "\" onmouseover=\"alert(2)";
        Table Make(string name, int seed)
        {
            var r = new Random(seed);
            var n = 300;
            var x = Enumerable.Range(0, n).Select(_ => r.NextDouble()).ToArray();
            var y = x.Select(v => v + r.NextDouble()).ToArray();
            var codes = Enumerable.Range(0, n).Select(_ => r.Next(-1, 3)).ToArray();
            return new Table(
            [
                new FloatColumn(Evil, x),
                new FloatColumn(EvilAttribute, y),
                new CategoryColumn("<img src=x onerror=alert(3)>", codes, [Evil, "</svg><script>alert(4)</script>", "ok"]),
            ], name);
        }

        var original = Make("evil<b>", 1);
        var avatars = Make("evil<b>", 2);
        var figures = FigureSet.BuildAll(original, avatars, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(9, figures.Count);
        foreach (var figure in figures)
        {
            Assert.DoesNotContain("<script>alert", figure.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img", figure.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("onmouseover=\"alert", figure.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("<b>", figure.Html, StringComparison.Ordinal);
            Assert.Equal(figure.Html.Split("<script").Length - 1, figure.Html.Split("</script>").Length - 1);
            var document = PlotTestData.ParsePage(figure.Html);
            Assert.DoesNotContain(document.Descendants(), e => e.Name.LocalName is "img" or "b");
            Assert.DoesNotContain(document.Descendants().SelectMany(e => e.Attributes()), a => a.Name.LocalName.StartsWith("on", StringComparison.Ordinal));
        }

        Assert.Contains(figures, f => f.Html.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", StringComparison.Ordinal));
        Assert.Equal("evil<b>.correlation.html", figures.Single(f => f.Kind == "correlation").FileName);
    }

    [Fact]
    public void Projection_SamplesLargeSets_AndSaysSo()
    {
        var original = Numbers(12_000, 1);
        var avatars = Numbers(11_000, 2);
        var projection = ReportProjection.Fit(original, avatars, cancellationToken: TestContext.Current.CancellationToken);
        var figure = Projection2DPlot.Build("big", projection);
        Assert.Contains("Showing 10,000 of 12,000 original points and 10,000 of 11,000 avatar points", figure.Html, StringComparison.Ordinal);
        var svg = Assert.Single(PlotTestData.Svgs(figure.Html));
        foreach (var path in svg.Descendants("path"))
        {
            Assert.Equal(10_000, Regex.Count((string)path.Attribute("d")!, "h0"));
        }

        var three = Projection3DPlot.Build("big", projection);
        Assert.Contains("Showing 10,000 of 12,000", three.Html, StringComparison.Ordinal);
        var json = Regex.Match(three.Html, "<script type=\"application/json\" id=\"figure-data\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        using var data = JsonDocument.Parse(json);
        Assert.Equal(30_000, data.RootElement.GetProperty("original").GetArrayLength());
        Assert.Equal(30_000, data.RootElement.GetProperty("avatars").GetArrayLength());

        var small = Projection2DPlot.Build("small", ReportProjection.Fit(Numbers(50, 1), Numbers(40, 2), cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("All 50 originals and 40 avatars are shown.", small.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Showing", small.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void FiguresMetadata_ListsEveryFigure()
    {
        var json = FiguresMetadata.Build("patients", PlotTestData.Figures);
        using var document = JsonDocument.Parse(json);
        var entries = document.RootElement.EnumerateArray().ToArray();
        Assert.Equal(PlotTestData.Figures.Count, entries.Length);
        for (var i = 0; i < entries.Length; i++)
        {
            Assert.Equal(PlotTestData.Figures[i].Kind, entries[i].GetProperty("kind").GetString());
            Assert.Equal(PlotTestData.Figures[i].FileName, entries[i].GetProperty("filename").GetString());
            Assert.Equal("patients", entries[i].GetProperty("table_name").GetString());
            Assert.Equal(3, entries[i].EnumerateObject().Count());
        }

        Assert.Contains(entries, e => e.GetProperty("filename").GetString() == "patients.2d_projection.html" && e.GetProperty("kind").GetString() == "2d_projection");
        Assert.Equal("figures_metadata.json", FigureFileNames.MetadataFileName);
    }

    [Fact]
    public void Histogram_UsesTheUnionRange_AndCountsEveryRow()
    {
        var original = new FloatColumn("v", [0, 1, 2, 3, double.NaN]);
        var avatars = new FloatColumn("v", [5, 10, double.NaN, double.NaN]);
        var h = DistributionPlot.NumericHistogram(original, avatars, new PlotOptions());
        Assert.Equal(21, h.Labels.Length);
        Assert.Equal(0, h.Edges![0]);
        Assert.Equal(10, h.Edges[^1]);
        Assert.Equal(5, h.Original.Sum());
        Assert.Equal(4, h.Avatars.Sum());
        Assert.Equal(1, h.Original[^1]);
        Assert.Equal(2, h.Avatars[^1]);
        Assert.Equal(1, h.Avatars[^2]);

        var levels = Enumerable.Range(0, 30).Select(i => $"l{i:00}").ToArray();
        var codes = Enumerable.Range(0, 300).Select(i => i % 30).ToArray();
        var bars = DistributionPlot.CategoricalBars(new CategoryColumn("c", codes, levels), new CategoryColumn("c", codes, levels), new PlotOptions());
        Assert.Equal(21, bars.Labels.Length);
        Assert.Equal("(other: 10 values)", bars.Labels[^1]);
        Assert.Equal(300, bars.Original.Sum());
    }

    internal static Table Numbers(int rows, int seed)
    {
        var random = new Random(seed);
        var a = Enumerable.Range(0, rows).Select(_ => random.NextDouble()).ToArray();
        var b = a.Select(v => v * 2 + random.NextDouble()).ToArray();
        var c = Enumerable.Range(0, rows).Select(_ => (long)random.Next(0, 100)).ToArray();
        return new Table([new FloatColumn("a", a), new FloatColumn("b", b), new IntColumn("c", c)], "big");
    }

    [GeneratedRegex("(src|href)\\s*=\\s*[\"']?\\s*(https?:|//|ftp:)", RegexOptions.IgnoreCase)]
    private static partial Regex RemoteReference();
}
