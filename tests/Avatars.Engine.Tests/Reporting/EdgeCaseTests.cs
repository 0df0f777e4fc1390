using Avatars.Data;
using Avatars.Engine.Reporting.Plots;
using Avatars.Engine.Tests.TestSupport;

namespace Avatars.Engine.Tests.Reporting;

public sealed class EdgeCaseTests
{
    public static TheoryData<string> Shapes => ["one-numeric", "categorical-only", "mixed-missing", "all-missing-column", "constant"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void OddTables_GiveWellFormedFigures(string shape)
    {
        var (original, avatars) = Make(shape);
        var figures = FigureSet.BuildAll(original, avatars, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(6 + original.ColumnCount, figures.Count);
        foreach (var figure in figures)
        {
            PlotTestData.ParsePage(figure.Html);
            var at = figure.Html.IndexOf("NaN", StringComparison.Ordinal);
            Assert.True(at < 0, $"{figure.FileName}: {(at < 0 ? "" : figure.Html.Substring(Math.Max(0, at - 200), 260))}");
        }
    }

    [Fact]
    public void AvatarsMissingAColumn_AreShownForTheOriginalOnly()
    {
        var original = SmallTables.Mixed(200);
        var avatars = SmallTables.Mixed(180, seed: 9).Drop("group");
        var figures = DistributionPlot.Build(original, avatars, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(5, figures.Count);
        Assert.Contains("The avatars have no column with this name", figures[3].Html, StringComparison.Ordinal);
        var projection = ReportProjection.Fit(original, avatars, cancellationToken: TestContext.Current.CancellationToken);
        Assert.DoesNotContain("group", projection.Model.ColumnNames);
    }

    private static (Table Original, Table Avatars) Make(string shape)
    {
        Table Build(int seed)
        {
            var random = new Random(seed);
            var n = 120;
            double[] Numbers() => Enumerable.Range(0, n).Select(_ => random.NextDouble() * 10).ToArray();
            return shape switch
            {
                "one-numeric" => new Table([new FloatColumn("only", Numbers())], "t1"),
                "categorical-only" => new Table(
                [
                    new CategoryColumn("c1", Enumerable.Range(0, n).Select(_ => random.Next(0, 4)).ToArray(), ["a", "b", "c", "d"]),
                    new BoolColumn("b1", Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.3).ToArray()),
                ], "t2"),
                "mixed-missing" => new Table(
                [
                    new FloatColumn("x", Numbers().Select((v, i) => i % 7 == 0 ? double.NaN : v).ToArray()),
                    new IntColumn("k", Enumerable.Range(0, n).Select(_ => (long)random.Next(0, 3)).ToArray(), Enumerable.Range(0, n).Select(i => i % 5 == 0).ToArray()),
                    new DateTimeColumn("d", Enumerable.Range(0, n).Select(_ => new DateTime(2020, 1, 1).AddDays(random.Next(0, 900)).Ticks).ToArray(), Enumerable.Range(0, n).Select(i => i % 9 == 0).ToArray()),
                    new CategoryColumn("c", Enumerable.Range(0, n).Select(i => i % 6 == 0 ? -1 : random.Next(0, 3)).ToArray(), ["u", "v", "w"]),
                ], "t3"),
                "all-missing-column" => new Table(
                [
                    new FloatColumn("x", Numbers()),
                    new FloatColumn("y", Numbers()),
                    new FloatColumn("empty", Enumerable.Repeat(double.NaN, n).ToArray()),
                ], "t4"),
                "constant" => new Table(
                [
                    new FloatColumn("x", Numbers()),
                    new FloatColumn("same", Enumerable.Repeat(3.0, n).ToArray()),
                    new IntColumn("k", Enumerable.Range(0, n).Select(_ => (long)random.Next(0, 50)).ToArray()),
                ], "t5"),
                _ => throw new ArgumentOutOfRangeException(nameof(shape)),
            };
        }

        return (Build(1), Build(2));
    }
}
