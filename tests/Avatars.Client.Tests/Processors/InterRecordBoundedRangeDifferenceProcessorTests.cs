using Avatars.Client.Processors;
using Avatars.Data;
using static Avatars.Client.Tests.Processors.Tables;

namespace Avatars.Client.Tests.Processors;

public sealed class InterRecordBoundedRangeDifferenceProcessorTests
{
    private static Table Source() => Of(
        Int("quantity_start", 30, 100, 80, 70, 40, 70),
        Int("quantity_end", 10, 80, 70, 60, 30, 5),
        Int("b", 4, 3, 0, 0, 2, 4),
        Int("id", 1, 1, 1, 2, 2, 2));

    private static InterRecordBoundedRangeDifferenceProcessor Processor(string? sortBy = null, bool round = true) =>
        new("id", "quantity_start", "quantity_end", "quantity_s_first_val", "quantity_range", "quantity_diff_to_bound", sortBy, round);

    [Fact]
    public void Preprocess_gives_bounded_range_first_and_change()
    {
        var result = Processor().Preprocess(Source());
        Assert.Equal(["b", "id", "quantity_range", "quantity_s_first_val", "quantity_diff_to_bound"], result.ColumnNames);
        Near([-0.8, -0.210526, -0.133333, -0.153846, -0.285714, -1.0], result.Doubles("quantity_range"), 1e-6);
        Near([30, 30, 30, 70, 70, 70], result.Doubles("quantity_s_first_val"));
        Near([0, 1, 0, 0, -0.363636, 0.571429], result.Doubles("quantity_diff_to_bound"), 1e-6);
    }

    [Fact]
    public void Round_trip_returns_the_original_with_source_columns_first()
    {
        var processor = Processor();
        Same(Source(), processor.Postprocess(Source(), processor.Preprocess(Source())));
    }

    [Fact]
    public void Sort_by_orders_the_records_of_each_individual()
    {
        // Reversed rows with a sort column: the same sequence as the source.
        var reversed = Source().TakeRows(new[] { 5, 4, 3, 2, 1, 0 }).WithColumn(Int("t", 6, 5, 4, 3, 2, 1));
        var processor = Processor(sortBy: "t");
        var pre = processor.Preprocess(reversed);
        Near([-1.0, -0.285714, -0.153846, -0.133333, -0.210526, -0.8], pre.Doubles("quantity_range"), 1e-6);
        Near([0.571429, -0.363636, 0, 0, 1, 0], pre.Doubles("quantity_diff_to_bound"), 1e-6);
    }

    [Fact]
    public void Rounding_is_half_to_even_and_values_stay_within_bounds()
    {
        var random = new Random(5);
        var dest = Of(
            Int("b", 0, 0, 0, 0, 0, 0),
            Int("id", 1, 1, 1, 2, 2, 2),
            Float("quantity_range", Enumerable.Range(0, 6).Select(_ => (random.NextDouble() * 2) - 1).ToArray()),
            Int("quantity_s_first_val", 30, 30, 30, 70, 70, 70),
            Float("quantity_diff_to_bound", Enumerable.Range(0, 6).Select(_ => (random.NextDouble() * 2) - 1).ToArray()));
        var result = Processor().Postprocess(Source(), dest);
        Assert.Equal(ColumnType.Int, result["quantity_start"].Type);
        Assert.All(result.Doubles("quantity_start").Concat(result.Doubles("quantity_end")), v => Assert.InRange(v, 5, 100));

        var unrounded = Processor(round: false).Postprocess(Source(), dest);
        Assert.Equal(
            unrounded.Doubles("quantity_start").Select(v => Math.Round(v, MidpointRounding.ToEven)),
            result.Doubles("quantity_start"));
    }

    [Fact]
    public void Postprocess_restores_the_row_order_of_dest()
    {
        var processor = Processor();
        var pre = processor.Preprocess(Source());
        var order = new[] { 3, 0, 4, 1, 5, 2 };
        var result = processor.Postprocess(Source(), pre.TakeRows(order));
        Near(order.Select(i => Source().Doubles("quantity_start")[i]).ToArray(), result.Doubles("quantity_start"));
    }

    [Fact]
    public void Preprocess_errors()
    {
        var error = Assert.Throws<ArgumentException>(() => Processor(sortBy: "nope").Preprocess(Source()));
        Assert.StartsWith("Expected valid variable names for `id_variable`, `target_start_variable`, `target_end_variable` and `sort_by_variable`", error.Message, StringComparison.Ordinal);
        var nulls = Source().WithColumn(Float("quantity_end", 10, 80, 70, 60, double.NaN, 5));
        error = Assert.Throws<ArgumentException>(() => Processor().Preprocess(nulls));
        Assert.StartsWith("Expected no missing values for `id_variable`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Postprocess_errors_name_the_column()
    {
        var error = Assert.Throws<ArgumentException>(() => Processor().Postprocess(Source(), Of(Int("id", 1))));
        Assert.Contains("quantity_s_first_val", error.Message, StringComparison.Ordinal);
    }
}
