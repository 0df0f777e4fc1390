using Avatars.Data;
using Avatars.Engine.Projection;
using static Avatars.Engine.Tests.Projection.ProjectionTestData;

namespace Avatars.Engine.Tests.Projection;

/// <summary>Transform of new rows (method.md §3.3, §3.5.6).</summary>
public sealed class TransformTests
{
    public static TheoryData<int, int, int> Tables => new()
    {
        { 21, 3, 2 }, // FAMD
        { 22, 4, 0 }, // PCA
        { 23, 0, 4 }, // MCA
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void Batch_EqualsRowByRow(int seed, int continuous, int categorical)
    {
        var table = RandomTable(seed, 5000, continuous, categorical, withBool: categorical > 0);
        var model = ProjectionModel.Fit(table, cancellationToken: TestContext.Current.CancellationToken);
        var batch = model.Transform(table, cancellationToken: TestContext.Current.CancellationToken);

        foreach (var row in new[] { 0, 1, 2047, 2048, 4999 })
        {
            var single = model.Transform(table.TakeRows([row]), cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(batch.Row(row).ToArray(), single.Row(0).ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void FewerComponents_AreTheLeadingColumns(int seed, int continuous, int categorical)
    {
        var table = RandomTable(seed, 300, continuous, categorical);
        var model = ProjectionModel.Fit(table, cancellationToken: TestContext.Current.CancellationToken);
        var all = model.Transform(table, cancellationToken: TestContext.Current.CancellationToken);

        var two = model.Transform(table, 2, TestContext.Current.CancellationToken);

        Assert.Equal(2, two.Columns);
        Assert.Equal(all.TakeColumns(2).Data, two.Data);
    }

    [Fact]
    public void CategoryLevels_AreAlignedByText()
    {
        var table = ReadCsv("saiph/iris.csv");
        var model = ProjectionModel.Fit(table, cancellationToken: TestContext.Current.CancellationToken);
        var rows = new[] { 0, 60, 120 };

        // The same rows with a column whose codes differ (an extra level shifts them) and in another order.
        var variety = new CategoryColumn("variety", [2, 1, 0], ["Virginica", "Versicolor", "Setosa", "Aardvark"]);
        var other = table.TakeRows(rows).WithColumn(variety);
        Assert.Equal(["Setosa", "Versicolor", "Virginica"], Enumerable.Range(0, 3).Select(i => variety.FormatValue(i)));

        var expected = model.Transform(table.TakeRows(rows), cancellationToken: TestContext.Current.CancellationToken);
        var actual = model.Transform(other, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(expected.Data, actual.Data);
    }

    [Fact]
    public void UnseenCategory_GivesAllZeroDummies()
    {
        var table = ReadCsv("saiph/iris.csv");
        var model = ProjectionModel.Fit(table, cancellationToken: TestContext.Current.CancellationToken);
        var row = table.TakeRows([10]).WithColumn(Categories("variety", "Unknown"));

        var coordinates = model.Transform(row, cancellationToken: TestContext.Current.CancellationToken);

        var x = Enumerable.Range(0, 4).Select(j => ((FloatColumn)table[j])[10]).ToArray();
        for (var k = 0; k < model.ComponentCount; k++)
        {
            var v = model.Component(k);
            var expected = 0.0;
            for (var j = 0; j < 4; j++)
            {
                expected += (x[j] - model.Means[j]) / model.StandardDeviations[j] * v[j];
            }

            for (var m = 0; m < 3; m++)
            {
                var p = model.DummyProportions[m];
                expected += (0 - p) / Math.Sqrt(p) * v[4 + m];
            }

            Assert.Equal(expected, coordinates[0, k], 1e-12);
        }
    }

    [Fact]
    public void Mca_UnseenCategory_DividesByTheKnownModalities()
    {
        var table = TableOf(Categories("a", "x", "y", "x", "y", "x"), Categories("b", "u", "u", "v", "w", "w"));
        var model = ProjectionModel.Fit(table, cancellationToken: TestContext.Current.CancellationToken);

        // A row "x, <unseen>" has one active dummy, so its profile is d_x / 1 and its coordinates D_c,x·V[k, x].
        var coordinates = model.Transform(TableOf(Categories("a", "x"), Categories("b", "unseen")), cancellationToken: TestContext.Current.CancellationToken);

        var cx = 3.0 / 10; // count(x) / (n·q)
        for (var k = 0; k < model.ComponentCount; k++)
        {
            Assert.Equal(model.Component(k)[0] / (2.220446049250313E-16 + Math.Sqrt(cx)), coordinates[0, k], 1e-12);
        }
    }

    [Fact]
    public void EmptyTable_GivesNoRows()
    {
        var table = RandomTable(32, 50, 2, 2);
        var model = ProjectionModel.Fit(table, cancellationToken: TestContext.Current.CancellationToken);

        var coordinates = model.Transform(table.TakeRows([]), 3, TestContext.Current.CancellationToken);

        Assert.Equal(0, coordinates.Rows);
        Assert.Equal(3, coordinates.Columns);
        Assert.Equal(0, model.InverseTransform(coordinates, TestContext.Current.CancellationToken).RowCount);
    }

    [Fact]
    public void ColumnsAreMatchedByName_ExtraColumnsIgnored()
    {
        var table = RandomTable(31, 100, 2, 2);
        var model = ProjectionModel.Fit(table, cancellationToken: TestContext.Current.CancellationToken);
        var reordered = new Table(table.Columns.Reverse().Append(Floats("extra", new double[100])), "other");

        Assert.Equal(
            model.Transform(table, cancellationToken: TestContext.Current.CancellationToken).Data,
            model.Transform(reordered, cancellationToken: TestContext.Current.CancellationToken).Data);
    }

    [Fact]
    public void DateTimes_AreProjectedAsSecondsSinceTheEpoch()
    {
        var ticks = new[] { 0L, 10, 25, 40 }.Select(s => DateTime.UnixEpoch.Ticks + (s * TimeSpan.TicksPerSecond)).ToArray();
        var asDates = TableOf(new DateTimeColumn("t", ticks), Floats("x", 1, 3, 2, 5));
        var asSeconds = TableOf(Floats("t", 0, 10, 25, 40), Floats("x", 1, 3, 2, 5));

        var fromDates = ProjectionModel.Fit(asDates, cancellationToken: TestContext.Current.CancellationToken);
        var fromSeconds = ProjectionModel.Fit(asSeconds, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(ProjectionKind.Pca, fromDates.Kind);
        Assert.Equal(
            fromSeconds.Transform(asSeconds, cancellationToken: TestContext.Current.CancellationToken).Data,
            fromDates.Transform(asDates, cancellationToken: TestContext.Current.CancellationToken).Data);
    }
}
