using Avatars.Data;
using Avatars.Engine.Projection;
using static Avatars.Engine.Tests.Projection.ProjectionTestData;

namespace Avatars.Engine.Tests.Projection;

/// <summary>Precise errors for invalid options and tables.</summary>
public sealed class ValidationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Table Quali() => TableOf(Categories("tool", "wrench", "wrench", "hammer", "hammer"), Categories("fruit", "apple", "orange", "apple", "apple"));

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-1)]
    public void ComponentCount_OutOfRange_IsRejected(int count)
    {
        // saiph projection_test.py: quali_df (n = 4, P = 4) accepts 1 … 4.
        var error = Assert.Throws<ProjectionException>(() => ProjectionModel.Fit(Quali(), new ProjectionOptions { ComponentCount = count }, Ct));

        Assert.Equal("ComponentCount", error.ParameterName);
        Assert.Contains($"ComponentCount is {count}", error.Message);
        Assert.Contains("between 1 and min(rows = 4, projected columns = 4) = 4", error.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void ComponentCount_InRange_IsAccepted(int count) =>
        Assert.Equal(count, ProjectionModel.Fit(Quali(), new ProjectionOptions { ComponentCount = count }, Ct).ComponentCount);

    [Fact]
    public void Weight_ForUnknownColumn_NamesItAndListsTheColumns()
    {
        var options = new ProjectionOptions { ColumnWeights = new Dictionary<string, double> { ["col"] = 2 } };

        var error = Assert.Throws<ProjectionException>(() => ProjectionModel.Fit(Quali(), options, Ct));

        Assert.Equal("col", error.ParameterName);
        Assert.Contains("'col'", error.Message);
        Assert.Contains("Its columns are: tool, fruit.", error.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Weight_NotPositiveFinite_IsRejected(double weight)
    {
        var options = new ProjectionOptions { ColumnWeights = new Dictionary<string, double> { ["fruit"] = weight } };

        var error = Assert.Throws<ProjectionException>(() => ProjectionModel.Fit(Quali(), options, Ct));

        Assert.Equal("fruit", error.ParameterName);
        Assert.Contains("ColumnWeights['fruit']", error.Message);
    }

    [Fact]
    public void PartialWeights_AreAccepted()
    {
        var model = ProjectionModel.Fit(Quali(), new ProjectionOptions { ColumnWeights = new Dictionary<string, double> { ["fruit"] = 3 } }, Ct);

        Assert.Equal([1, 1, 3, 3], model.ProjectedColumnWeights);
    }

    public static TheoryData<Column> ColumnsWithMissingValues => new()
    {
        Floats("x", 1, double.NaN, 3, 4),
        new IntColumn("x", [1, 2, 3, 4], [false, false, true, false]),
        new CategoryColumn("x", [0, -1, 0, 0], ["a"]),
        new BoolColumn("x", [true, false, true, true], [true, false, false, false]),
    };

    [Theory]
    [MemberData(nameof(ColumnsWithMissingValues))]
    public void MissingValues_AreRejected_NamingTheColumn(Column column)
    {
        var table = TableOf(Floats("y", 1, 2, 3, 4), column);

        var error = Assert.Throws<ProjectionException>(() => ProjectionModel.Fit(table, cancellationToken: Ct));

        Assert.Equal("x", error.ParameterName);
        Assert.Contains("Column 'x' of table 'test' has 1 missing value(s)", error.Message);
    }

    [Fact]
    public void InfiniteValue_IsRejected() =>
        Assert.Contains("non-finite", Assert.Throws<ProjectionException>(() => ProjectionModel.Fit(TableOf(Floats("x", 1, double.PositiveInfinity)), cancellationToken: Ct)).Message);

    [Fact]
    public void TooFewRowsOrNoColumns_AreRejected()
    {
        Assert.Contains("at least 2", Assert.Throws<ProjectionException>(() => ProjectionModel.Fit(TableOf(Floats("x", 1)), cancellationToken: Ct)).Message);
        Assert.Contains("no columns", Assert.Throws<ProjectionException>(() => ProjectionModel.Fit(new Table([], "empty"), cancellationToken: Ct)).Message);
    }

    [Fact]
    public void Transform_RejectsAbsentColumnWrongKindMissingValuesAndBadComponentCount()
    {
        var model = ProjectionModel.Fit(TableOf(Floats("x", 1, 2, 4), Categories("c", "a", "b", "a")), cancellationToken: Ct);

        var absent = Assert.Throws<ProjectionException>(() => model.Transform(TableOf(Floats("x", 1)), cancellationToken: Ct));
        Assert.Equal("c", absent.ParameterName);
        Assert.Contains("fitted on column 'c'", absent.Message);

        var kind = Assert.Throws<ProjectionException>(() => model.Transform(TableOf(Floats("x", 1), Floats("c", 2)), cancellationToken: Ct));
        Assert.Contains("Column 'c' of table 'test' is float, but the projection was fitted on it as categorical", kind.Message);

        var missing = Assert.Throws<ProjectionException>(() => model.Transform(TableOf(Floats("x", double.NaN), Categories("c", "a")), cancellationToken: Ct));
        Assert.Contains("Column 'x' of table 'test' has 1 missing value(s)", missing.Message);

        var components = Assert.Throws<ProjectionException>(() => model.Transform(TableOf(Floats("x", 1), Categories("c", "a")), 4, Ct));
        Assert.Equal("components", components.ParameterName);
        Assert.Contains("between 1 and the model's ComponentCount (3)", components.Message);
    }

    [Fact]
    public void InverseTransform_RejectsTooManyComponentsAndNonFiniteCoordinates()
    {
        var model = ProjectionModel.Fit(TableOf(Floats("x", 1, 2, 4), Floats("y", 0, 2, 1)), cancellationToken: Ct);

        Assert.Contains("between 1 and 2", Assert.Throws<ProjectionException>(() => model.InverseTransform(new Coordinates(1, 3, new double[3]), Ct)).Message);
        Assert.Contains("not a finite number", Assert.Throws<ProjectionException>(() => model.InverseTransform(new Coordinates(1, 2, [0, double.NaN]), Ct)).Message);
    }
}
