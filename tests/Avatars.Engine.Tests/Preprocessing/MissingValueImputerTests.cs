using Avatars.Data;
using Avatars.Engine.Preprocessing;

namespace Avatars.Engine.Tests.Preprocessing;

public sealed class MissingValueImputerTests
{
    // x is always observed; y is missing on the last row, whose x (1.1) lies between the rows with y = 10 and y = 20.
    private static readonly Table Working = new(
    [
        new FloatColumn("x", [0, 1, 2, 3, 10, 1.1]),
        new FloatColumn("y", [0, 10, 20, 30, 100, double.NaN]),
        new CategoryColumn("g", [0, 1, 1, 0, 1, -1], ["a", "b"]),
    ], "t");

    private static Table Impute(ImputationMethod method) =>
        MissingValueImputer.Fit(Working, new ImputationOptions { Method = method, K = 2 }, seed: 1).Apply(Working, TestContext.Current.CancellationToken);

    [Theory]
    [InlineData(ImputationMethod.Mean, 32.0)]      // (0 + 10 + 20 + 30 + 100) / 5
    [InlineData(ImputationMethod.Median, 20.0)]
    [InlineData(ImputationMethod.Knn, 15.0)]       // 2 nearest on x: rows 1 and 2 (the row's g is missing, so only x counts)
    [InlineData(ImputationMethod.FastKnn, 15.0)]
    public void MissingNumber_IsFilledByTheMethod(ImputationMethod method, double expected)
    {
        var imputed = Impute(method);
        Assert.Equal(expected, ((FloatColumn)imputed["y"])[5], 12);
    }

    [Fact]
    public void MissingCategory_TakesTheModeOfTheNeighbours()
    {
        Assert.Equal("b", Impute(ImputationMethod.Knn)["g"].FormatValue(5));  // rows 1 and 2 are both "b"
        Assert.Equal("b", Impute(ImputationMethod.Mode)["g"].FormatValue(5)); // "b" appears 3 times out of 5
    }

    [Fact]
    public void IndicatorsAreAddedOnlyForColumnsWithMissingValues()
    {
        var imputed = Impute(ImputationMethod.Mean);
        Assert.Equal(["x", "y", "g", "y__is_missing", "g__is_missing"], imputed.ColumnNames);
        Assert.Equal(["0", "0", "0", "0", "0", "1"], Enumerable.Range(0, 6).Select(i => imputed["y__is_missing"].FormatValue(i)));
        Assert.All(imputed.Columns, c => Assert.Equal(0, c.MissingCount));
    }

    [Fact]
    public void TooFewCompleteRows_FallBackToMeanAndSaySo()
    {
        var imputer = MissingValueImputer.Fit(Working, new ImputationOptions { Method = ImputationMethod.Knn, K = 10 }, seed: 1);
        Assert.True(imputer.FellBackToSimpleImputation);
        Assert.Equal(32.0, ((FloatColumn)imputer.Apply(Working, TestContext.Current.CancellationToken)["y"])[5], 12);
    }
}
