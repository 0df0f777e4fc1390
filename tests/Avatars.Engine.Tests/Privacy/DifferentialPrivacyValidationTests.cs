using Avatars.Data;
using Avatars.Engine.Privacy;

namespace Avatars.Engine.Tests.Privacy;

/// <summary>Invalid DP parameters and tables are rejected with precise messages.</summary>
public sealed class DifferentialPrivacyValidationTests
{
    private static readonly Table Table = DifferentialPrivacyTestData.Table(50);

    private static DifferentialPrivacyException Fails(Table table, DifferentialPrivacyOptions options) =>
        Assert.Throws<DifferentialPrivacyException>(() => DifferentialPrivacyAvatarizer.Avatarize(table, options));

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void NonPositiveOrNonFiniteEpsilon_IsRejected(double epsilon)
    {
        var error = Fails(Table, DifferentialPrivacyTestData.Options(epsilon, 1));
        Assert.Equal("dp_epsilon", error.Parameter);
        Assert.Equal($"dp_epsilon = {epsilon} must be a finite number greater than 0.", error.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void RatioOutsideTheOpenUnitInterval_IsRejected(double ratio)
    {
        var error = Fails(Table, DifferentialPrivacyTestData.Options(1, 1, ratio));
        Assert.Equal("dp_preprocess_budget_ratio", error.Parameter);
        Assert.Equal($"dp_preprocess_budget_ratio = {ratio} must be strictly between 0 and 1 (the share of dp_epsilon spent on the projection).", error.Message);
    }

    [Fact]
    public void KAndEpsilonTogether_AreRejectedWithTheVendorMessage()
    {
        var error = Assert.Throws<ArgumentException>(() => DifferentialPrivacyParameters.EnsureExclusive(5, 1.0));
        Assert.Equal("Expected either k or dp_epsilon to be set, not both. If you want to use differential privacy, set dp_epsilon and remove k.", error.Message);
        DifferentialPrivacyParameters.EnsureExclusive(5, null);
        DifferentialPrivacyParameters.EnsureExclusive(null, 1.0);
        DifferentialPrivacyParameters.EnsureExclusive(0, 1.0);
    }

    [Fact]
    public void NumericColumnWithoutBounds_IsRejected()
    {
        var options = DifferentialPrivacyTestData.Options(1, 1) with { Bounds = new Dictionary<string, ColumnBounds> { ["x"] = new(0, 10), ["y"] = new(0, 21) } };
        var error = Fails(Table, options);
        Assert.Equal("count", error.Column);
        Assert.Equal("Numeric column 'count' of table 'visits' has no public bounds: differential privacy needs a data-independent range for every numeric column. Declare its bounds.", error.Message);
    }

    [Fact]
    public void InvertedBounds_AreRejected()
    {
        var bounds = new Dictionary<string, ColumnBounds>(DifferentialPrivacyTestData.Bounds) { ["x"] = new(10, 0) };
        var error = Fails(Table, DifferentialPrivacyTestData.Options(1, 1) with { Bounds = bounds });
        Assert.Equal("The bounds of column 'x' must be finite with lower < upper (got [10, 0]).", error.Message);
    }

    [Fact]
    public void MissingValues_AreRejected()
    {
        var x = ((FloatColumn)Table["x"]).Values.ToArray();
        x[3] = double.NaN;
        var error = Fails(Table.WithColumn(new FloatColumn("x", x)), DifferentialPrivacyTestData.Options(1, 1));
        Assert.Equal("x", error.Column);
        Assert.StartsWith("Column 'x' of table 'visits' has 1 missing values", error.Message);
    }

    [Fact]
    public void TooManyCells_AreRejected()
    {
        var error = Fails(Table, DifferentialPrivacyTestData.Options(1, 1) with { Ncp = 4, BinsPerComponent = 9 });
        Assert.Equal("bins_per_component", error.Parameter);
        Assert.Contains("6561 cells", error.Message);
    }

    [Fact]
    public void DateColumns_AreRejected()
    {
        var dates = new DateTimeColumn("visit", [.. Enumerable.Range(0, 50).Select(i => (long)i * TimeSpan.TicksPerDay)]);
        var error = Fails(Table.WithColumn(dates), DifferentialPrivacyTestData.Options(1, 1));
        Assert.Equal("visit", error.Column);
        Assert.Equal("Column 'visit' of table 'visits' has type datetime, which differentially private avatarization does not support (float, int, bool and category only).", error.Message);
    }
}
