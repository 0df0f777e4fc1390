using Avatars.Client.Processors;
using Avatars.Data;
using static Avatars.Client.Tests.Processors.Tables;

namespace Avatars.Client.Tests.Processors;

public sealed class DatetimeProcessorTests
{
    [Fact]
    public void Preprocess_turns_timestamps_into_seconds_since_the_epoch()
    {
        var source = Of(Dates("d", new DateTime(2015, 1, 1, 7, 6, 40), DateTime.UnixEpoch), Int("n", 1, 2));
        var result = new DatetimeProcessor().Preprocess(source);
        Assert.Equal(ColumnType.Float, result["d"].Type);
        Near([1.420096e9, 0], result.Doubles("d"));
        Assert.Same(source["n"], result["n"]);
    }

    [Fact]
    public void Preprocess_converts_zoned_timestamps_from_utc()
    {
        var utc = new DateTime(2015, 1, 1, 7, 6, 40).Ticks;
        var source = Of(new DateTimeColumn("d", [utc], offset: TimeSpan.FromHours(2)));
        Near([1.420096e9], new DatetimeProcessor().Preprocess(source).Doubles("d"));
    }

    [Fact]
    public void Postprocess_turns_seconds_back_into_naive_timestamps()
    {
        var source = Of(Dates("d", new DateTime(2015, 1, 1)), Int("n", 1));
        var dest = Of(Float("d", 1.420096e9), Int("n", 1));
        var result = new DatetimeProcessor().Postprocess(source, dest);
        Assert.Equal(ColumnType.DateTime, result["d"].Type);
        Assert.Equal(new DateTime(2015, 1, 1, 7, 6, 40), result["d"].GetValue(0));
        Assert.Same(dest["n"], result["n"]);
    }

    [Fact]
    public void Round_trip_keeps_missing_values()
    {
        var source = Of(new DateTimeColumn("d", [new DateTime(2020, 2, 3, 4, 5, 6).Ticks, 0], [false, true]));
        var processor = new DatetimeProcessor();
        var pre = processor.Preprocess(source);
        Assert.True(double.IsNaN(pre.Doubles("d")[1]));
        Same(source, processor.Postprocess(source, pre));
    }

    [Fact]
    public void Postprocess_leaves_zoned_columns_in_seconds_as_the_vendor_does()
    {
        var source = Of(new DateTimeColumn("d", [DateTime.UnixEpoch.Ticks], offset: TimeSpan.Zero));
        var dest = Of(Float("d", 10));
        Assert.Same(dest["d"], new DatetimeProcessor().Postprocess(source, dest)["d"]);
    }

    [Fact]
    public void Postprocess_does_not_modify_dest()
    {
        var source = Of(Dates("d", new DateTime(2015, 1, 1)));
        var dest = Of(Float("d", 1.420096e9));
        new DatetimeProcessor().Postprocess(source, dest);
        Assert.Equal(ColumnType.Float, dest["d"].Type);
    }
}
