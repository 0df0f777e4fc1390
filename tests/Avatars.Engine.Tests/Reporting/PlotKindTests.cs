using Avatars.Engine.Reporting.Plots;

namespace Avatars.Engine.Tests.Reporting;

public sealed class PlotKindTests
{
    [Theory]
    [InlineData(PlotKind.Correlation, "correlation")]
    [InlineData(PlotKind.CorrelationDifference, "correlation_difference")]
    [InlineData(PlotKind.Contribution, "contribution")]
    [InlineData(PlotKind.Projection2D, "2d_projection")]
    [InlineData(PlotKind.Projection3D, "3d_projection")]
    [InlineData(PlotKind.Distribution, "distribution")]
    [InlineData(PlotKind.AggregateStats, "aggregate_stats")]
    public void WireNames_RoundTrip(PlotKind kind, string wire)
    {
        Assert.Equal(wire, kind.ToWireName());
        Assert.Equal(kind, PlotKindNames.Parse(wire));
    }

    [Fact]
    public void Parse_UnknownName_ListsTheNames()
    {
        var error = Assert.Throws<ArgumentException>(() => PlotKindNames.Parse("4d_projection"));
        Assert.Contains("2d_projection", error.Message, StringComparison.Ordinal);
        Assert.False(PlotKindNames.TryParse("Projection2D", out _));
    }

    [Fact]
    public void FileNames_EscapeTheTableName()
    {
        Assert.Equal("a_dot_b_slash_c.2d_projection.html", FigureFileNames.For("a.b/c", PlotKind.Projection2D));
        Assert.Equal("t_plus_u_ampersand_.distribution-3.html", FigureFileNames.For("t+u&", PlotKind.Distribution, 3));
    }

    [Fact]
    public void PointSampler_IsUniformDeterministicAndSorted()
    {
        var a = PointSampler.Sample(100_000, 10_000, 5);
        var b = PointSampler.Sample(100_000, 10_000, 5);
        Assert.Equal(a, b);
        Assert.Equal(10_000, a.Distinct().Count());
        Assert.True(a.Zip(a.Skip(1)).All(p => p.First < p.Second));
        var firstHalf = a.Count(i => i < 50_000);
        Assert.InRange(firstHalf, 4_700, 5_300);
        Assert.NotEqual(a, PointSampler.Sample(100_000, 10_000, 6));
        Assert.Equal(Enumerable.Range(0, 7), PointSampler.Sample(7, 10, 1));
    }

    [Fact]
    public void Markup_EscapesEverythingDangerous()
    {
        Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt;", Markup.Escape("<script>alert(1)</script>"));
        Assert.Equal("&quot; onload=&#39;x&#39; &amp;", Markup.Escape("\" onload='x' &"));
        Assert.Equal("a\uFFFDb", Markup.Escape("a\u0001b"));
        Assert.Equal("1.5", Markup.Coord(1.5));
        Assert.Equal("0", Markup.Coord(double.NaN));
    }
}

public sealed class TickTests
{
    private static double Seconds(int year, int month, int day) => (new DateTime(year, month, day) - DateTime.UnixEpoch).TotalSeconds;

    [Fact]
    public void DateTicks_FallOnCalendarBoundaries()
    {
        var years = Ticks.Dates(Seconds(2015, 3, 4), Seconds(2024, 8, 1));
        Assert.Equal(["2016", "2018", "2020", "2022", "2024"], years.Select(t => t.Label));
        var months = Ticks.Dates(Seconds(2022, 1, 15), Seconds(2022, 12, 20));
        Assert.All(months, t => Assert.Matches("^2022-(0[1-9]|1[0-2])$", t.Label));
        Assert.InRange(months.Length, 3, 12);
        var days = Ticks.Dates(Seconds(2022, 1, 1), Seconds(2022, 1, 20));
        Assert.Equal("2022-01-01", days[0].Label);
    }

    [Fact]
    public void ZeroBasedAxis_EndsOnATick()
    {
        var (max, ticks) = Ticks.ZeroBased(17.3);
        Assert.Equal(20, max);
        Assert.Equal(20, ticks[^1]);
        Assert.Equal(0, ticks[0]);
    }
}
