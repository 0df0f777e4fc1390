using Avatars.Client.Processors;
using Avatars.Data;
using static Avatars.Client.Tests.Processors.Tables;

namespace Avatars.Client.Tests.Processors;

public sealed class PerturbationProcessorTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.25)]
    [InlineData(0.7)]
    public void Numeric_columns_are_interpolated_by_the_level(double level)
    {
        var source = Of(Float("x", 0, 0, 10), Int("n", 0, 0, 10));
        var dest = Of(Float("x", 1, 1, 20), Int("n", 1, 1, 20));
        var processor = new PerturbationProcessor(new Dictionary<string, double> { ["x"] = level, ["n"] = level }, seed: 1);
        var result = processor.Postprocess(source, dest);
        Near([level, level, 10 + (10 * level)], result.Doubles("x"));
        Near([level, level, 10 + (10 * level)], result.Doubles("n"));
    }

    [Fact]
    public void Level_zero_restores_the_source_and_level_one_keeps_the_avatars()
    {
        var source = Of(Float("age", 30, 40, 50), Cat("c", "a", "b", "c"), Float("k", 1, 2, 3));
        var dest = Of(Float("age", 31, 39, 58), Cat("c", "x", "y", "z"), Float("k", 7, 8, 9));
        var processor = new PerturbationProcessor(new Dictionary<string, double> { ["age"] = 0, ["c"] = 0, ["k"] = 1 });
        var result = processor.Postprocess(source, dest);
        Near([30, 40, 50], result.Doubles("age"));
        Assert.Equal(["a", "b", "c"], result.Texts("c"));
        Assert.Same(dest["k"], result["k"]);

        var keep = new PerturbationProcessor(new Dictionary<string, double> { ["c"] = 1 }).Postprocess(source, dest);
        Assert.Same(dest, keep);
    }

    [Theory]
    [InlineData(0.2, 1)]
    [InlineData(0.5, 2)]
    [InlineData(0.8, 3)]
    public void Categorical_share_of_avatar_values_follows_the_level(double level, int seed)
    {
        // numpy's PCG64 draws cannot be reproduced: check the proportion, not the exact rows.
        const int rows = 2000;
        var source = Of(Cat("c", Enumerable.Repeat("original", rows).ToArray()));
        var dest = Of(Cat("c", Enumerable.Repeat("avatar", rows).ToArray()));
        var result = new PerturbationProcessor(new Dictionary<string, double> { ["c"] = level }, seed).Postprocess(source, dest);
        var share = result.Texts("c").Count(t => t == "avatar") / (double)rows;
        Assert.InRange(share, level - 0.05, level + 0.05);
    }

    [Fact]
    public void Same_seed_gives_the_same_result()
    {
        var source = Of(Cat("c", Enumerable.Range(0, 100).Select(i => "s" + i).ToArray()));
        var dest = Of(Cat("c", Enumerable.Range(0, 100).Select(i => "d" + i).ToArray()));
        var levels = new Dictionary<string, double> { ["c"] = 0.5 };
        var a = new PerturbationProcessor(levels, seed: 42).Postprocess(source, dest);
        var b = new PerturbationProcessor(levels, seed: 42).Postprocess(source, dest);
        Assert.Equal(a.Texts("c"), b.Texts("c"));
    }

    [Fact]
    public void Mixed_values_keep_the_row_alignment()
    {
        var source = Of(Cat("c", Enumerable.Range(0, 200).Select(i => "s" + i).ToArray()));
        var dest = Of(Cat("c", Enumerable.Range(0, 200).Select(i => "d" + i).ToArray()));
        var result = new PerturbationProcessor(new Dictionary<string, double> { ["c"] = 0.5 }, seed: 3).Postprocess(source, dest);
        var texts = result.Texts("c").ToArray();
        for (var r = 0; r < texts.Length; r++)
        {
            Assert.True(texts[r] == "s" + r || texts[r] == "d" + r, $"row {r}: {texts[r]}");
        }

        Assert.Contains(texts, t => t!.StartsWith('s'));
        Assert.Contains(texts, t => t!.StartsWith('d'));
    }

    [Fact]
    public void Preprocess_returns_the_data()
    {
        var data = Of(Float("x", 1));
        Assert.Same(data, new PerturbationProcessor().Preprocess(data));
        Assert.Same(data, new PerturbationProcessor().Postprocess(data, data));
    }

    [Fact]
    public void Unknown_variable_is_an_error()
    {
        var processor = new PerturbationProcessor(new Dictionary<string, double> { ["nope"] = 0.5 });
        var error = Assert.Throws<ArgumentException>(() => processor.Postprocess(Of(Float("x", 1)), Of(Float("x", 2))));
        Assert.Contains("variables {'nope'} cannot be found in the dataframe", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Level_outside_zero_one_is_an_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PerturbationProcessor(new Dictionary<string, double> { ["x"] = 1.5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PerturbationProcessor(new Dictionary<string, double> { ["x"] = double.NaN }));
    }

    [Fact]
    public void Different_row_counts_are_an_error()
    {
        var processor = new PerturbationProcessor(new Dictionary<string, double> { ["x"] = 0.5 });
        Assert.Throws<ArgumentException>(() => processor.Postprocess(Of(Float("x", 1, 2)), Of(Float("x", 2))));
    }

    [Fact]
    public void Postprocess_does_not_modify_dest()
    {
        var source = Of(Float("x", 0, 0));
        var dest = Of(Float("x", 1, 1));
        new PerturbationProcessor(new Dictionary<string, double> { ["x"] = 0.5 }).Postprocess(source, dest);
        Near([1, 1], dest.Doubles("x"));
    }
}
