using Avatars.Data;
using Avatars.Engine.Metrics.Signal;

namespace Avatars.Engine.Tests.Metrics.Signal;

/// <summary>Hellinger distance per variable: hand-checked values, binning edges, missing values, constants.</summary>
public sealed class HellingerDistanceTests
{
    private const double Tolerance = 1e-12;

    // Recurring value: P = (1/2, 1/2) against Q = (1, 0) or (¼,¼,¼,¼) against (½,0,0,½):
    // ½[(√½ − 1)² + ½] = ½[(1.5 − √2) + ½] = 1 − √2/2, so H = sqrt(1 − √2/2) ≈ 0.541196.
    private static readonly double HalfAgainstAll = Math.Sqrt(1 - (Math.Sqrt(2) / 2));

    [Fact]
    public void Categorical_ComparesModalityFrequencies()
    {
        // P = (a ½, b ½), Q = (a ¾, b ¼): H = sqrt(½[(√½ − √¾)² + (√½ − ½)²]) ≈ sqrt(½[0.025256 + 0.042893]) ≈ 0.184592.
        var expected = Math.Sqrt(0.5 * (Math.Pow(Math.Sqrt(0.5) - Math.Sqrt(0.75), 2) + Math.Pow(Math.Sqrt(0.5) - 0.5, 2)));
        var result = HellingerDistance.Compute(Category("v", "a", "a", "b", "b"), Category("v", "a", "a", "a", "b"));

        Assert.Equal(expected, result.Distance, Tolerance);
        Assert.Equal(0.184592, result.Distance, 1e-6);
        Assert.Equal(2, result.BinCount);
        Assert.Equal(ColumnType.Category, result.Type);
    }

    [Fact]
    public void Categorical_UsesTheUnionOfModalitiesByLevelText()
    {
        // Levels are matched by text, not code: original {a, b}, avatars {b, c}. P = (a ½, b ½, c 0), Q = (0, ½, ½):
        // ½[(√½)² + 0 + (√½)²] = ½ → H = √½.
        var result = HellingerDistance.Compute(Category("v", "a", "b"), Category("v", "b", "c"));

        Assert.Equal(Math.Sqrt(0.5), result.Distance, Tolerance);
        Assert.Equal(3, result.BinCount);
    }

    [Fact]
    public void DisjointSupports_GiveOne()
    {
        Assert.Equal(1.0, HellingerDistance.Compute(Category("v", "a", "a"), Category("v", "b")).Distance, Tolerance);
        Assert.Equal(1.0, HellingerDistance.Compute(Floats("v", 0, 0, 1), Floats("v", 10, 11)).Distance, Tolerance);
        Assert.Equal(1.0, HellingerDistance.Compute(new BoolColumn("v", [true, true]), new BoolColumn("v", [false])).Distance, Tolerance);
    }

    [Fact]
    public void Continuous_LastBinIsClosedOnTheRight()
    {
        // Union range [0, 4], 2 bins [0, 2) and [2, 4]: originals 0, 1 | 2, 3; avatars 0, 0 | 4, 4 → both (½, ½) → 0.
        var twoBins = HellingerDistance.Compute(Floats("v", 0, 1, 2, 3), Floats("v", 0, 0, 4, 4), bins: 2);
        Assert.Equal(0.0, twoBins.Distance, Tolerance);
        Assert.Equal(2, twoBins.BinCount);

        // 4 bins of width 1: originals (¼, ¼, ¼, ¼), avatars (½, 0, 0, ½) (4 in the last bin):
        // ½[2(√¼ − √½)² + 2(√¼ − 0)²] = ½[(1.5 − √2) + ½] = 1 − √2/2 → H = sqrt(1 − √2/2).
        var fourBins = HellingerDistance.Compute(Floats("v", 0, 1, 2, 3), Floats("v", 0, 0, 4, 4), bins: 4);
        Assert.Equal(HalfAgainstAll, fourBins.Distance, Tolerance);
    }

    [Fact]
    public void Continuous_BinsCoverTheUnionRangeOfBothTables()
    {
        // Range [0, 10], 20 bins of width ½: 0 → bin 0, 1 → bin 2, 10 → bin 19 (closed). Originals (0, 1) = bins (0, 2);
        // avatars (1, 10) = bins (2, 19). Shared mass ½ in bin 2: ½[½ + 0 + ½] = ½ → H = √½.
        var result = HellingerDistance.Compute(Floats("v", 0, 1), Floats("v", 1, 10));
        Assert.Equal(Math.Sqrt(0.5), result.Distance, Tolerance);
        Assert.Equal(20, result.BinCount);
    }

    [Fact]
    public void MissingValues_AreTheirOwnBin()
    {
        // One bin for the values (range [1, 2], bins = 1). Originals: values ½, NaN ½. Avatars: values 1, NaN 0.
        var result = HellingerDistance.Compute(Floats("v", 1, 2, double.NaN, double.NaN), Floats("v", 1, 2, 1, 2), bins: 1);

        Assert.Equal(HalfAgainstAll, result.Distance, Tolerance);
        Assert.Equal(2, result.BinCount);
        Assert.Equal(0.5, result.OriginalMissingRate);
        Assert.Equal(0.0, result.AvatarMissingRate);
    }

