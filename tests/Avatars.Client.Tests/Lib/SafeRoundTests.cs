using Avatars.Client.Lib;

namespace Avatars.Client.Tests.Lib;

public sealed class SafeRoundTests
{
    private static readonly double[] Values = [4.0001, 3.2345, 3.2321, 6.4523, 5.3453, 7.3422];

    [Fact]
    public void Difference_strategy()
    {
        Assert.Equal([4.0, 3.24, 3.23, 6.45, 5.35, 7.34], SafeRound.Round(Values, 2));
    }

    [Fact]
    public void Largest_strategy()
    {
        Assert.Equal([4.0, 3.23, 3.23, 6.45, 5.35, 7.35], SafeRound.Round(Values, 2, RoundingStrategy.Largest));
    }

    [Fact]
    public void Smallest_strategy()
    {
        Assert.Equal([4.0, 3.24, 3.23, 6.45, 5.35, 7.34], SafeRound.Round(Values, 2, RoundingStrategy.Smallest));
    }

    [Fact]
    public void Dictionary_keeps_keys_and_order()
    {
        var values = new Dictionary<string, double> { ["foo"] = 60.19, ["bar"] = 15.43, ["baz"] = 24.38 };
        var result = SafeRound.Round(values, 0);
        Assert.Equal(["foo", "bar", "baz"], result.Keys);
        Assert.Equal([60.0, 16.0, 24.0], result.Values);
    }

    [Fact]
    public void Negative_values_give_sign_flipped_results()
    {
        Assert.Equal([-4.0, -3.24, -3.23, -6.45, -5.35, -7.34], SafeRound.Round(Values.Select(v => -v).ToArray(), 2));
    }

    [Fact]
    public void Negative_places_round_to_thousands()
    {
        Assert.Equal([400000.0, 324000, 323000, 645000, 535000, 734000], SafeRound.Round(Values.Select(v => v * 1e5).ToArray(), -3));
    }

    [Fact]
    public void Negative_places_on_small_values()
    {
        Assert.Equal([0.0, 0, 0, 0, 0, 0], SafeRound.Round(Values, -3));
        Assert.Equal([0.0, 0, 0, 10, 10, 10], SafeRound.Round(Values, -1));
    }

    [Fact]
    public void Topline_is_matched()
    {
        Assert.Equal([4.0, 3, 3, 7, 5, 7], SafeRound.Round(Values, 0, topline: 29));
        foreach (var topline in new[] { 28.0, 29.0, 30.0 })
        {
            Assert.Equal(topline, SafeRound.Round(Values, 0, topline: topline).Sum());
        }
    }

    [Fact]
    public void Empty_input_gives_an_empty_result()
    {
        Assert.Empty(SafeRound.Round(Array.Empty<double>(), 2));
    }

    [Fact]
    public void Sum_is_kept_and_input_untouched()
    {
        var values = new[] { 0.333, 0.333, 0.334 };
        var result = SafeRound.Round(values, 1);
        Assert.Equal(1.0, result.Sum(), 9);
        Assert.Equal([0.333, 0.333, 0.334], values);
    }

    [Fact]
    public void Invalid_strategy_is_an_error()
    {
        var error = Assert.Throws<ArgumentException>(() => SafeRound.Round(Values, 2, (RoundingStrategy)42));
        Assert.StartsWith("Expected a valid RoundingStrategy, got", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2.5, 0, 2.0)]
    [InlineData(3.5, 0, 4.0)]
    [InlineData(25, -1, 20)]
    [InlineData(35, -1, 40)]
    [InlineData(1.2345, 2, 1.23)]
    public void Round_half_even_like_python(double value, int places, double expected)
    {
        Assert.Equal(expected, SafeRound.RoundHalfEven(value, places));
    }
}
