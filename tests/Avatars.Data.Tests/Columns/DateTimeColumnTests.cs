namespace Avatars.Data.Tests.Columns;

public class DateTimeColumnTests
{
    [Fact]
    public void Naive_values_are_datetimes_and_zoned_values_datetimeoffsets()
    {
        var ticks = new DateTime(2020, 1, 31, 10, 0, 0).Ticks;

        var naive = new DateTimeColumn("t", [ticks]).GetValue(0);
        var zoned = new DateTimeColumn("t", [ticks], null, TimeSpan.FromHours(2)).GetValue(0);

        Assert.Equal(new DateTime(2020, 1, 31, 10, 0, 0), Assert.IsType<DateTime>(naive));
        Assert.Equal(new DateTimeOffset(2020, 1, 31, 12, 0, 0, TimeSpan.FromHours(2)), Assert.IsType<DateTimeOffset>(zoned));
    }
}
