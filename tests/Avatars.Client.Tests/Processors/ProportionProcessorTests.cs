using Avatars.Client.Processors;
using Avatars.Data;
using static Avatars.Client.Tests.Processors.Tables;

namespace Avatars.Client.Tests.Processors;

public sealed class ProportionProcessorTests
{
    private static Table Source() => Of(Float("a", 10), Float("b", 30), Float("c", 60), Float("total", 100));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Preprocess_gives_proportions(bool sumToOne)
    {
        var result = new ProportionProcessor(["a", "b", "c"], "total", sumToOne).Preprocess(Source());
        Near([0.1], result.Doubles("a"));
        Near([0.3], result.Doubles("b"));
        Near([0.6], result.Doubles("c"));
        Near([100], result.Doubles("total"));
        Assert.Equal(["a", "b", "c", "total"], result.ColumnNames);
    }

    [Fact]
    public void Sum_to_one_divides_by_the_row_sum_not_the_reference()
    {
        var data = Of(Float("a", 1, 0), Float("b", 3, 0), Float("total", 100, 5));
        var result = new ProportionProcessor(["a", "b"], "total").Preprocess(data);
        Near([0.25, 0], result.Doubles("a"));
        Near([0.75, 0], result.Doubles("b"));
    }

    [Fact]
    public void Missing_parts_are_skipped_in_the_row_sum()
    {
        var data = Of(Float("a", 1), Float("b", double.NaN), Float("c", 3), Float("total", 10));
        var result = new ProportionProcessor(["a", "b", "c"], "total").Preprocess(data);
        Near([0.25], result.Doubles("a"));
        Assert.True(double.IsNaN(result.Doubles("b")[0]));
    }

    [Theory]
    [InlineData(0, new[] { 34.0, 67.0 })]
    [InlineData(2, new[] { 34.34, 66.66 })]
    public void Postprocess_rounds_keeping_the_total(int decimals, double[] expected)
    {
        var dest = Of(Float("a", 0.34), Float("b", 0.66), Float("total", 101));
        var result = new ProportionProcessor(["a", "b"], "total", decimalCount: decimals).Postprocess(dest, dest);
        Near([expected[0]], result.Doubles("a"), 1e-9);
        Near([expected[1]], result.Doubles("b"), 1e-9);
        Assert.Equal(101, result.Doubles("a")[0] + result.Doubles("b")[0], 9);
    }

    [Fact]
    public void Postprocess_with_one_decimal()
    {
        var dest = Of(Float("a", 0.2), Float("b", 0.8), Float("total", 101));
        var result = new ProportionProcessor(["a", "b"], "total").Postprocess(dest, dest);
        Near([20.2], result.Doubles("a"), 1e-9);
        Near([80.8], result.Doubles("b"), 1e-9);
    }

    [Fact]
    public void Postprocess_without_sum_to_one_multiplies_by_the_reference()
    {
        var dest = Of(Float("a", 0.123), Float("b", 0.5), Float("total", 10));
        var result = new ProportionProcessor(["a", "b"], "total", sumToOne: false).Postprocess(dest, dest);
        Near([1.23], result.Doubles("a"), 1e-12);
        Near([5], result.Doubles("b"), 1e-12);
    }

    [Fact]
    public void Avatarized_parts_that_do_not_sum_to_one_are_rescaled_to_the_total()
    {
        var dest = Of(Float("a", 0.2, 0.5), Float("b", 0.2, double.NaN), Float("total", 90, 10));
        var result = new ProportionProcessor(["a", "b"], "total", decimalCount: 0).Postprocess(dest, dest);
        Near([45, 10], result.Doubles("a"));
        Near([45, double.NaN], result.Doubles("b"));
    }

    [Fact]
    public void Round_trip_of_integer_parts()
    {
        var source = Of(Int("home", 10, 45, 0), Int("away", 80, 45, 0), Int("bench", 0, 0, 90), Int("game", 90, 90, 90));
        var processor = new ProportionProcessor(["home", "away", "bench"], "game", decimalCount: 0);
        var result = processor.Postprocess(source, processor.Preprocess(source));
        Near([10, 45, 0], result.Doubles("home"), 1e-9);
        Near([80, 45, 0], result.Doubles("away"), 1e-9);
        Near([0, 0, 90], result.Doubles("bench"), 1e-9);
    }

    [Fact]
    public void Missing_reference_is_an_error()
    {
        var processor = new ProportionProcessor(["a"], "nope");
        var error = Assert.Throws<ArgumentException>(() => processor.Preprocess(Source()));
        Assert.Contains("variable nope cannot be found in the dataframe variables", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => processor.Postprocess(Source(), Source()));
        Assert.Throws<ArgumentException>(() => new ProportionProcessor(["x"], "total").Preprocess(Source()));
    }
}