    [Fact]
    public void MissingValues_SameRateInBothTables_CostNothing()
    {
        var original = new IntColumn("v", [1, 2, 3, 0], [false, false, false, true]);
        var avatars = new IntColumn("v", [3, 2, 0, 1], [false, false, true, false]);

        var result = HellingerDistance.Compute(original, avatars);

        Assert.Equal(0.0, result.Distance, Tolerance);
        Assert.Equal(21, result.BinCount);
        Assert.Equal(0.25, result.OriginalMissingRate);
        Assert.Equal(0.25, result.AvatarMissingRate);
    }

    [Fact]
    public void Categorical_MissingValuesAreTheirOwnBin()
    {
        // Originals (a ½, NaN ½), avatars (a 1): H = sqrt(1 − √2/2).
        var original = new CategoryColumn("v", [0, -1], ["a"]);
        var avatars = new CategoryColumn("v", [0, 0, 0], ["a"]);

        var result = HellingerDistance.Compute(original, avatars);

        Assert.Equal(HalfAgainstAll, result.Distance, Tolerance);
        Assert.Equal(2, result.BinCount);
        Assert.Equal(0.5, result.OriginalMissingRate);
    }

    [Fact]
    public void ConstantColumn_GivesZero_UnlessTheMissingRateDiffers()
    {
        var constant = HellingerDistance.Compute(Floats("v", 5, 5, 5), Floats("v", 5, 5));
        Assert.Equal(0.0, constant.Distance);
        Assert.Equal(1, constant.BinCount);

        var constantWithNaN = HellingerDistance.Compute(Floats("v", 5, 5, double.NaN, double.NaN), Floats("v", 5, 5, 5, 5));
        Assert.Equal(HalfAgainstAll, constantWithNaN.Distance, Tolerance);

        var allMissing = HellingerDistance.Compute(Floats("v", double.NaN), Floats("v", double.NaN, double.NaN));
        Assert.Equal(0.0, allMissing.Distance);
        Assert.Equal(1, allMissing.BinCount);
    }

    [Fact]
    public void InfiniteFloats_CountAsMissing()
    {
        var result = HellingerDistance.Compute(Floats("v", 1, double.PositiveInfinity), Floats("v", 1, double.NaN));
        Assert.Equal(0.0, result.Distance, Tolerance);
        Assert.Equal(0.5, result.OriginalMissingRate);
    }

    [Fact]
    public void IntegersAndFloats_AreBothContinuous()
    {
        var result = HellingerDistance.Compute(new IntColumn("v", [0, 1, 2, 3]), Floats("v", 0, 0, 4, 4), bins: 4);
        Assert.Equal(HalfAgainstAll, result.Distance, Tolerance);
        Assert.Equal(ColumnType.Int, result.Type);
    }

    [Fact]
    public void DateTimes_AreBinnedOnTheirTimeline()
    {
        // Same layout as Continuous_LastBinIsClosedOnTheRight, in days.
        var day = TimeSpan.TicksPerDay;
        var start = new DateTime(2024, 1, 1).Ticks;
        var original = new DateTimeColumn("t", [start, start + day, start + (2 * day), start + (3 * day)]);
        var avatars = new DateTimeColumn("t", [start, start, start + (4 * day), start + (4 * day)]);

        Assert.Equal(HalfAgainstAll, HellingerDistance.Compute(original, avatars, bins: 4).Distance, Tolerance);
    }

    [Fact]
    public void Booleans_CompareTheirFrequencies()
    {
        // Originals (false ½, true ½), avatars (true 1).
        var result = HellingerDistance.Compute(new BoolColumn("b", [true, false]), new BoolColumn("b", [true, true, true]));
        Assert.Equal(HalfAgainstAll, result.Distance, Tolerance);
        Assert.Equal(2, result.BinCount);
    }

    [Fact]
    public void Summary_IsTheMeanAndTheSampleStandardDeviation()
    {
        // Distances 0, 0.5, 1: mean 0.5; sample variance (0.25 + 0 + 0.25) / 2 = 0.25 → std 0.5 (population: 0.408).
        VariableHellinger[] variables =
        [
            new("a", ColumnType.Float, 0, 20, 0, 0),
            new("b", ColumnType.Float, 0.5, 20, 0, 0),
            new("c", ColumnType.Category, 1, 2, 0, 0),
        ];

        var summary = HellingerDistance.Summarize(variables);

        Assert.Equal(0.5, summary.Mean, Tolerance);
        Assert.Equal(0.5, summary.Std, Tolerance);
        Assert.Equal("c", summary.Worst!.Name);
        Assert.True(double.IsNaN(HellingerDistance.Summarize([variables[0]]).Std));
    }

    [Fact]
    public void IncompatibleTypes_AreRejectedWithTheColumnName()
    {
        var error = Assert.Throws<ArgumentException>(() => HellingerDistance.Compute(Category("grade", "a"), Floats("grade", 1)));
        Assert.Contains("'grade'", error.Message);
        Assert.Contains("category", error.Message);
        Assert.Contains("float", error.Message);

        var start = new DateTime(2024, 1, 1).Ticks;
        Assert.Throws<ArgumentException>(() => HellingerDistance.Compute(new DateTimeColumn("t", [start]), Floats("t", 1)));
    }

    private static FloatColumn Floats(string name, params double[] values) => new(name, values);

    private static CategoryColumn Category(string name, params string[] values) => CategoryColumn.FromValues(name, values);
}
