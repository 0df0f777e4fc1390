using Avatars.Data;
using Avatars.Engine.Projection;
using static Avatars.Engine.Tests.Projection.ProjectionTestData;

namespace Avatars.Engine.Tests.Projection;

/// <summary>inverse_transform(transform(table)) == table with all components (saiph projection_test.py round trips).</summary>
public sealed class RoundTripTests
{
    private static readonly Dictionary<string, double>? Unweighted = null;

    public static TheoryData<string, Dictionary<string, double>?> Cases => new()
    {
        { "iris", Unweighted },
        { "iris-quanti", Unweighted },
        { "quali", Unweighted },
        { "quali-bool", Unweighted },
        { "mixed-weighted", new Dictionary<string, double> { ["variable_1"] = 2, ["tool"] = 3 } },
        { "quanti-weighted", new Dictionary<string, double> { ["variable_1"] = 2, ["variable_2"] = 1, ["variable_3"] = 3 } },
        { "quali-weighted", new Dictionary<string, double> { ["variable_1"] = 2, ["variable_2"] = 1, ["variable_3"] = 3, ["variable_4"] = 2 } },
        { "famd-weighted", new Dictionary<string, double> { ["variable_1"] = 2, ["variable_2"] = 1, ["variable_3"] = 3, ["variable_4"] = 2 } },
        { "all-types", Unweighted },
        { "all-types", new Dictionary<string, double> { ["f"] = 0.5, ["i"] = 3, ["b"] = 2, ["c"] = 1.5 } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void InverseOfTransform_WithAllComponents_IsTheTable(string name, Dictionary<string, double>? weights)
    {
        var table = Build(name);
        var model = ProjectionModel.Fit(table, new ProjectionOptions { ColumnWeights = weights }, TestContext.Current.CancellationToken);
        var coordinates = model.Transform(table, cancellationToken: TestContext.Current.CancellationToken);

        var restored = model.InverseTransform(coordinates, TestContext.Current.CancellationToken);

        AssertSameTable(table, restored);
    }

    [Fact]
    public void InverseOfTransform_WithFewerComponents_KeepsTypesAndLevels()
    {
        var table = Build("all-types");
        var model = ProjectionModel.Fit(table, cancellationToken: TestContext.Current.CancellationToken);

        var restored = model.InverseTransform(model.Transform(table, 2, TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);

        Assert.Equal(table.ColumnNames, restored.ColumnNames);
        Assert.Equal(table.Columns.Select(c => c.Type), restored.Columns.Select(c => c.Type));
        Assert.Equal(((CategoryColumn)table["c"]).Levels, ((CategoryColumn)restored["c"]).Levels);
    }

    [Fact]
    public void Inverse_OfAConstantColumn_IsTheConstant()
    {
        var table = TableOf(Floats("constant", 0.1, 0.1, 0.1), Floats("x", 1, 2, 4), Categories("c", "a", "b", "a"));
        var model = ProjectionModel.Fit(table, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0.1, model.Means[0]);
        Assert.Equal(0.0, model.StandardDeviations[0]);
        AssertSameTable(table, model.InverseTransform(model.Transform(table, cancellationToken: TestContext.Current.CancellationToken), TestContext.Current.CancellationToken));
    }

    private static Table Build(string name) => name switch
    {
        "iris" => ReadCsv("saiph/iris.csv"),
        "iris-quanti" => ReadCsv("saiph/iris.csv").Drop("variety"),
        "quali" => TableOf(Categories("tool", "wrench", "wrench", "hammer", "hammer"), Categories("fruit", "apple", "orange", "apple", "apple")),
        "quali-bool" => TableOf(
            Categories("variable_1", "1", "1", "2", "2", "1", "1", "2", "1"),
            Categories("variable_2", "1", "2", "2", "2", "1", "2", "1", "2"),
            new BoolColumn("variable_3", [true, true, false, true, true, false, true, false]),
            Categories("variable_4", "True", "True", "False", "True", "True", "False", "True", "False")),
        "mixed-weighted" => TableOf(Ints("variable_1", 4, 5, 6, 7), Categories("tool", "wrench", "wrench", "hammer", "hammer")),
        "quanti-weighted" => TableOf(Ints("variable_1", 4, 5, 6, 7), Ints("variable_2", 10, 20, 30, 40), Ints("variable_3", 100, 50, -30, -50)),
        "quali-weighted" => TableOf(
            Categories("variable_1", "1", "3", "3", "3", "1", "2", "2", "1", "1", "2"),
            Categories("variable_2", "1", "1", "1", "2", "2", "1", "1", "1", "2", "2"),
            Categories("variable_3", "1", "2", "1", "2", "1", "2", "1", "1", "2", "2"),
            Categories("variable_4", "red", "blue", "blue", "green", "red", "blue", "red", "red", "red", "red")),
        "famd-weighted" => TableOf(
            Ints("variable_1", 4, 5, 6, 7, 11, 2, 52),
            Ints("variable_2", 10, 20, 30, 40, 10, 74, 10),
            Categories("variable_3", "red", "blue", "blue", "green", "red", "blue", "red"),
            Ints("variable_4", 100, 50, -30, -50, -19, -29, -20)),
        _ => AllTypes(),
    };

    /// <summary>Float, int, bool, a category with an unused level, and a datetime with whole seconds.</summary>
    private static Table AllTypes()
    {
        var random = new Random(7);
        const int n = 60;
        var start = new DateTime(2020, 1, 1).Ticks;
        var codes = Enumerable.Range(0, n).Select(_ => random.Next(0, 3)).ToArray();
        return TableOf(
            Floats("f", Enumerable.Range(0, n).Select(_ => Math.Round(random.NextDouble() * 100, 3)).ToArray()),
            Ints("i", Enumerable.Range(0, n).Select(_ => (long)random.Next(-20, 20)).ToArray()),
            new BoolColumn("b", Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.4).ToArray()),
            new CategoryColumn("c", codes, ["x", "y", "z", "unused"]),
            new DateTimeColumn("d", Enumerable.Range(0, n).Select(_ => start + (random.Next(0, 86_400 * 365) * TimeSpan.TicksPerSecond)).ToArray()));
    }

    private static void AssertSameTable(Table expected, Table actual)
    {
        Assert.Equal(expected.ColumnNames, actual.ColumnNames);
        Assert.Equal(expected.RowCount, actual.RowCount);
        foreach (var column in expected.Columns)
        {
            var other = actual[column.Name];
            Assert.Equal(column.Type, other.Type);
            for (var i = 0; i < expected.RowCount; i++)
            {
                if (column is DateTimeColumn dates)
                {
                    // Seconds since the epoch carry ~1e-16 relative error through the linear algebra: about a microsecond today.
                    var delta = Math.Abs(dates.Ticks[i] - ((DateTimeColumn)other).Ticks[i]);
                    Assert.True(delta < TimeSpan.TicksPerMillisecond, $"{column.Name}[{i}] differs by {delta} ticks");
                }
                else
                {
                    Assert.Equal(column.GetValue(i), other.GetValue(i));
                }
            }
        }
    }
}
