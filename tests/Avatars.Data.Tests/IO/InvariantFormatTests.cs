using System.Globalization;
using Avatars.Data.IO.Csv;

namespace Avatars.Data.Tests.IO;

/// <summary>The fast formatters give exactly what the .NET formats give.</summary>
public class InvariantFormatTests
{
    private static string Reference(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.AsSpan().ContainsAnyExcept("-0123456789") ? text : text + ".0";
    }

    private static string Fast(double value)
    {
        Span<char> buffer = stackalloc char[InvariantFormat.MaxLength];
        return buffer[..InvariantFormat.Float(value, buffer)].ToString();
    }

    [Theory]
    [InlineData(0.0, "0.0")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(1.0, "1.0")]
    [InlineData(-3.0, "-3.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(123.456, "123.456")]
    [InlineData(-0.000123, "-0.000123")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1E-05")]
    [InlineData(1e14, "100000000000000.0")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(1e17, "1E+17")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    [InlineData(double.MaxValue, "1.7976931348623157E+308")]
    [InlineData(double.Epsilon, "5E-324")]
    public void Floats_are_formatted_like_R_with_a_point_on_whole_numbers(double value, string expected)
    {
        Assert.Equal(expected, Fast(value));
        Assert.Equal(Reference(value), Fast(value));
    }

    [Fact]
    public void Floats_match_R_on_many_values_of_every_magnitude_and_precision()
    {
        var random = new Random(7);
        for (var i = 0; i < 300_000; i++)
        {
            var magnitude = Math.Pow(10, random.Next(-8, 17));
            var value = (random.NextDouble() - 0.5) * magnitude;
            var decimals = random.Next(0, 9);
            var rounded = Math.Round(value, Math.Min(decimals, 15));
            foreach (var candidate in new[] { value, rounded, (float)rounded, Math.Round(value * 1e6) / 1e6 })
            {
                Assert.Equal(Reference(candidate), Fast(candidate));
            }
        }
    }

    [Fact]
    public void Timestamps_match_the_custom_formats()
    {
        var random = new Random(11);
        Span<char> buffer = stackalloc char[InvariantFormat.MaxLength];
        long[] edges = [DateTime.MinValue.Ticks + TimeSpan.TicksPerDay, new DateTime(999, 1, 2).Ticks, new DateTime(2020, 2, 29, 23, 59, 59).Ticks + 1, DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay];
        for (var i = 0; i < 100_000; i++)
        {
            var ticks = i < edges.Length ? edges[i] : random.NextInt64(DateTime.MinValue.Ticks + TimeSpan.TicksPerDay, DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay);
            if (i % 3 == 1)
            {
                ticks -= ticks % TimeSpan.TicksPerSecond; // no fraction
            }
            else if (i % 3 == 2)
            {
                ticks -= ticks % 10_000; // milliseconds only
            }

            var naive = new DateTime(ticks, DateTimeKind.Unspecified);
            Assert.Equal(
                naive.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
                buffer[..InvariantFormat.Timestamp(ticks, dateOnly: false, buffer)].ToString());
            Assert.Equal(naive.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), buffer[..InvariantFormat.Timestamp(ticks, dateOnly: true, buffer)].ToString());

            var offset = TimeSpan.FromMinutes(random.Next(-14 * 60, (14 * 60) + 1));
            var zoned = new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(offset);
            Assert.Equal(
                zoned.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
                buffer[..InvariantFormat.Timestamp(ticks, offset, buffer)].ToString());
        }
    }
}
